import type { ChromosomeType } from '../../shared/chromosome-types';
import type { Labelling } from '../segment/components';
import type { BinaryMask, PixelBox } from '../segment/mask';
import { splitSharedObject, type ObjectSplit } from './shared-object-split';
import type { AnnotatedBox } from './voc-annotation';

/** One annotated chromosome cut out of its metaphase. */
export interface BoxCutOut {
  readonly type: ChromosomeType;
  readonly label: string;
  /** The annotated box, image pixels (x1, y1 exclusive); the mask is relative to it. */
  readonly box: PixelBox;
  /** The chromosome's pixels within the box: the object the box was drawn round, nothing of neighbours. */
  readonly mask: BinaryMask;
  /** Pixels in `mask`. */
  readonly areaPixels: number;
  /**
   * Why this cut-out may not be the chromosome alone (it touches or crosses another chromosome, a
   * nucleus or debris, so part of its mask may be theirs), null when it stands free.
   */
  readonly doubt: string | null;
}

/**
 * How far (pixels, plus a share of the box's size) the object may reach past its box before it counts
 * as joined to something else: annotators draw tight boxes, and a blurred rim crosses them.
 */
const RIM_PIXELS = 2;
const RIM_SHARE = 0.02;

/** Share of the main object outside its (widened) box beyond which it is joined to something else. */
const JOINED_SHARE = 0.06;

/** Pieces wholly in a box (this share of their area) join its chromosome unless another box claims them. */
const INSIDE_SHARE = 0.9;

/** A piece smaller than this share of the main object is debris, not a broken-off part of the chromosome. */
const PIECE_SHARE = 0.04;

/** How many pixels of each object lie inside a box. */
function pixelsPerLabel(labelling: Labelling, box: PixelBox): Map<number, number> {
  const counts = new Map<number, number>();
  for (let y = box.y0; y < box.y1; y++) {
    const row = y * labelling.width;
    for (let x = box.x0; x < box.x1; x++) {
      const label = labelling.labels[row + x] ?? 0;
      if (label !== 0) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }
  return counts;
}

function widened(box: PixelBox, width: number, height: number): PixelBox {
  const rim = (size: number): number => RIM_PIXELS + Math.round(RIM_SHARE * size);
  const rx = rim(box.x1 - box.x0);
  const ry = rim(box.y1 - box.y0);
  return {
    x0: Math.max(0, box.x0 - rx),
    y0: Math.max(0, box.y0 - ry),
    x1: Math.min(width, box.x1 + rx),
    y1: Math.min(height, box.y1 + ry),
  };
}

/** The object with most pixels inside a box (0 when the box holds none). */
function mainLabel(counts: ReadonlyMap<number, number>): number {
  let best = 0;
  let bestCount = 0;
  for (const [label, count] of counts)
    if (count > bestCount) {
      best = label;
      bestCount = count;
    }
  return best;
}

/**
 * Cuts each annotated chromosome out of its metaphase. Within a box, the chromosome is the object with
 * most pixels there (the one the box was drawn round) plus any piece lying wholly inside the box that no
 * other box is drawn round (a chromosome broken at a pale band). Pieces of neighbours, nuclei and debris
 * that reach into the box are left out. An object that is the main one of several boxes (chromosomes
 * touching or crossing) is shared out between them (splitSharedObject), and an object that runs on
 * beyond its box (touching a nucleus, debris or an unboxed chromosome) is cut at the box; either way the
 * cut-out is marked doubtful, since part of its mask may not be its own.
 *
 * @param labelling the metaphase's objects (8-connected components of its mask)
 */
export function cutOutBoxes(labelling: Labelling, boxes: readonly AnnotatedBox[]): BoxCutOut[] {
  const { width, height } = labelling;
  const counts = boxes.map((b) => pixelsPerLabel(labelling, b.box));
  const mains = counts.map(mainLabel);
  const claimedBy = new Map<number, number[]>();
  mains.forEach((label, index) => {
    if (label !== 0) claimedBy.set(label, [...(claimedBy.get(label) ?? []), index]);
  });
  // Objects that several boxes are drawn round are shared out between those boxes once.
  const splits = new Map<number, { split: ObjectSplit; sharers: number[] }>();
  for (const [label, sharers] of claimedBy)
    if (sharers.length > 1)
      splits.set(label, {
        split: splitSharedObject(
          labelling,
          label,
          sharers.map((i) => boxes[i]?.box ?? { x0: 0, y0: 0, x1: 0, y1: 0 }),
        ),
        sharers,
      });
  /** Whether pixel (x, y) of object `label` belongs to box `index`. */
  const ownedBy = (label: number, x: number, y: number, index: number): boolean => {
    const shared = splits.get(label);
    if (shared === undefined) return true;
    const { region, owner } = shared.split;
    const k = owner[(y - region.y0) * (region.x1 - region.x0) + (x - region.x0)] ?? -1;
    return shared.sharers[k] === index;
  };
  return boxes.map((annotated, index): BoxCutOut => {
    const { box } = annotated;
    const inside = counts[index] ?? new Map<number, number>();
    const main = mains[index] ?? 0;
    const mainArea = main === 0 ? 0 : (labelling.components[main - 1]?.area ?? 0);
    const keep = new Set<number>(main === 0 ? [] : [main]);
    for (const [label, count] of inside) {
      const area = labelling.components[label - 1]?.area ?? 0;
      if (label === main || claimedBy.has(label)) continue;
      if (count >= INSIDE_SHARE * area && area >= PIECE_SHARE * mainArea) keep.add(label);
    }
    const boxWidthPixels = box.x1 - box.x0;
    const mask: BinaryMask = {
      width: boxWidthPixels,
      height: box.y1 - box.y0,
      data: new Uint8Array(boxWidthPixels * (box.y1 - box.y0)),
    };
    let areaPixels = 0;
    for (let y = box.y0; y < box.y1; y++)
      for (let x = box.x0; x < box.x1; x++) {
        const label = labelling.labels[y * width + x] ?? 0;
        if (keep.has(label) && ownedBy(label, x, y, index)) {
          mask.data[(y - box.y0) * boxWidthPixels + (x - box.x0)] = 1;
          areaPixels++;
        }
      }
    const shared = splits.get(main);
    const position = shared?.sharers.indexOf(index) ?? -1;
    const touched = [...(shared?.split.touching[position] ?? [])].map(
      (k) => boxes[shared?.sharers[k] ?? -1]?.label ?? '?',
    );
    let doubt: string | null = null;
    if (main === 0) doubt = 'nothing found in its box';
    else if (shared !== undefined) {
      doubt =
        touched.length > 0
          ? `touches or crosses ${touched.join(', ')}`
          : 'joined to other boxed chromosomes through a third';
    } else {
      const nearby = pixelsPerLabel(labelling, widened(box, width, height)).get(main) ?? 0;
      if (mainArea - nearby > JOINED_SHARE * mainArea)
        doubt = 'touches another object (a nucleus, debris or an unboxed chromosome)';
    }
    return { type: annotated.type, label: annotated.label, box, mask, areaPixels, doubt };
  });
}
