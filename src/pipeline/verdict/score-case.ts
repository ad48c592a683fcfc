import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import type { BagInput } from '../../model/inputs';
import type { BagPrediction } from '../../model/prediction';
import type { HomNetModel } from '../../model/homnet-model';
import { chromosomeDoubts } from './chromosome-doubts';
import type { DifferenceRegion } from './difference-region';
import { differenceRegion } from './difference-region';
import { typeMismatch } from './block-placement';
import { calibrateVerdicts } from './case-calibration';
import type { CaseChromosome, FileError, ProfiledCase, ProfiledCaseCell } from '../profiles/profiled-case';

/** The verdict for one chromosome type of a case (formats.md `types[]`). */
export interface TypeVerdict {
  readonly type: ChromosomeType;
  /** Chromosomes of this type in each cell, in cell order (2 is normal for autosomes). */
  readonly copies: readonly number[];
  /**
   * Abnormal probability, or null when no cell has a complete pair: the model's, lowered where the case
   * scores high as a whole (see case-calibration and `modelScore`).
   */
  readonly score: number | null;
  /**
   * The model's own probability, before the case calibration; absent in cases saved before it existed
   * (their `score` is the model's).
   */
  readonly modelScore?: number | null;
  /**
   * score ≥ the model's threshold; null with the score, and null when the type is `unreliable` (its score
   * then rests on doubtful pairs only and flags nothing).
   */
  readonly abnormal: boolean | null;
  /**
   * Why no verdict is given although the type was scored: every pair of it has a homolog whose
   * straightening or metaphase cut-out is doubtful (`straightening`, `cut-out`, or both, comma-joined).
   * Null or absent (cases saved before it existed) when the verdict rests on sound pairs.
   */
  readonly unreliable?: string | null;
  readonly pairs: readonly { readonly cell: string; readonly alpha: number }[];
  readonly region: DifferenceRegion | null;
}

/** A scored case, plus everything the review screen shows beyond the JSON. */
export interface ScoredCase {
  readonly id: string;
  readonly cells: readonly ProfiledCaseCell[];
  readonly types: readonly TypeVerdict[];
  /** How far every score was lowered, log-odds (0: not at all), see case-calibration. */
  readonly scoreShift: number;
  readonly errors: readonly FileError[];
  /** Per scored type: the full prediction (attention, differences) and the chromosomes of each pair. */
  readonly details: ReadonlyMap<ChromosomeType, { prediction: BagPrediction; pairs: PairSource[] }>;
}

/** Which chromosomes of which cell made a pair. */
export interface PairSource {
  readonly cell: string;
  readonly homologs: readonly [CaseChromosome, CaseChromosome];
}

/** The most frequent band level among the cells (ties to the lower level). */
export function caseBandLevel(cells: readonly ProfiledCaseCell[]): BandLevel {
  const counts = new Map<BandLevel, number>();
  for (const cell of cells) counts.set(cell.bandLevel.value, (counts.get(cell.bandLevel.value) ?? 0) + 1);
  let best: BandLevel = 400;
  let bestCount = 0;
  for (const [level, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = level;
      bestCount = count;
    }
  }
  return best;
}

/** The pairs a type's verdict rests on, and why it is unreliable when they are all doubtful. */
export interface VerdictBasis {
  readonly pairs: PairSource[];
  /** `straightening`, `cut-out` or both (comma-joined) when every pair is doubtful; else null. */
  readonly unreliable: string | null;
}

/**
 * Pairs of one type that the verdict rests on: the first two copies of each cell that has at least two,
 * except pairs with a doubtful homolog while another cell has a pair without one. A homolog is doubtful
 * when its straightening is (a folded or hooked chromosome whose axis covers part of it, see
 * axis-coverage; chromatids that disagree because the centre line left the middle, see
 * chromatid-agreement) or its metaphase cut-out is (touching or crossing another object, see
 * cutOutBoxes, so its mask may hold part of a neighbour). Such a pair looks abnormal whatever the
 * chromosomes are: each of the 3 folded homologs in the 56 held-out pki3 cases made a false flag, and
 * on 62 tseng validation patients 42 % of pairs with a touching cut-out score above the threshold
 * against 8 % of free ones. When every pair is doubtful they are all kept, so that the score and the
 * pair view still exist, and the type is `unreliable`: it flags nothing. A pair view still shows a
 * left-out pair, marked.
 */
export function verdictBasis(type: ChromosomeType, cells: readonly ProfiledCaseCell[]): VerdictBasis {
  const pairs: PairSource[] = [];
  for (const cell of cells) {
    const copies = cell.chromosomes.filter((c) => c.type === type).sort((a, b) => a.homolog - b.homolog);
    const [first, second] = copies;
    if (first && second) pairs.push({ cell: cell.id, homologs: [first, second] });
  }
  const reliable = pairs.filter((pair) => pair.homologs.every((c) => chromosomeDoubts(c).length === 0));
  if (reliable.length > 0 || pairs.length === 0) return { pairs: reliable, unreliable: null };
  const kinds = new Set(pairs.flatMap((pair) => pair.homologs.flatMap(chromosomeDoubts)));
  return { pairs, unreliable: [...kinds].sort((a, b) => b.localeCompare(a)).join(', ') };
}

/** The pairs of {@link verdictBasis}. */
export function verdictPairs(type: ChromosomeType, cells: readonly ProfiledCaseCell[]): PairSource[] {
  return verdictBasis(type, cells).pairs;
}

/**
 * Why a type has no pair to score, in the reader's words, or null when that is what the cells should
 * hold: a Y has no homolog to pair with, and neither has the single X of a cell that also holds a Y.
 * A cell's sex comes from the cell itself, so a 45,X cell's lone X is reported, not called male.
 */
export function unscoredReason(type: ChromosomeType, cells: readonly ProfiledCaseCell[]): string | null {
  const count = (cell: ProfiledCaseCell, t: ChromosomeType): number =>
    cell.chromosomes.filter((c) => c.type === t).length;
  if (Math.max(0, ...cells.map((cell) => count(cell, type))) > 1) return 'no cell has a complete pair';
  if (type === 'Y') return null;
  if (type === 'X') {
    if (cells.every((cell) => count(cell, 'X') === 0 || count(cell, 'Y') > 0)) return null;
    return 'a cell holds one X and no Y (45,X, or a lost Y?): no pair to compare';
  }
  return 'at most one copy per cell (a monosomy, or a copy not found): no pair to compare';
}

/**
 * Scores every type of a profiled case in one batched model call and turns the predictions into
 * verdicts. Types seen in no cell are left out; types without a complete pair get score null and an
 * error saying why.
 */
export async function scoreCase(model: HomNetModel, profiled: ProfiledCase): Promise<ScoredCase> {
  const cells = profiled.cells;
  const errors: FileError[] = [...profiled.errors];
  const seen = CHROMOSOME_TYPES.filter((type) =>
    cells.some((cell) => cell.chromosomes.some((c) => c.type === type)),
  );
  const bandOf = new Map(cells.map((cell) => [cell.id, cell.bandLevel.value]));
  const scored = seen
    .map((type) => ({ type, ...verdictBasis(type, cells) }))
    .filter((entry) => entry.pairs.length > 0);
  const bags: BagInput[] = scored.map(({ type, pairs }) => ({
    type,
    pairs: pairs.map((p) => ({
      homologs: [p.homologs[0].profile, p.homologs[1].profile],
      bandLevel: bandOf.get(p.cell) ?? 400,
    })),
  }));
  const predictions = bags.length > 0 ? await model.predict(bags) : [];
  const details = new Map<ChromosomeType, { prediction: BagPrediction; pairs: PairSource[] }>();
  const unreliableOf = new Map(scored.map((entry) => [entry.type, entry.unreliable]));
  scored.forEach((entry, i) => {
    const prediction = predictions[i];
    if (prediction) details.set(entry.type, { prediction, pairs: entry.pairs });
  });
  const level = caseBandLevel(cells);
  const types = seen.map((type): TypeVerdict => {
    const copies = cells.map((cell) => cell.chromosomes.filter((c) => c.type === type).length);
    const detail = details.get(type);
    if (!detail) {
      const why = unscoredReason(type, cells);
      if (why !== null) errors.push({ file: profiled.id, message: `type ${type}: ${why}; not scored` });
      return { type, copies, score: null, abnormal: null, unreliable: null, pairs: [], region: null };
    }
    const { prediction, pairs } = detail;
    const mismatch = typeMismatch(pairs.map((p) => p.homologs));
    const unreliable = unreliableOf.get(type) ?? null;
    return {
      type,
      copies,
      score: prediction.probability,
      abnormal: unreliable === null ? prediction.probability >= model.info.threshold : null,
      unreliable,
      pairs: prediction.pairs.map((p, k) => ({ cell: pairs[k]?.cell ?? '', alpha: p.alpha })),
      region: differenceRegion(type, level, mismatch),
    };
  });
  const calibrated = calibrateVerdicts(types, model.info.caseCalibration, model.info.threshold);
  return { id: profiled.id, cells, types: calibrated.types, scoreShift: calibrated.shift, errors, details };
}
