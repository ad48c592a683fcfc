import { describe, expect, it } from 'vitest';
import { generateCase } from '../../karyotype/synthetic-case';
import { cellTrueProfiles } from '../../karyotype/true-profile';
import { PROFILE_LENGTH } from '../../shared/profile';
import { sharedJunction, typeMismatch } from './block-placement';
import type { HomologMismatch } from './profile-alignment';
import {
  alignHomologs,
  contrastNormalised,
  darknessTrack,
  DEFAULT_ALIGNMENT_COSTS,
  pairTracks,
} from './profile-alignment';

/** A normal chromosome 3's noise-free darkness profile from a rendered synthetic cell. */
function normalThree(): { profile: Float32Array; samples: number } {
  const cell = generateCase({ karyotype: '46,XX', cells: 1, level: 400, seed: 3 }).cells[0];
  const three = cell ? cellTrueProfiles(cell.karyogram).find((p) => p.type === '3') : undefined;
  if (!three) throw new Error('no chromosome 3');
  return { profile: three.profile.profile, samples: three.profile.length };
}

/**
 * dup(3)(q21q26)-like: the normal homolog with the samples of [from, to) present twice in tandem, and
 * its part before 45 % of length drawn `stretch` times longer (a homolog's bands differ in length).
 */
function duplicated(
  normal: { profile: Float32Array; samples: number },
  from: number,
  to: number,
  stretch: number,
) {
  const n = normal.samples;
  const at = (fraction: number): number => Math.round(fraction * n);
  const order: number[] = [];
  for (let x = 0; x < at(0.45) * stretch; x++) order.push(Math.min(at(0.45) - 1, x / stretch));
  for (let k = at(0.45); k < at(to); k++) order.push(k);
  for (let k = at(from); k < n; k++) order.push(k);
  const profile = new Float32Array(2 * PROFILE_LENGTH);
  order.forEach((k, i) => {
    const below = Math.floor(k);
    const share = k - below;
    for (const row of [0, PROFILE_LENGTH]) {
      const lo = normal.profile[row + below] ?? 0;
      const hi = normal.profile[row + Math.min(n - 1, below + 1)] ?? 0;
      profile[row + i] = (1 - share) * lo + share * hi;
    }
  });
  return { profile, samples: order.length };
}

/** Longest run of samples without a counterpart. */
function longestUnmatched(homolog: HomologMismatch): number {
  let longest = 0;
  let run = 0;
  for (const partner of homolog.partner) {
    run = partner === -1 ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

describe('alignHomologs with extra material on one homolog', () => {
  const normal = normalThree();
  const derivative = duplicated(normal, 0.6, 0.8, 1.2);
  const tracks = contrastNormalised(
    darknessTrack(normal.profile, normal.samples, DEFAULT_ALIGNMENT_COSTS.smooth),
    darknessTrack(derivative.profile, derivative.samples, DEFAULT_ALIGNMENT_COSTS.smooth),
  );
  const excess = derivative.samples - normal.samples;
  const shortest = Math.floor(excess * (1 - DEFAULT_ALIGNMENT_COSTS.blockSlack));

  it('leaves the longer homolog’s excess out as one block, not spread over the stretched arm', () => {
    expect(excess).toBeGreaterThan(DEFAULT_ALIGNMENT_COSTS.blockExcess * derivative.samples);
    const [, longer] = alignHomologs(tracks[0], tracks[1]);
    // Without the block rule the stretched p arm absorbs part of the excess sample by sample, and the
    // duplicate's unmatched run is only the copy's own length (66 of 96 samples here).
    expect(longestUnmatched(longer)).toBeGreaterThanOrEqual(shortest);
  });

  it('finds the same block whichever homolog comes first', () => {
    const [first, second] = alignHomologs(tracks[0], tracks[1]);
    const [secondAgain, firstAgain] = alignHomologs(tracks[1], tracks[0]);
    expect(Array.from(secondAgain.partner)).toEqual(Array.from(second.partner));
    expect(Array.from(firstAgain.partner)).toEqual(Array.from(first.partner));
  });
});

describe('one block placement for all pairs of a type', () => {
  const normal = normalThree();
  // Three cells of dup(3)(q21q26)-like homologs, their p arms drawn at three lengths.
  const pairs = [1, 1.1, 1.2].map((stretch) => [normal, duplicated(normal, 0.6, 0.8, stretch)] as const);

  it('joins the blocks to the normal homolog where the duplicated segment starts or ends', () => {
    const junction = sharedJunction(pairs.map(([a, b]) => pairTracks(a, b)));
    expect(junction).not.toBeNull();
    const covers = (x: number): boolean => (junction?.from ?? 1) <= x && x <= (junction?.to ?? 0);
    expect(covers(0.6) || covers(0.8)).toBe(true);
  });

  it('has no junction when no pair differs enough in length', () => {
    expect(sharedJunction([pairTracks(normal, normal)])).toBeNull();
  });

  it('leaves each pair’s excess out as one run of unmatched samples', () => {
    typeMismatch(pairs).forEach(([, longer], k) => {
      const excess = (pairs[k]?.[1].samples ?? 0) - normal.samples;
      let longest = 0;
      let run = 0;
      for (const level of longer) {
        run = level === 1 ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      expect(longest).toBeGreaterThanOrEqual(Math.floor(excess * (1 - DEFAULT_ALIGNMENT_COSTS.blockSlack)));
    });
  });
});
