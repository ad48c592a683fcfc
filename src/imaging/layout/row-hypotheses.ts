import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';
import { ISCN_ROWS } from './relative-length';

/** Image rows read as one run of slots (one ISCN row, or a row a vendor wrapped onto two lines). */
export interface RowGroup {
  /** Image row indices, top first. */
  readonly rows: readonly number[];
  /** Slot types of the run, left to right. */
  readonly types: readonly ChromosomeType[];
}

/** One way to read the image rows as ISCN rows. */
export interface RowHypothesis {
  readonly groups: readonly RowGroup[];
  /** Human-readable summary for warnings, e.g. "ISCN rows 2–4". */
  readonly description: string;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * Ways to read `rowCount` image rows as the four ISCN rows: 4 rows one to one; 3 rows as any three of
 * the four (a row missing or cropped); 5 rows as the four with one of them wrapped onto two lines. Any
 * other count is read as one run of all 24 slots over all rows in reading order.
 */
export function rowHypotheses(rowCount: number): RowHypothesis[] {
  const iscn = range(ISCN_ROWS.length);
  if (rowCount === ISCN_ROWS.length) {
    return [
      { groups: iscn.map((r) => ({ rows: [r], types: ISCN_ROWS[r] ?? [] })), description: 'ISCN rows' },
    ];
  }
  if (rowCount === ISCN_ROWS.length - 1) {
    return iscn.map((dropped) => {
      const kept = iscn.filter((r) => r !== dropped);
      return {
        groups: kept.map((r, i) => ({ rows: [i], types: ISCN_ROWS[r] ?? [] })),
        description: `ISCN rows ${kept.map((r) => r + 1).join(', ')} (row ${dropped + 1} missing)`,
      };
    });
  }
  if (rowCount === ISCN_ROWS.length + 1) {
    return iscn.map((wrapped) => ({
      groups: iscn.map((r) => ({
        rows: r < wrapped ? [r] : r === wrapped ? [r, r + 1] : [r + 1],
        types: ISCN_ROWS[r] ?? [],
      })),
      description: `ISCN rows with row ${wrapped + 1} wrapped onto two lines`,
    }));
  }
  return [
    {
      groups: [{ rows: range(rowCount), types: CHROMOSOME_TYPES }],
      description: 'all slots in reading order',
    },
  ];
}

/** Types that a hypothesis gives no slot (their absence is charged as empty slots). */
export function typesWithoutSlot(hypothesis: RowHypothesis): ChromosomeType[] {
  const placed = new Set(hypothesis.groups.flatMap((g) => g.types));
  return CHROMOSOME_TYPES.filter((t) => !placed.has(t));
}
