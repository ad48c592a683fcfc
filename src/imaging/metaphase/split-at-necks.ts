import { labelComponents } from '../segment/components';
import type { BinaryMask } from '../segment/mask';

/** How an object is cut at its necks: a part number per pixel. */
export interface NeckSplit {
  /** Per pixel of the object's mask: its part, 1-based; 0 outside the object. */
  readonly part: Int32Array;
  readonly parts: number;
}

/** What decides a cut, in units of the spread's chromosome half-width h. */
export interface NeckRules {
  /** The spread's typical chromosome half-width, pixels. */
  readonly halfWidth: number;
  /** A neck is cut when it is at most this share of the half-width of both sides (their ridge). */
  readonly neckShare: number;
  /** Each side must hold at least this many h² of pixels (a small chromosome holds about 9). */
  readonly minPartArea: number;
}

/**
 * Where the outline is between these many half-widths thick along a cut, the cut runs across one
 * chromosome (a pale band, where the stain-weighted map narrows but the outline does not): no cut.
 * Below, the outline narrows there too (a touch); above, the cut runs along a contact inside an object
 * as thick as two chromosomes side by side.
 */
const ACROSS_ONE = { from: 0.8, to: 1.3 } as const;

/** The first level tried: a neck thinner than this share of h is a touch, never a centromere. */
const FIRST_LEVEL_SHARE = 0.2;

/** Levels are tried a third of a pixel apart: the chamfer distance's own step. */
const LEVEL_STEP = 1 / 3;

/** A core must hold at least this many h² of pixels to seed a part (less is a tip or a bump). */
const MIN_CORE_AREA = 0.5;

/**
 * Cuts an object where it narrows between two thick parts: two chromosomes that touch end to end or side
 * to tip meet in a neck thinner than either. The object is eroded level by level (its pixels farther
 * than the level from the background); at the first level where it falls into two or more cores, each
 * large enough to be a chromosome's, the cores seed the parts, and every other pixel goes to the core it
 * reaches first walking through the object. A neck is cut only when it is thin against the ridge of both
 * sides (neckShare), so a centromere, a milder narrowing, is left alone. Each part is then tried again
 * from that level (three in a row, a chromosome touching two).
 *
 * @param mask the object (one component), in its own box
 * @param distance the map the necks are looked for in (the distance to the background, or that distance
 *   weighted by the stain), per pixel of `mask`
 * @param outline distance to the background of each pixel of `mask`: a cut across a chromosome where the
 *   outline is one chromosome thick is refused (see ACROSS_ONE)
 */
export function splitAtNecks(
  mask: BinaryMask,
  distance: Float32Array,
  outline: Float32Array,
  rules: NeckRules,
): NeckSplit {
  const { width, height, data } = mask;
  const part = new Int32Array(width * height);
  for (let i = 0; i < part.length; i++) if (data[i] !== 0) part[i] = 1;
  let parts = 1;
  const h = rules.halfWidth;
  if (h <= 0) return { part, parts };
  // Parts still to try, each with the level its trial starts at.
  const pending: { id: number; level: number }[] = [{ id: 1, level: FIRST_LEVEL_SHARE * h }];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined) break;
    const cut = firstCut(part, next.id, distance, outline, width, height, next.level, rules);
    if (cut === null) continue;
    // The first seed keeps the part's id; the others become new parts.
    const ids = Array.from({ length: cut.parts }, (_, k) => (k === 0 ? next.id : ++parts));
    for (let i = 0; i < part.length; i++) {
      const owner = cut.owner[i] ?? 0;
      if (owner > 0) part[i] = ids[owner - 1] ?? next.id;
    }
    for (const id of ids) pending.push({ id, level: cut.level + LEVEL_STEP });
  }
  return { part, parts };
}

interface Cut {
  readonly level: number;
  readonly parts: number;
  /** Per pixel of the part: which new part (1-based) owns it; 0 elsewhere. */
  readonly owner: Int32Array;
}

/** The lowest level from `start` at which part `id` falls into two or more substantial pieces, or null. */
function firstCut(
  part: Int32Array,
  id: number,
  distance: Float32Array,
  outline: Float32Array,
  width: number,
  height: number,
  start: number,
  rules: NeckRules,
): Cut | null {
  const h = rules.halfWidth;
  const minCore = MIN_CORE_AREA * h * h;
  const minPart = rules.minPartArea * h * h;
  let area = 0;
  let peak = 0;
  for (let i = 0; i < part.length; i++)
    if (part[i] === id) {
      area++;
      peak = Math.max(peak, distance[i] ?? 0);
    }
  if (area < 2 * minPart) return null;
  const core = new Uint8Array(width * height);
  for (let level = start; level <= rules.neckShare * peak; level += LEVEL_STEP) {
    for (let i = 0; i < core.length; i++) core[i] = part[i] === id && (distance[i] ?? 0) > level ? 1 : 0;
    const labelling = labelComponents({ width, height, data: core });
    // Only the thick pieces: a tip or a bump the erosion leaves behind is not a chromosome.
    const seeds = labelling.components.filter((c) => c.area >= minCore);
    if (seeds.length < 2) continue;
    const seedOf = new Int32Array(labelling.components.length + 1);
    seeds.forEach((s, k) => (seedOf[s.label] = k + 1));
    const owner = growSeeds(part, id, labelling.labels, seedOf, width, height);
    // Sides parted across one chromosome's width (a pale band) are one chromosome again.
    const group = mergeAcrossOne(owner, outline, seeds.length, width, height, h);
    const groups = Math.max(...group);
    if (groups < 2) continue;
    const grown = new Array<number>(groups).fill(0);
    const groupPeaks = new Array<number>(groups).fill(0);
    for (let i = 0; i < owner.length; i++) {
      const g = group[(owner[i] ?? 0) - 1] ?? 0;
      if (g === 0) continue;
      owner[i] = g;
      grown[g - 1] = (grown[g - 1] ?? 0) + 1;
      groupPeaks[g - 1] = Math.max(groupPeaks[g - 1] ?? 0, distance[i] ?? 0);
    }
    // The neck must be thin against both sides' own ridge, not only against the thickest.
    if (level > rules.neckShare * Math.min(...groupPeaks)) continue;
    // A side too small to be a chromosome (a blob of stain on another's side) is no cut.
    if (grown.some((g) => g < minPart)) continue;
    return { level, parts: groups, owner };
  }
  return null;
}

/**
 * Joins the seeds whose shared boundary runs where the outline is one chromosome thick (ACROSS_ONE):
 * the group (1-based, numbered in seed order) of each seed.
 */
function mergeAcrossOne(
  owner: Int32Array,
  outline: Float32Array,
  seeds: number,
  width: number,
  height: number,
  h: number,
): number[] {
  // The outline's largest distance to the background along the boundary of each pair of seeds.
  const thickest = new Float32Array(seeds * seeds);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const mine = owner[i] ?? 0;
      if (mine === 0) continue;
      for (const theirs of [
        x + 1 < width ? (owner[i + 1] ?? 0) : 0,
        y + 1 < height ? (owner[i + width] ?? 0) : 0,
      ]) {
        if (theirs === 0 || theirs === mine) continue;
        const key = (Math.min(mine, theirs) - 1) * seeds + Math.max(mine, theirs) - 1;
        thickest[key] = Math.max(thickest[key] ?? 0, outline[i] ?? 0);
      }
    }
  const root = Array.from({ length: seeds }, (_, k) => k);
  const find = (k: number): number => {
    let r = k;
    while ((root[r] ?? r) !== r) r = root[r] ?? r;
    return r;
  };
  for (let a = 0; a < seeds; a++)
    for (let b = a + 1; b < seeds; b++) {
      const across = (thickest[a * seeds + b] ?? 0) / h;
      if (across >= ACROSS_ONE.from && across <= ACROSS_ONE.to) root[find(b)] = find(a);
    }
  const number = new Map<number, number>();
  return root.map((_, k) => {
    const r = find(k);
    if (!number.has(r)) number.set(r, number.size + 1);
    return number.get(r) ?? 0;
  });
}

const STEPS = [-1, 0, 1, 0, 0, -1, 0, 1, -1, -1, 1, 1, -1, 1, 1, -1] as const;

/** Every pixel of part `id` given to the seed it reaches first walking through the part (breadth first). */
function growSeeds(
  part: Int32Array,
  id: number,
  labels: Int32Array,
  seedOf: Int32Array,
  width: number,
  height: number,
): Int32Array {
  const owner = new Int32Array(width * height);
  const queue = new Int32Array(width * height);
  let tail = 0;
  for (let i = 0; i < owner.length; i++) {
    const k = seedOf[labels[i] ?? 0] ?? 0;
    if (k > 0 && (labels[i] ?? 0) > 0) {
      owner[i] = k;
      queue[tail++] = i;
    }
  }
  for (let head = 0; head < tail; head++) {
    const at = queue[head] ?? 0;
    const x = at % width;
    const y = (at - x) / width;
    for (let n = 0; n < STEPS.length; n += 2) {
      const nx = x + (STEPS[n] ?? 0);
      const ny = y + (STEPS[n + 1] ?? 0);
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const j = ny * width + nx;
      if (owner[j] !== 0 || part[j] !== id) continue;
      owner[j] = owner[at] ?? 0;
      queue[tail++] = j;
    }
  }
  return owner;
}
