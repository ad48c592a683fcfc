import type { TypeVerdict } from '../../pipeline/verdict/score-case';
import type { ChromosomeType } from '../../shared/chromosome-types';

export type VerdictKind = 'abnormal' | 'normal' | 'unreliable' | 'unscored';

export function verdictKind(verdict: TypeVerdict | null | undefined): VerdictKind {
  if (verdict && (verdict.unreliable ?? null) !== null) return 'unreliable';
  if (!verdict || verdict.abnormal === null) return 'unscored';
  return verdict.abnormal ? 'abnormal' : 'normal';
}

export const VERDICT_TEXT: Readonly<Record<VerdictKind, string>> = {
  abnormal: 'suspected abnormal',
  normal: 'no finding',
  unreliable: 'unreliable',
  unscored: 'not scored',
};

/**
 * A type's verdict in the reviewer's words; an unreliable one says what failed (`unreliable:
 * straightening`), since its score rests on doubtful pairs only and flags nothing.
 */
export function verdictText(verdict: TypeVerdict | null | undefined): string {
  const kind = verdictKind(verdict);
  return kind === 'unreliable' ? `unreliable: ${verdict?.unreliable ?? ''}` : VERDICT_TEXT[kind];
}

/**
 * Numerical flags of a type: any cell whose copy number is not the expected one (2 for autosomes; for X
 * and Y by the sex the case's X and Y counts suggest).
 */
export function copyFlag(
  type: ChromosomeType,
  copies: readonly number[],
  sexCopies: { x: number; y: number },
): string | null {
  const male = sexCopies.y > 0;
  const expected = type === 'X' ? (male ? 1 : 2) : type === 'Y' ? (male ? 1 : 0) : 2;
  const odd = copies.filter((c) => c !== expected);
  if (odd.length === 0) return null;
  return `copies ${copies.join('/')} (expected ${expected})`;
}

/**
 * What the case calibration did (pipeline/verdict/case-calibration), in the reviewer's words, or null
 * when it lowered nothing.
 *
 * @param scoreShift log-odds every score of the case was lowered by
 */
export function calibrationText(scoreShift: number | undefined): string | null {
  if (scoreShift === undefined || scoreShift < 0.005) return null;
  return (
    `every score lowered by ${scoreShift.toFixed(2)} on the log-odds scale: this case's pairs score higher ` +
    "than the model's training labs' as a whole (a matter of the lab's images, not of 23 abnormal types); " +
    "each type keeps the model's own score beside it"
  );
}

/** "model's own 0.97; " where the case calibration lowered a type's score, else empty. */
export function modelScoreText(verdict: TypeVerdict | null | undefined): string {
  const own = verdict?.modelScore;
  if (own === undefined || own === null || verdict?.score === null || verdict?.score === undefined) return '';
  return Math.abs(own - verdict.score) >= 0.005 ? `model's own ${own.toFixed(2)}; ` : '';
}
