import type { ChromosomeType } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import type { CellPicture } from '../../pipeline/profiles/cell-picture';
import type { CaseChromosome } from '../../pipeline/profiles/profiled-case';
import { pairMismatch } from '../../pipeline/verdict/profile-alignment';
import { typeMismatch } from '../../pipeline/verdict/block-placement';
import { caseBandLevel } from '../../pipeline/verdict/score-case';
import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import type {
  CellKaryogramView,
  CellTypeView,
  ChromosomeView,
  KaryogramChromosomeView,
  OverviewImages,
  PairDetail,
  TypeView,
} from '../analysis-api';
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
    ...(c.typeDoubt !== undefined ? { typeDoubt: c.typeDoubt } : {}),
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
  const copiesOf = (cell: (typeof cells)[number]): CaseChromosome[] =>
    cell.chromosomes.filter((c) => c.type === type).sort((a, b) => a.homolog - b.homolog);
  // The same evidence the verdict's region was located from (scoreCase: the pairs it rests on aligned
  // together, so that extra material is placed once for all of them), recomputed here because it is
  // cheap and so stored cases need not carry it. A left-out pair is aligned alone.
  const verdictCells = cells.filter((cell) => (detail?.cells.indexOf(cell.id) ?? -1) >= 0);
  const verdictPairs = verdictCells.flatMap((cell) => {
    const [first, second] = copiesOf(cell);
    return first && second ? [{ cell: cell.id, homologs: [first, second] as const }] : [];
  });
  const together = new Map(
    typeMismatch(verdictPairs.map((p) => p.homologs)).map((m, i) => [verdictPairs[i]?.cell ?? '', m]),
  );
  const views = cells.map((cell): CellTypeView => {
    const chromosomes = copiesOf(cell);
    const k = detail?.cells.indexOf(cell.id) ?? -1;
    const prediction = k >= 0 ? detail?.prediction.pairs[k] : undefined;
    const [first, second] = chromosomes;
    const mismatch = together.get(cell.id) ?? (first && second ? pairMismatch(first, second) : null);
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

/**
 * One cell, excluded or not, as an arranged karyogram: every chromosome under its type in karyogram
 * order (1–22, X, Y; homologs in order), with whether it can be split or joined.
 *
 * @throws Error when the case has no such cell
 */
export function cellKaryogramOf(
  stored: StoredCase,
  cellId: string,
  list: TransferList,
  picture: CellPicture | null = null,
): CellKaryogramView {
  const cell = stored.profiled.cells.find((c) => c.id === cellId);
  if (cell === undefined) throw new Error(`case ${stored.name} has no cell ${cellId}`);
  const order = (c: CaseChromosome): number => CHROMOSOME_TYPES.indexOf(c.type) * 1000 + c.homolog;
  const chromosomes = [...cell.chromosomes]
    .sort((a, b) => order(a) - order(b))
    .map((c): KaryogramChromosomeView => {
      const editable = c.axisPicture?.recipe !== undefined;
      return {
        ...chromosomeView(c, list),
        type: c.type,
        splittable: editable,
        joinable: editable && c.box !== undefined,
        ...(c.box ? { box: c.box } : {}),
      };
    });
  return {
    caseId: stored.id,
    cell: cell.id,
    source: cell.source,
    ...(cell.typesAssigned ? { typesAssigned: cell.typesAssigned } : {}),
    chromosomes,
    ...(picture ? { picture: { image: list.image(picture.image), scale: picture.scale } } : {}),
  };
}
