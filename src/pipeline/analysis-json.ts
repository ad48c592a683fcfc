import type { ModelInfo } from '../model/homnet-model';
import { straighteningDoubtTexts } from './verdict/chromosome-doubts';
import type { ScoredCase } from './verdict/score-case';

/** The `homnet-review/analysis@1` document of docs/formats.md (a contract: extend, never break). */
export interface AnalysisDocument {
  readonly schema: 'homnet-review/analysis@1';
  readonly model: { readonly id: string; readonly sha256: string };
  readonly backend: string;
  readonly cases: readonly CaseDocument[];
}

export interface CaseDocument {
  readonly case: string;
  readonly cells: readonly {
    id: string;
    source: string;
    chromosomes: number;
    bandLevel: number;
    bandLevelConfidence: number;
    /** Chromosomes whose type assignment is uncertain (confidence below 0.6), so a reader checks them. */
    lowConfidence?: { type: string; homolog: number; confidence: number }[];
    /**
     * Chromosomes whose straightening is doubtful (folded, hooked: imaging/profile/axis-coverage; chromatids
     * that disagree: imaging/profile/chromatid-agreement), with how much of them the axis covers and how
     * much their chromatids disagree, both relative to the cell (about 1 when sound; null where not
     * measured), and why: their pairs are left out of the verdict while another cell has a pair of that
     * type without a doubt (a type's `pairs` then lacks this cell), and a type with no other pair is
     * `unreliable`.
     */
    doubtfulStraightening?: {
      type: string;
      homolog: number;
      axisCoverage: number | null;
      chromatidDisagreement: number | null;
      reason: string;
    }[];
    /**
     * Metaphase chromosomes whose cut-out may hold part of another object (touching or crossing it; see
     * imaging/metaphase/box-cut-outs), with the reason: left out of the verdict like the above.
     */
    doubtfulCutOut?: { type: string; homolog: number; reason: string }[];
    /**
     * Present when nothing named the types (a metaphase image without annotation): they were assigned
     * automatically by the type classifier `classifier`, the cell read as `sex`; every chromosome with the
     * classifier's probability of its type (`confidence`, in object order). Those below the sure
     * probability are listed in `doubtfulType` and left out of the verdict like the above.
     */
    typesAssigned?: {
      automatically: true;
      classifier: string;
      sex: string;
      chromosomes: { type: string; homolog: number; confidence: number }[];
    };
    doubtfulType?: { type: string; homolog: number; reason: string }[];
  }[];
  readonly types: ScoredCase['types'];
  /**
   * How far every score of the case was lowered (log-odds) because the case scores higher than the
   * model's training labs as a whole (pipeline/verdict/case-calibration); 0 when not. Each type's
   * `modelScore` is the model's own.
   */
  readonly scoreShift?: number;
  readonly errors: readonly { file: string; message: string }[];
}

const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** A scored case as plain JSON: scores and weights rounded to 4 digits, no profiles or images. */
export function caseDocument(scored: ScoredCase): CaseDocument {
  return {
    case: scored.id,
    cells: scored.cells.map((cell) => ({
      id: cell.id,
      source: cell.source,
      chromosomes: cell.chromosomes.length,
      bandLevel: cell.bandLevel.value,
      bandLevelConfidence: round(cell.bandLevel.confidence, 3),
      lowConfidence: cell.chromosomes
        .filter((c) => c.confidence < 0.6)
        .map((c) => ({ type: c.type, homolog: c.homolog, confidence: round(c.confidence, 3) })),
      doubtfulStraightening: cell.chromosomes.flatMap((c) => {
        const reasons = straighteningDoubtTexts(c);
        return reasons.length === 0
          ? []
          : [
              {
                type: c.type,
                homolog: c.homolog,
                axisCoverage: c.axisCoverage === undefined ? null : round(c.axisCoverage, 3),
                chromatidDisagreement:
                  c.chromatidDisagreement === undefined ? null : round(c.chromatidDisagreement, 3),
                reason: reasons.join('; '),
              },
            ];
      }),
      doubtfulCutOut: cell.chromosomes.flatMap((c) =>
        c.cutOutDoubt === undefined ? [] : [{ type: c.type, homolog: c.homolog, reason: c.cutOutDoubt }],
      ),
      ...(cell.typesAssigned === undefined
        ? {}
        : {
            typesAssigned: {
              automatically: true as const,
              classifier: cell.typesAssigned.classifier,
              sex: cell.typesAssigned.sex,
              chromosomes: cell.chromosomes.map((c) => ({
                type: c.type,
                homolog: c.homolog,
                confidence: round(c.confidence, 3),
              })),
            },
            doubtfulType: cell.chromosomes.flatMap((c) =>
              c.typeDoubt === undefined ? [] : [{ type: c.type, homolog: c.homolog, reason: c.typeDoubt }],
            ),
          }),
    })),
    types: scored.types.map((t) => ({
      ...t,
      score: t.score === null ? null : round(t.score),
      modelScore: (t.modelScore ?? t.score) === null ? null : round(t.modelScore ?? t.score ?? 0),
      unreliable: t.unreliable ?? null,
      pairs: t.pairs.map((p) => ({ cell: p.cell, alpha: round(p.alpha) })),
      region: t.region ? { ...t.region, from: round(t.region.from, 3), to: round(t.region.to, 3) } : null,
    })),
    scoreShift: round(scored.scoreShift, 3),
    errors: scored.errors,
  };
}

export function analysisDocument(
  model: ModelInfo,
  backend: string,
  cases: readonly CaseDocument[],
): AnalysisDocument {
  return {
    schema: 'homnet-review/analysis@1',
    model: { id: model.id, sha256: model.sha256 },
    backend,
    cases,
  };
}
