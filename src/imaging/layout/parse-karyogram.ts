import type { GrayImage } from '../../shared/gray-image';
import { segmentImage } from '../segment/segment-image';
import { inImagingStep } from '../step-marks';
import { KaryogramRejectedError } from './karyogram-rejected-error';
import type { KaryogramLayout, SlotMethod } from './karyogram-layout';
import { classifyComponents, MAX_KARYOGRAM_PIECES } from './classify-components';
import type { Piece } from './piece';
import { uprightFraction } from './orientation';
import { ISCN_ROWS, RELATIVE_LENGTH } from './relative-length';
import { findRows } from './rows';
import { assignAllSlots, planRows } from './row-slots';
import { buildChromosomes, estimateLengthScale, type SlotContent } from './slot-contents';
import { splitTouchingPair } from './split-touching';

/**
 * Narrowest typical chromosome (pixels) a karyogram is read at. Measured by scaling karyograms down
 * (a synthetic 46,XX, 100955NVG and 98917NVG of ../shared/data): every count stays right at half size
 * (chromosomes 10–11 px wide) and goes wrong for 2–8 types at a third (7–8 px), where pairs also score
 * as abnormal wholesale; the narrowest real karyogram here is read at 11 px.
 */
export const MIN_CHROMOSOME_WIDTH_PX = 9;

/**
 * Finds every chromosome of a karyogram in ISCN layout (dark on light, or light on dark: inverted
 * automatically) and assigns its type and homolog index. Rows come from the vertical projection of the
 * chromosomes; slots within a row from the baseline segments or printed numbers when there is one per
 * slot, otherwise from the gaps between chromosomes, their counts and their sizes (dynamic programming).
 * Touching homologs are cut apart, broken chromosomes joined.
 *
 * @throws KaryogramRejectedError when the image is not a karyogram (photo, metaphase spread)
 */
export function parseKaryogram(image: GrayImage): KaryogramLayout {
  const segmented = segmentImage(image);
  const { background, darkness, labelling } = segmented;
  if (background.cleanFraction < 0.5) {
    throw new KaryogramRejectedError(
      'no-clean-background',
      `${Math.round(100 * background.cleanFraction)} % of pixels are clean background, want ≥ 50 %`,
    );
  }
  if (labelling.components.length > 5000) {
    throw new KaryogramRejectedError('too-many-objects', `${labelling.components.length} separate objects`);
  }
  const objects = inImagingStep('classify components', () =>
    classifyComponents(labelling, segmented.distance, darkness),
  );
  const warnings: string[] = [];
  const { pieces, chromosomeWidth } = objects;
  if (pieces.length >= 20 && chromosomeWidth < MIN_CHROMOSOME_WIDTH_PX) {
    throw new KaryogramRejectedError(
      'too-low-resolution',
      `chromosomes about ${chromosomeWidth.toFixed(0)} px wide, want ≥ ${MIN_CHROMOSOME_WIDTH_PX} px`,
    );
  }
  if (pieces.length < 20) {
    throw new KaryogramRejectedError('too-few-chromosomes', `${pieces.length} chromosome-like objects`);
  }
  if (pieces.length > MAX_KARYOGRAM_PIECES) {
    throw new KaryogramRejectedError('too-many-objects', `${pieces.length} chromosome-like objects`);
  }
  const upright = uprightFraction(pieces);
  if (upright < 0.65) {
    throw new KaryogramRejectedError(
      'no-row-structure',
      `only ${Math.round(100 * upright)} % of elongated chromosomes stand upright`,
    );
  }
  const bands = inImagingStep('rows', () => findRows(pieces, objects.referenceArea));
  const rowPieces = bands.map((band) => band.pieces);
  checkRowStructure(bands, rowPieces);
  const {
    contents: slots,
    hypothesis,
    plans,
  } = inImagingStep('slots', () => {
    const planned = planRows(bands, rowPieces, segmented.ruleLines, objects.text, image.height);
    return { ...assignAllSlots(planned, chromosomeWidth), plans: planned };
  });
  const standard = bands.length === ISCN_ROWS.length;
  if (!standard) {
    warnings.push(
      `found ${bands.length} rows of chromosomes, not ${ISCN_ROWS.length}: read as ${hypothesis.description}`,
    );
  }
  // An unusual row structure makes every type less certain, whatever the slot evidence says.
  const chromosomes = inImagingStep('split and build', () => {
    splitSingletons(slots, darkness, image.width, chromosomeWidth, warnings);
    return buildChromosomes(slots, chromosomeWidth, warnings).map((c) =>
      standard ? c : { ...c, confidence: 0.7 * c.confidence },
    );
  });
  if (objects.oversized.length > 0) warnings.push(`ignored ${objects.oversized.length} oversized object(s)`);
  return {
    width: image.width,
    height: image.height,
    chromosomes,
    background,
    chromosomeWidth,
    rows: plans.map((p, row) => ({ y0: p.y0, y1: p.y1, slotMethod: slotMethodOfRow(slots, row) })),
    warnings,
  };
}

/**
 * Refuses images without karyogram rows. In a karyogram each row is about as tall as its tallest
 * chromosome; in a metaphase spread the vertical extents chain into one or two tall bands.
 */
function checkRowStructure(
  bands: readonly { y0: number; y1: number }[],
  rowPieces: readonly Piece[][],
): void {
  if (bands.length < 3 || bands.length > 8) {
    throw new KaryogramRejectedError('no-row-structure', `${bands.length} row band(s)`);
  }
  let stretch = 0;
  bands.forEach((band, i) => {
    const tallest = Math.max(1, ...(rowPieces[i] ?? []).map((p) => p.box.y1 - p.box.y0));
    stretch += (band.y1 - band.y0) / tallest;
  });
  stretch /= bands.length;
  if (stretch > 1.5) {
    throw new KaryogramRejectedError(
      'no-row-structure',
      `rows are ${stretch.toFixed(1)}× as tall as their tallest chromosome`,
    );
  }
}

/**
 * Cuts apart slots holding one blob where two homologs are expected: tried only when the blob is about
 * twice as long (area / width) as one chromosome of its type, the length scale coming from the cell's
 * normal pairs (always tried when no slot holds a pair). A single chromosome, as in a monosomy or next to
 * a Robertsonian, stays whole however it bends: the seam test alone cut an S-bent lone 14 of a
 * 45,XY,rob(13;14) cell in two. Never for Y (at most one is normal).
 */
function splitSingletons(
  slots: SlotContent[],
  darkness: Float32Array,
  imageWidth: number,
  chromosomeWidth: number,
  warnings: string[],
): void {
  const scale = estimateLengthScale(slots, chromosomeWidth);
  for (const slot of slots) {
    const only = slot.pieces[0];
    if (slot.pieces.length !== 1 || only === undefined || slot.type === 'Y') continue;
    const length = only.area / Math.max(1, chromosomeWidth);
    if (slot.type === 'X' && scale === null) continue;
    if (scale !== null && length < 1.6 * scale * RELATIVE_LENGTH[slot.type]) continue;
    const halves = splitTouchingPair(only, darkness, imageWidth, chromosomeWidth);
    if (halves === null) continue;
    slot.pieces = halves;
    warnings.push(`type ${slot.type}: split a blob of two touching chromosomes`);
  }
}

/** How the slots of an image row were found (the first slot content of that row says). */
function slotMethodOfRow(slots: readonly SlotContent[], row: number): SlotMethod {
  return slots.find((s) => s.row === row)?.method ?? 'gaps';
}
