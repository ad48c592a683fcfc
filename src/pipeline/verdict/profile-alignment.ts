import { PROFILE_LENGTH } from '../../shared/profile';

/** Tuning of the homolog alignment; darkness units are those of the profiles ([0, 1]). */
export interface AlignmentCosts {
  /** Cost of leaving one sample without a counterpart (deleted, added or rearranged material). */
  readonly gap: number;
  /** Extra cost of matching one sample to more than one of the other (stretching). */
  readonly warp: number;
  /** Half-width of the moving average applied before aligning, samples. */
  readonly smooth: number;
}

/**
 * Chosen with `npx tsx research/region-accuracy.ts` on synthetic cases (seeds 1–3): a stretch costs as
 * much as a gap, because both homologs of a cell are sampled at one scale, so a length difference is
 * material, not condensation; cheaper stretching hid terminal deletions.
 */
export const DEFAULT_ALIGNMENT_COSTS: AlignmentCosts = { gap: 0.1, warp: 0.1, smooth: 2 };

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

/**
 * Aligns two homologs' darkness tracks as a cytogeneticist compares two homologs band by band: a
 * monotone alignment (p-ter to q-ter on both) that may stretch a little (`warp`) and may leave samples
 * of either homolog without a counterpart at a price (`gap`), anywhere including both ends, so a
 * terminal deletion costs no more than an interstitial one. Returns, per sample of each homolog, how
 * badly it matches: the evidence the region and the pair view's overlay are made of.
 */
export function alignHomologs(
  a: Float32Array,
  b: Float32Array,
  costs: AlignmentCosts = DEFAULT_ALIGNMENT_COSTS,
): readonly [HomologMismatch, HomologMismatch] {
  const na = a.length;
  const nb = b.length;
  const width = nb + 1;
  const total = new Float64Array((na + 1) * width);
  const move = new Uint8Array((na + 1) * width);
  for (let i = 1; i <= na; i++) {
    total[i * width] = i * costs.gap;
    move[i * width] = GAP_A;
  }
  for (let j = 1; j <= nb; j++) {
    total[j] = j * costs.gap;
    move[j] = GAP_B;
  }
  for (let i = 1; i <= na; i++) {
    const ai = a[i - 1] ?? 0;
    for (let j = 1; j <= nb; j++) {
      const d = Math.abs(ai - (b[j - 1] ?? 0));
      const here = i * width + j;
      const up = total[here - width] ?? 0;
      const left = total[here - 1] ?? 0;
      let best = (total[here - width - 1] ?? 0) + d;
      let how = DIAGONAL;
      const previousUp = move[here - width];
      // A warp extends a step that already matched the same B sample (j), so it is only allowed when
      // the cell above ended in a match, not a gap.
      if (previousUp !== GAP_A && previousUp !== GAP_B && up + d + costs.warp < best) {
        best = up + d + costs.warp;
        how = WARP_A;
      }
      const previousLeft = move[here - 1];
      if (previousLeft !== GAP_A && previousLeft !== GAP_B && left + d + costs.warp < best) {
        best = left + d + costs.warp;
        how = WARP_B;
      }
      if (up + costs.gap < best) {
        best = up + costs.gap;
        how = GAP_A;
      }
      if (left + costs.gap < best) {
        best = left + costs.gap;
        how = GAP_B;
      }
      total[here] = best;
      move[here] = how;
    }
  }
  const first: HomologMismatch = {
    mismatch: new Float32Array(na).fill(1),
    partner: new Int32Array(na).fill(-1),
  };
  const second: HomologMismatch = {
    mismatch: new Float32Array(nb).fill(1),
    partner: new Int32Array(nb).fill(-1),
  };
  const scale = 1 / (2 * costs.gap);
  let i = na;
  let j = nb;
  while (i > 0 || j > 0) {
    const how = move[i * width + j];
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

/**
 * Per-sample mismatch of both homologs of a pair (each array as long as its homolog's samples, p-ter
 * first, values in [0, 1]): the pair view's overlay and the input of the suspected region.
 */
export function pairMismatch(
  first: SampledHomolog,
  second: SampledHomolog,
  costs: AlignmentCosts = DEFAULT_ALIGNMENT_COSTS,
): readonly [Float32Array, Float32Array] {
  const tracks = contrastNormalised(
    darknessTrack(first.profile, first.samples, costs.smooth),
    darknessTrack(second.profile, second.samples, costs.smooth),
  );
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
