import type { ChromosomeType } from '../shared/chromosome-types';
import type { CaseSummary } from '../worker/analysis-api';
import type { FineTuneCase } from '../worker/finetune-api';
import type { CaseRecord, CaseStatus } from './review-types';
import { caseStatus, flaggedTypes, latestDecisions } from './review-types';

/** A worklist case as the fine-tuning picker shows it. */
export interface FineTuneCandidateCase {
  readonly id: string;
  readonly name: string;
  readonly status: CaseStatus;
  readonly cells: number;
  /** The reviewer's latest decisions per type; 'unsure' is no label. */
  readonly labels: FineTuneCase['labels'];
  /** Types the model flags that nobody has decided on: they would count as normal. */
  readonly undecided: readonly ChromosomeType[];
  /** Cases imported from JSON have no profiles to learn from, refused ones no cells. */
  readonly usable: boolean;
  /** Where it came from: only the lab's own files are picked by default (see defaultPicks). */
  readonly origin: CaseSummary['origin'];
}

/** Reviewed labels of a case: the latest abnormal/normal decision per type. */
export function reviewLabels(record: CaseRecord): FineTuneCase['labels'] {
  const labels: Partial<Record<ChromosomeType, 'abnormal' | 'normal'>> = {};
  for (const [type, decision] of latestDecisions(record)) {
    if (decision.decision !== 'unsure') labels[type] = decision.decision;
  }
  return labels;
}

/** Every worklist case with what fine-tuning would learn from it, newest first. */
export function fineTuneCandidates(cases: Readonly<Record<string, CaseRecord>>): FineTuneCandidateCase[] {
  return Object.values(cases)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((record) => {
      const labels = reviewLabels(record);
      return {
        id: record.id,
        name: record.summary.name,
        status: caseStatus(record),
        cells: record.summary.cells.filter((c) => !c.excluded).length,
        labels,
        undecided: flaggedTypes(record.summary).filter((type) => labels[type] === undefined),
        usable: record.summary.hasImages && record.summary.cells.length > 0,
        origin: record.summary.origin,
      };
    });
}

/**
 * Picked by default: the lab's own cases (files, not the demo, teaching cases or synthetic drawings)
 * whose every flag has a decision (reviewed, or nothing flagged), since a flagged type nobody decided on
 * would be learnt as normal. A reviewer may still pick any usable case by hand.
 */
export function defaultPicks(candidates: readonly FineTuneCandidateCase[]): string[] {
  return candidates
    .filter((c) => c.usable && c.origin === 'files' && c.undecided.length === 0)
    .map((c) => c.id);
}
