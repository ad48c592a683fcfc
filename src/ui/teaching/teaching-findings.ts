import type { ChangedBands } from '../../karyotype/changed-bands';
import { changedBands } from '../../karyotype/changed-bands';
import { parseKaryotypeClones } from '../../karyotype/karyotype-clones';
import type { KaryotypeChange } from '../../karyotype/karyotype-types';
import { isNumerical } from '../../karyotype/karyotype-types';
import type { BandLevel } from '../../shared/chromosome-types';
import type { CaseSummary } from '../../worker/analysis-api';

type TypeVerdict = CaseSummary['types'][number];

/** What the model made of one changed chromosome type of a teaching case. */
export type TeachingOutcome = 'flagged' | 'not-flagged' | 'unreliable' | 'not-scored';

/** One changed type of one change: where the karyotype puts the change, and whether the model saw it. */
export interface TeachingFinding extends ChangedBands {
  readonly outcome: TeachingOutcome;
  /** The sentence the guide shows, saying plainly whether the model flagged the type. */
  readonly text: string;
}

export interface TeachingChange {
  readonly text: string;
  readonly kind: KaryotypeChange['kind'];
  readonly findings: readonly TeachingFinding[];
}

/** Why a change of this kind may pass unseen by a model that compares the two homologs' banding. */
const WHY_HARD: Readonly<Record<KaryotypeChange['kind'], string>> = {
  del: 'a small deletion changes the length and banding of one homolog only a little',
  dup: 'a duplicated stretch repeats bands the homolog already has, so it can pass for a longer chromosome',
  inv: 'an inversion keeps the length, and one whose bands nearly mirror around the breaks (a pericentric inversion of 9 around its heterochromatin) keeps the band pattern nearly the same',
  t: 'a translocation that exchanges stretches of similar banding keeps each derivative close to its homolog',
  ins: 'a short inserted stretch barely changes the length and banding',
  rob: 'a fused chromosome is placed with one of its two types and compared with a homolog of that type only',
  gain: 'HomNet compares the banding of two homologs; copy numbers are counted, not scored',
  loss: 'HomNet compares the banding of two homologs; copy numbers are counted, not scored',
};

const score = (v: number): string => v.toFixed(2);

function overlaps(verdict: TypeVerdict, changed: ChangedBands): boolean {
  const region = verdict.region;
  return region !== null && region.from < changed.to && region.to > changed.from;
}

function finding(
  change: KaryotypeChange,
  changed: ChangedBands,
  verdict: TypeVerdict | undefined,
  threshold: number,
): TeachingFinding {
  const where = `this change is in ${changed.bands}`;
  const type = changed.type;
  if (verdict?.score === null || verdict?.score === undefined) {
    return {
      ...changed,
      outcome: 'not-scored',
      text: `The model could not score ${type} (no cell has a pair of it): ${where}.`,
    };
  }
  const figures = `score ${score(verdict.score)}, threshold ${score(threshold)}`;
  if (verdict.abnormal === null) {
    return {
      ...changed,
      outcome: 'unreliable',
      text: `The model gave no verdict on ${type} (${figures}; its pairs are doubtful: ${verdict.unreliable ?? 'unknown'}): ${where}.`,
    };
  }
  if (!verdict.abnormal) {
    return {
      ...changed,
      outcome: 'not-flagged',
      text: `The model did not flag ${type} (${figures}): ${where}; ${WHY_HARD[change.kind]}, so HomNet can miss it.`,
    };
  }
  const region = verdict.region;
  const located =
    region === null
      ? 'it located no region'
      : overlaps(verdict, changed)
        ? `its suspected region ${region.bands} overlaps the change`
        : `its suspected region ${region.bands} lies outside the change: the model saw a difference, but not where the change is`;
  return {
    ...changed,
    outcome: 'flagged',
    text: `The model flagged ${type} (${figures}): ${where}; ${located}.`,
  };
}

/** The band level the guide names fractions at: the first cell's (all cells of a synthetic case share it). */
function levelOf(summary: CaseSummary): BandLevel {
  return summary.cells[0]?.bandLevel ?? 400;
}

/**
 * Every change of a teaching case's karyotype with, per chromosome type it alters, the bands the
 * karyotype names and whether the model flagged that type: what the guide must say plainly, flagged or
 * not. Empty for a case without a karyotype or with one that no longer parses.
 */
export function teachingChanges(summary: CaseSummary): TeachingChange[] {
  if (!summary.karyotype) return [];
  let changes: KaryotypeChange[];
  try {
    changes = parseKaryotypeClones(summary.karyotype).flatMap((clone) => [...clone.karyotype.changes]);
  } catch {
    return [];
  }
  const level = levelOf(summary);
  const seen = new Set<string>();
  const out: TeachingChange[] = [];
  for (const change of changes) {
    const text = isNumerical(change) ? `${change.kind === 'gain' ? '+' : '-'}${change.type}` : change.text;
    if (seen.has(text)) continue;
    seen.add(text);
    const findings = changedBands(change, level).map((changed) =>
      finding(
        change,
        changed,
        summary.types.find((t) => t.type === changed.type),
        summary.model.threshold,
      ),
    );
    out.push({ text, kind: change.kind, findings });
  }
  return out;
}
