import type { ChromosomeType } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import type { CaseChromosome } from '../../pipeline/profiles/profiled-case';
import { pairMismatch } from '../../pipeline/verdict/profile-alignment';
import { caseBandLevel } from '../../pipeline/verdict/score-case';
import type { CellTypeView, ChromosomeView, OverviewImages, PairDetail, TypeView } from '../analysis-api';
import type { StoredCase } from './stored-case';
import { activeCells } from './stored-case';

/**
 * Views hand out copies of the stored buffers, collected in `transferables`, so that comlink can move
 * them to the page without a second copy while the worker keeps its own.
 */
export class TransferList {
  readonly transferables: ArrayBuffer[] = [];

  image(image: GrayImage): GrayImage {
    const pixels = image.pixels.slice();
    this.transferables.push(pixels.buffer);
    return { width: image.width, height: image.height, pixels };
  }

  floats(values: Float32Array): Float32Array {
    const copy = values.slice();
    this.transferables.push(copy.buffer);
    return copy;
  }
}

function chromosomeView(c: CaseChromosome, list: TransferList): ChromosomeView {
  return {
    homolog: c.homolog,
    image: list.image(c.straightened),
    profile: list.floats(c.profile),
    samples: c.samples,
    confidence: c.confidence,
    ...(c.axisCoverage !== undefined ? { axisCoverage: c.axisCoverage } : {}),
    ...(c.chromatidDisagreement !== undefined ? { chromatidDisagreement: c.chromatidDisagreement } : {}),
    ...(c.cutOutDoubt !== undefined ? { cutOutDoubt: c.cutOutDoubt } : {}),
    // The picture without its straightening recipe (the mask stays in the worker, which redraws).
    ...(c.axisPicture
      ? {
          axisPicture: { image: list.image(c.axisPicture.image), axis: c.axisPicture.axis },
        }
      : {}),
    centreLineEditable: c.axisPicture?.recipe !== undefined,
    ...(c.manualCentreLine
      ? {
          manualCentreLine: {
            points: c.manualCentreLine.points,
            earlierLines: c.manualCentreLine.earlier.length,
          },
        }
      : {}),
  };
}

export function typeViewOf(
  stored: StoredCase,
  type: ChromosomeType,
  regionSamples: number,
  list: TransferList,
): TypeView {
  const detail = stored.details.get(type);
  const cells = activeCells(stored);
  const views = cells.map((cell): CellTypeView => {
    const chromosomes = cell.chromosomes.filter((c) => c.type === type).sort((a, b) => a.homolog - b.homolog);
    const k = detail?.cells.indexOf(cell.id) ?? -1;
    const prediction = k >= 0 ? detail?.prediction.pairs[k] : undefined;
    const [first, second] = chromosomes;
    // The same evidence the verdict's region was located from (scoreCase), recomputed here because it
    // is cheap (under 7 ms for the longest pair in Node) and so stored cases need not carry it.
    const mismatch = first && second ? pairMismatch(first, second) : null;
    const pair: PairDetail | null =
      prediction && mismatch
        ? {
            alpha: prediction.alpha,
            attention: prediction.attention.map((layer) =>
              layer.map((head) => ({
                oneToTwo: list.floats(head.oneToTwo),
                twoToOne: list.floats(head.twoToOne),
              })),
            ),
            mismatch: [list.floats(mismatch[0]), list.floats(mismatch[1])],
          }
        : null;
    return {
      cell: cell.id,
      bandLevel: cell.bandLevel.value,
      chromosomes: chromosomes.map((c) => chromosomeView(c, list)),
      pair,
      leftOut: detail !== undefined && k < 0 && first !== undefined && second !== undefined,
    };
  });
  return {
    caseId: stored.id,
    type,
    verdict: stored.verdicts.find((v) => v.type === type) ?? null,
    threshold: stored.model.threshold,
    regionSamples,
    caseBandLevel: caseBandLevel(cells),
    cells: views,
  };
}

export function overviewOf(
  stored: StoredCase,
  cellId: string | undefined,
  list: TransferList,
): OverviewImages {
  const cells = activeCells(stored);
  const cell = cells.find((c) => c.id === cellId) ?? cells[0];
  if (!cell) return { cell: '', types: [] };
  const types = stored.verdicts.map((verdict) => ({
    type: verdict.type,
    images: cell.chromosomes
      .filter((c) => c.type === verdict.type)
      .sort((a, b) => a.homolog - b.homolog)
      .map((c) => list.image(c.straightened)),
  }));
  return { cell: cell.id, types };
}
