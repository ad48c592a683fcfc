import type { AlignmentCosts, SampledHomolog } from './profile-alignment';
import {
  alignHomologs,
  alignmentTable,
  blockLengths,
  DEFAULT_ALIGNMENT_COSTS,
  pairTracks,
} from './profile-alignment';

/** Bins of the shorter homolog's length the junction costs of all pairs are summed on. */
export const JUNCTION_BINS = 50;

/**
 * Half-width, as a fraction of length, of the span around the chosen bin's centre where each pair's
 * block must then join its shorter homolog (about a bin either side: a band's length varies).
 */
export const JUNCTION_HALF_WIDTH = 0.04;

/**
 * For every junction on the shorter homolog A (after i = 0 … n_A of its samples), the cost of the best
 * alignment that leaves one block of the longer homolog B out right there: the best alignment of A's
 * first i samples with a start of B, plus the block, plus the best alignment of the rest (found on
 * both tracks reversed). Null when the lengths differ too little for a block.
 */
export function junctionCosts(
  shorter: Float32Array,
  longer: Float32Array,
  costs: AlignmentCosts = DEFAULT_ALIGNMENT_COSTS,
): Float64Array | null {
  const lengths = blockLengths(shorter.length, longer.length, costs);
  if (!lengths) return null;
  const na = shorter.length;
  const nb = longer.length;
  const width = nb + 1;
  const head = alignmentTable(shorter, longer, costs, null).total;
  const tail = alignmentTable(shorter.slice().reverse(), longer.slice().reverse(), costs, null).total;
  const out = new Float64Array(na + 1).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i <= na; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let start = 0; start <= nb - lengths.shortest; start++) {
      const before = head[i * width + start] ?? Number.POSITIVE_INFINITY;
      for (let k = lengths.shortest; k <= Math.min(lengths.longest, nb - start); k++) {
        const cost = before + k * costs.gap + (tail[(na - i) * width + (nb - start - k)] ?? 0);
        if (cost < best) best = cost;
      }
    }
    out[i] = best;
  }
  return out;
}

/**
 * Where, as fractions of the shorter homologs' length, the blocks of a type's pairs should join them:
 * each pair's junction costs above its own best, summed per bin over the pairs, and the span around
 * the cheapest bin. Every cell of a patient carries the same change, but a pair alone can put its
 * block on the wrong arm where banding is even (issue #23: dup(1)(q21q32) in 1p). Null when no pair
 * has a block.
 */
export function sharedJunction(
  pairs: readonly (readonly [Float32Array, Float32Array])[],
  costs: AlignmentCosts = DEFAULT_ALIGNMENT_COSTS,
): { readonly from: number; readonly to: number } | null {
  const summed = new Float64Array(JUNCTION_BINS);
  let any = false;
  for (const [a, b] of pairs) {
    const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
    const perJunction = junctionCosts(shorter, longer, costs);
    if (!perJunction) continue;
    any = true;
    const cheapest = Math.min(...perJunction);
    const perBin = new Float64Array(JUNCTION_BINS).fill(Number.POSITIVE_INFINITY);
    perJunction.forEach((cost, i) => {
      const bin = Math.min(JUNCTION_BINS - 1, Math.floor((i / shorter.length) * JUNCTION_BINS));
      perBin[bin] = Math.min(perBin[bin] ?? Number.POSITIVE_INFINITY, cost - cheapest);
    });
    // A bin no junction falls in (a homolog shorter than JUNCTION_BINS samples) takes its neighbour's.
    for (let bin = 1; bin < JUNCTION_BINS; bin++)
      if (perBin[bin] === Number.POSITIVE_INFINITY) perBin[bin] = perBin[bin - 1] ?? 0;
    for (let bin = 0; bin < JUNCTION_BINS; bin++) summed[bin] = (summed[bin] ?? 0) + (perBin[bin] ?? 0);
  }
  if (!any) return null;
  let best = 0;
  for (let bin = 1; bin < JUNCTION_BINS; bin++) if ((summed[bin] ?? 0) < (summed[best] ?? 0)) best = bin;
  const centre = (best + 0.5) / JUNCTION_BINS;
  return { from: centre - JUNCTION_HALF_WIDTH, to: centre + JUNCTION_HALF_WIDTH };
}

/**
 * Per-sample mismatch of both homologs of every pair of one type (as pairMismatch), with the blocks of
 * extra material placed once for all pairs (sharedJunction): the input of the suspected region.
 */
export function typeMismatch(
  pairs: readonly (readonly [SampledHomolog, SampledHomolog])[],
  costs: AlignmentCosts = DEFAULT_ALIGNMENT_COSTS,
): (readonly [Float32Array, Float32Array])[] {
  const tracks = pairs.map(([first, second]) => pairTracks(first, second, costs));
  const junction = sharedJunction(tracks, costs) ?? undefined;
  return tracks.map(([a, b]) => {
    const [first, second] = alignHomologs(a, b, costs, junction);
    return [first.mismatch, second.mismatch] as const;
  });
}
