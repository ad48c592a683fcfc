import type { ChromosomeType } from '../../shared/chromosome-types';
import { RELATIVE_LENGTH } from './relative-length';

/** What slot assignment needs to know about one piece, in reading order (left to right, row by row). */
export interface SlotCandidate {
  /** Horizontal extent, pixels. */
  readonly x0: number;
  readonly x1: number;
  /** Rough length along the chromosome, pixels. */
  readonly length: number;
  /** Row index; pieces of different rows never share a slot. */
  readonly row: number;
}

/** Horizontal extent of a slot given by the layout itself (its baseline segment or printed number), pixels. */
export interface SlotAnchor {
  readonly x0: number;
  readonly x1: number;
}

/** Scale of the costs of {@link assignSlotsByGaps}. */
export interface SlotCostOptions {
  /** Typical chromosome width, pixels: the unit gaps are measured in. */
  readonly chromosomeWidth: number;
  /** Pixels of length per unit of {@link RELATIVE_LENGTH}, or null to ignore sizes (first pass). */
  readonly lengthScale: number | null;
}

/** Cost of a slot holding `count` chromosomes: two is normal; X holds 1–2 and Y 0–1 by sex. */
export function countCost(type: ChromosomeType, count: number): number {
  if (type === 'Y') return [0.1, 0, 1.5][count] ?? 3;
  if (type === 'X') return [2.5, 0, 0, 1.2][count] ?? 3;
  return [2.5, 1.2, 0, 1.2, 3][count] ?? 5;
}

/** Cost of a size mismatch, ignoring the ±20 % that bending and condensation cause anyway. */
function sizeCost(type: ChromosomeType, length: number, scale: number): number {
  const ratio = length / (scale * RELATIVE_LENGTH[type]);
  // A blob of two touching homologs is twice as long; allow it at a small price.
  const misfit = Math.min(Math.abs(Math.log(ratio)), Math.abs(Math.log(ratio / 2)) + 0.3);
  return 4 * Math.max(0, misfit - 0.2);
}

/** Homologs are alike in length; a slot holding a long and a short piece is suspicious. */
function similarityCost(lengths: readonly number[]): number {
  if (lengths.length < 2) return 0;
  const longest = Math.max(...lengths);
  const shortest = Math.max(1e-6, Math.min(...lengths));
  return 3 * Math.max(0, Math.log(longest / shortest) - 0.3);
}

/**
 * Assigns pieces (in reading order) to slots of the given types, keeping their order, by dynamic
 * programming over contiguous groups. A group pays for gaps inside it (homologs stand close), each new
 * group pays for a small gap before it (slots stand apart), and every slot pays for an unusual count
 * and for sizes that do not fit its type. Returns the slot index of each piece.
 */
export function assignSlotsByGaps(
  candidates: readonly SlotCandidate[],
  slotTypes: readonly ChromosomeType[],
  options: SlotCostOptions,
): { slotOf: number[]; cost: number } {
  const n = candidates.length;
  const k = slotTypes.length;
  const unit = Math.max(1, options.chromosomeWidth);
  const gapAfter = candidates.map((c, i) => {
    const next = candidates[i + 1];
    if (next === undefined) return Infinity;
    return next.row !== c.row ? Infinity : (next.x0 - c.x1) / unit;
  });
  const sameCost = (g: number): number => (g === Infinity ? 1e6 : 2 * Math.max(0, g - 1));
  const diffCost = (g: number): number => (g === Infinity ? 0 : 1.2 * Math.max(0, 1.5 - g));
  const groupCost = (slot: number, a: number, b: number): number => {
    const type = slotTypes[slot] ?? '1';
    let cost = countCost(type, b - a);
    for (let i = a; i < b - 1; i++) cost += sameCost(gapAfter[i] ?? Infinity);
    if (options.lengthScale !== null && b > a) {
      cost += contentCost(
        type,
        candidates.slice(a, b).map((c) => c.length),
        options.lengthScale,
      );
    }
    if (a > 0 && b > a) cost += diffCost(gapAfter[a - 1] ?? Infinity);
    return cost;
  };
  // best[j][i]: least cost of putting the first i pieces into the first j slots.
  const best: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let j = 0; j <= k; j++) {
    best.push(new Float64Array(n + 1).fill(Infinity));
    from.push(new Int32Array(n + 1).fill(-1));
  }
  const start = best[0];
  if (start !== undefined) start[0] = 0;
  // A slot never holds more than a few chromosomes; bounding the group keeps this O(k·n).
  const maxGroup = 5;
  for (let j = 0; j < k; j++) {
    const row = best[j] ?? new Float64Array(0);
    const nextRow = best[j + 1] ?? new Float64Array(0);
    const nextFrom = from[j + 1] ?? new Int32Array(0);
    for (let a = 0; a <= n; a++) {
      const base = row[a] ?? Infinity;
      if (base === Infinity) continue;
      for (let b = a; b <= Math.min(n, a + maxGroup); b++) {
        const total = base + groupCost(j, a, b);
        if (total < (nextRow[b] ?? Infinity)) {
          nextRow[b] = total;
          nextFrom[b] = a;
        }
      }
    }
  }
  const slotOf = new Array<number>(n).fill(k - 1);
  let b = n;
  for (let j = k; j > 0; j--) {
    const a = from[j]?.[b] ?? 0;
    for (let i = Math.max(0, a); i < b; i++) slotOf[i] = j - 1;
    b = Math.max(0, a);
  }
  return { slotOf, cost: best[k]?.[n] ?? Infinity };
}

/** Size and likeness cost of pieces of the given lengths (pixels) in a slot of one type. */
function contentCost(type: ChromosomeType, lengths: readonly number[], scale: number): number {
  let cost = similarityCost(lengths);
  for (const length of lengths) cost += sizeCost(type, length, scale);
  return cost;
}

/**
 * Cost of an assignment the layout itself gave (anchors): counts and sizes as in
 * {@link assignSlotsByGaps}, without gap terms (the anchors settle where slots start and end).
 */
export function anchoredCost(
  candidates: readonly SlotCandidate[],
  slotTypes: readonly ChromosomeType[],
  slotOf: readonly number[],
  lengthScale: number | null,
): number {
  let cost = 0;
  slotTypes.forEach((type, slot) => {
    const lengths = candidates.filter((_, i) => slotOf[i] === slot).map((c) => c.length);
    cost += countCost(type, lengths.length);
    if (lengthScale !== null && lengths.length > 0) cost += contentCost(type, lengths, lengthScale);
  });
  return cost;
}

/**
 * Assigns each piece to the anchor its horizontal extent overlaps most (the nearest one when it overlaps
 * none). Used when the layout's own baselines or numbers give exactly one anchor per slot.
 */
export function assignSlotsByAnchors(
  candidates: readonly SlotCandidate[],
  anchors: readonly SlotAnchor[],
): number[] {
  return candidates.map((c) => {
    let best = 0;
    let bestScore = -Infinity;
    anchors.forEach((anchor, index) => {
      const overlap = Math.min(c.x1, anchor.x1) - Math.max(c.x0, anchor.x0);
      const centre = (c.x0 + c.x1) / 2;
      const distance = Math.abs(centre - (anchor.x0 + anchor.x1) / 2);
      const score = overlap > 0 ? overlap : -distance;
      if (score > bestScore) {
        bestScore = score;
        best = index;
      }
    });
    return best;
  });
}
