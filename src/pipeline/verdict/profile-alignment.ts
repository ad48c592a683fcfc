import { PROFILE_LENGTH } from '../../shared/profile';

/** Tuning of the homolog alignment; darkness units are those of the profiles ([0, 1]). */
export interface AlignmentCosts {
  /** Cost of leaving one sample without a counterpart (deleted, added or rearranged material). */
  readonly gap: number;
  /** Extra cost of matching one sample to more than one of the other (stretching). */
  readonly warp: number;
  /** Half-width of the moving average applied before aligning, samples. */
  readonly smooth: number;
  /**
   * Length difference, as a fraction of the longer homolog, from which the difference is taken for
   * extra material: the longer homolog's excess must then be left unmatched as one contiguous block.
   */
  readonly blockExcess: number;
  /** How far that block's length may depart from the length difference, as a fraction of it. */
  readonly blockSlack: number;
}

/**
 * Chosen with `npx tsx research/region-accuracy.ts` on synthetic cases (seeds 1–7, held out 8–10): a
 * stretch costs as much as a gap, because both homologs of a cell are sampled at one scale, so a length
 * difference is material, not condensation; cheaper stretching hid terminal deletions. But at equal cost
 * the aligner is free to spread a large excess over many small gaps and stretches wherever banding is
 * even (a dup(1)(q21q32) landed on 1p), so from a length difference of 8 % the excess is one block of
 * the length difference ± 15 % (each band's length varies by some 12 % between homologs).
 */
export const DEFAULT_ALIGNMENT_COSTS: AlignmentCosts = {
  gap: 0.1,
  warp: 0.1,
  smooth: 2,
  blockExcess: 0.08,
  blockSlack: 0.15,
};

/** Per sample of one homolog, how far it is from having a counterpart on the other, in [0, 1]. */
export interface HomologMismatch {
  /** 1 = no counterpart (a gap in the alignment); below 1, the matched darkness difference / (2·gap). */
  readonly mismatch: Float32Array;
  /** The other homolog's sample each sample is matched to, −1 where it has none. */
  readonly partner: Int32Array;
}

const DIAGONAL = 0;
const WARP_A = 1; // sample i of A matched again with the B sample of the previous step
const WARP_B = 2;
const GAP_A = 3; // sample i of A unmatched
const GAP_B = 4;
const BLOCK = 5; // a block of B samples unmatched at once (the extra material of the longer homolog)

/** Mean of both rows of a profile over its first `samples` samples, moving-averaged. */
export function darknessTrack(profile: Float32Array, samples: number, radius: number): Float32Array {
  const n = Math.max(0, Math.min(PROFILE_LENGTH, samples));
  const raw = new Float32Array(n);
  for (let i = 0; i < n; i++) raw[i] = 0.5 * ((profile[i] ?? 0) + (profile[PROFILE_LENGTH + i] ?? 0));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (let k = Math.max(0, i - radius); k <= Math.min(n - 1, i + radius); k++) {
      sum += raw[k] ?? 0;
      count++;
    }
    out[i] = sum / count;
  }
  return out;
}

/** Cumulative costs and the last move of every cell of one alignment table. */
export interface AlignmentTable {
  readonly total: Float64Array;
  readonly move: Uint8Array;
  /** For BLOCK moves, how many B samples the block leaves out. */
  readonly blockLength: Int32Array;
}

/** The lengths, as sample counts, the one unmatched block of the longer homolog may have. */
export interface BlockLengths {
  readonly shortest: number;
  readonly longest: number;
}

/** How the one unmatched block of B may be left out. */
interface BlockRule extends BlockLengths {
  /** The table of alignments that have not yet left the block out. */
  readonly before: AlignmentTable;
  /** The A samples (as counts aligned before the block) it may sit after: its junction on A. */
  readonly junction: { readonly first: number; readonly last: number };
}

/**
 * The block lengths a pair of homologs of `shorter` and `longer` samples is aligned with, or null when
 * their lengths differ too little to be taken for extra material.
 */
export function blockLengths(shorter: number, longer: number, costs: AlignmentCosts): BlockLengths | null {
  const excess = longer - shorter;
  if (!(excess > costs.blockExcess * longer)) return null;
  return {
    shortest: Math.max(1, Math.floor(excess * (1 - costs.blockSlack))),
    longest: Math.ceil(excess * (1 + costs.blockSlack)),
  };
}

/**
 * Fills the table of best alignments of A's first i with B's first j samples. With a block rule, every
 * alignment in it has left exactly one block of B out (entered from `before`, the table without one).
 */
export function alignmentTable(
  a: Float32Array,
  b: Float32Array,
  costs: AlignmentCosts,
  block: BlockRule | null,
): AlignmentTable {
  const na = a.length;
  const nb = b.length;
  const width = nb + 1;
  const total = new Float64Array((na + 1) * width).fill(Number.POSITIVE_INFINITY);
  const move = new Uint8Array((na + 1) * width);
  const blockLength = new Int32Array(block ? (na + 1) * width : 0);
  for (let i = 0; i <= na; i++) {
    for (let j = 0; j <= nb; j++) {
      const here = i * width + j;
      if (i === 0 && j === 0) {
        if (!block) total[here] = 0;
        continue;
      }
      let best = Number.POSITIVE_INFINITY;
      let how = DIAGONAL;
      if (i > 0 && j > 0) {
        const d = Math.abs((a[i - 1] ?? 0) - (b[j - 1] ?? 0));
        const up = total[here - width] ?? 0;
        const left = total[here - 1] ?? 0;
        best = (total[here - width - 1] ?? 0) + d;
        // A warp extends a step that already matched the same B sample (j), so it is only allowed when
        // the cell above ended in a match, not a gap.
        if ((move[here - width] ?? 0) <= WARP_B && up + d + costs.warp < best) {
          best = up + d + costs.warp;
          how = WARP_A;
        }
        if ((move[here - 1] ?? 0) <= WARP_B && left + d + costs.warp < best) {
          best = left + d + costs.warp;
          how = WARP_B;
        }
      }
      if (i > 0 && (total[here - width] ?? 0) + costs.gap < best) {
        best = (total[here - width] ?? 0) + costs.gap;
        how = GAP_A;
      }
      if (j > 0 && (total[here - 1] ?? 0) + costs.gap < best) {
        best = (total[here - 1] ?? 0) + costs.gap;
        how = GAP_B;
      }
      if (block && i >= block.junction.first && i <= block.junction.last) {
        for (let k = block.shortest; k <= Math.min(block.longest, j); k++) {
          const left = (block.before.total[here - k] ?? 0) + k * costs.gap;
          if (left < best) {
            best = left;
            how = BLOCK;
            blockLength[here] = k;
          }
        }
      }
      total[here] = best;
      move[here] = how;
    }
  }
  return { total, move, blockLength };
}

/**
 * Aligns two homologs' darkness tracks as a cytogeneticist compares two homologs band by band: a
 * monotone alignment (p-ter to q-ter on both) that may stretch a little (`warp`) and may leave samples
 * of either homolog without a counterpart at a price (`gap`), anywhere including both ends, so a
 * terminal deletion costs no more than an interstitial one. When one homolog is longer by more than
 * `blockExcess`, its excess is extra material (a duplication, an insertion, or the normal homolog of a
 * deletion) and is left out as one block, wherever the rest matches best, or, given `junction`, where
 * it joins the shorter homolog between those fractions of its length. Returns, per sample of each
 * homolog, how badly it matches: the evidence the region and the pair view's overlay are made of.
 */
export function alignHomologs(
  a: Float32Array,
  b: Float32Array,
  costs: AlignmentCosts = DEFAULT_ALIGNMENT_COSTS,
  junction: { readonly from: number; readonly to: number } = { from: 0, to: 1 },
): readonly [HomologMismatch, HomologMismatch] {
  const lengths = blockLengths(Math.min(a.length, b.length), Math.max(a.length, b.length), costs);
  // The block is left out of B, so B must be the longer.
  if (lengths && a.length > b.length) {
    const [second, first] = alignHomologs(b, a, costs, junction);
    return [first, second];
  }
  const na = a.length;
  const nb = b.length;
  const width = nb + 1;
  const plain = alignmentTable(a, b, costs, null);
  const withBlock = lengths
    ? alignmentTable(a, b, costs, {
        ...lengths,
        before: plain,
        junction: { first: Math.floor(junction.from * na), last: Math.ceil(junction.to * na) },
      })
    : null;
  const first: HomologMismatch = {
    mismatch: new Float32Array(na).fill(1),
    partner: new Int32Array(na).fill(-1),
  };
  const second: HomologMismatch = {
    mismatch: new Float32Array(nb).fill(1),
    partner: new Int32Array(nb).fill(-1),
  };
  const scale = 1 / (2 * costs.gap);
  let table = withBlock ?? plain;
  let i = na;
  let j = nb;
  while (i > 0 || j > 0) {
    const here = i * width + j;
    const how = table.move[here];
    if (how === BLOCK) {
      j -= table.blockLength[here] ?? 0;
      table = plain;
      continue;
    }
    if (how === GAP_A) {
      i--;
      continue;
    }
    if (how === GAP_B) {
      j--;
      continue;
    }
    const level = Math.min(1, Math.abs((a[i - 1] ?? 0) - (b[j - 1] ?? 0)) * scale);
    // A sample matched more than once keeps its best match.
    if (first.partner[i - 1] === -1 || level < (first.mismatch[i - 1] ?? 1)) {
      first.mismatch[i - 1] = level;
      first.partner[i - 1] = j - 1;
    }
    if (second.partner[j - 1] === -1 || level < (second.mismatch[j - 1] ?? 1)) {
      second.mismatch[j - 1] = level;
      second.partner[j - 1] = i - 1;
    }
    if (how === DIAGONAL) {
      i--;
      j--;
    } else if (how === WARP_A) i--;
    else j--;
  }
  return [first, second];
}

/** A homolog as the alignment needs it: its profile and how many samples precede the padding. */
export interface SampledHomolog {
  readonly profile: Float32Array;
  readonly samples: number;
}

/** Both homologs' darkness tracks as the alignment compares them: smoothed, then on one contrast. */
export function pairTracks(
  first: SampledHomolog,
  second: SampledHomolog,
  costs: AlignmentCosts = DEFAULT_ALIGNMENT_COSTS,
): readonly [Float32Array, Float32Array] {
  return contrastNormalised(
    darknessTrack(first.profile, first.samples, costs.smooth),
    darknessTrack(second.profile, second.samples, costs.smooth),
  );
}

/**
 * Per-sample mismatch of both homologs of a pair (each array as long as its homolog's samples, p-ter
 * first, values in [0, 1]), aligned on their own: the pair view's overlay. The suspected region uses
 * typeMismatch (block-placement.ts), which places a block once for all pairs of a type.
 */
export function pairMismatch(
  first: SampledHomolog,
  second: SampledHomolog,
  costs: AlignmentCosts = DEFAULT_ALIGNMENT_COSTS,
): readonly [Float32Array, Float32Array] {
  const tracks = pairTracks(first, second, costs);
  const [a, b] = alignHomologs(tracks[0], tracks[1], costs);
  return [a.mismatch, b.mismatch];
}

/**
 * Banding contrast (standard deviation of a darkness track) the costs were chosen at. Labs, stains and
 * band levels differ in contrast; the gap cost is a darkness difference, so both tracks of a pair are
 * scaled to this contrast first, else a pale preparation would look like a perfect match everywhere and
 * a contrasty one like a mismatch everywhere.
 */
export const REFERENCE_TRACK_STD = 0.16;

/** Below this pooled contrast a pair is featureless; it is not stretched further (noise would grow). */
const MIN_TRACK_STD = 0.04;

/** Both tracks scaled by one factor so that their pooled standard deviation is REFERENCE_TRACK_STD. */
export function contrastNormalised(a: Float32Array, b: Float32Array): readonly [Float32Array, Float32Array] {
  const n = a.length + b.length;
  if (n === 0) return [a, b];
  let sum = 0;
  for (const v of a) sum += v;
  for (const v of b) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of a) squares += (v - mean) ** 2;
  for (const v of b) squares += (v - mean) ** 2;
  const scale = REFERENCE_TRACK_STD / Math.max(MIN_TRACK_STD, Math.sqrt(squares / n));
  return [a.map((v) => v * scale), b.map((v) => v * scale)];
}
