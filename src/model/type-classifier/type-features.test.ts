import { describe, expect, it } from 'vitest';
import { reverseProfile, rotateHalfTurn } from '../../imaging/profile/banding-orientation';
import type { GrayImage } from '../../shared/gray-image';
import { PROFILE_LENGTH } from '../../shared/profile';
import { createRandom } from '../../shared/random';
import {
  TRACK_CHANNELS,
  TRACK_POINTS,
  cellTypeFeatures,
  turnedFeatures,
  type ChromosomeShape,
} from './type-features';

const BACKGROUND = 250;

/** A chromosome of `samples` profile samples and a straightened image `rows` high with the given widths. */
function chromosome(samples: number, rowWidths: readonly number[], seed: number): ChromosomeShape {
  const random = createRandom(seed);
  const profile = new Float32Array(2 * PROFILE_LENGTH);
  for (let i = 0; i < samples; i++) {
    profile[i] = random.uniform(0.2, 0.9);
    profile[PROFILE_LENGTH + i] = random.uniform(0.2, 0.9);
  }
  const width = 15;
  const pixels = new Uint8Array(width * rowWidths.length).fill(BACKGROUND);
  rowWidths.forEach((w, row) => {
    const start = Math.floor((width - w) / 2);
    for (let k = 0; k < w; k++) pixels[row * width + start + k] = random.int(40, 200);
  });
  const straightened: GrayImage = { width, height: rowWidths.length, pixels };
  return { profile, samples, straightened };
}

describe('type classifier features', () => {
  it('gives lengths, widths and darkness relative to the cell median', () => {
    const cell = [
      chromosome(100, new Array(50).fill(8), 1),
      chromosome(200, new Array(100).fill(8), 2),
      chromosome(50, new Array(25).fill(4), 3),
    ];
    const features = cellTypeFeatures(cell);
    expect(features.map((f) => f.figures[0])).toEqual([1, 2, 0.5]);
    expect(features[1]?.figures[1]).toBeCloseTo(Math.log(2), 6);
    expect(features[2]?.figures[2]).toBeCloseTo(0.5, 6);
    // The width track reads the chromosome's pixels per row, relative to the median width.
    expect(features[0]?.tracks[2]).toBeCloseTo(1, 6);
    expect(features[2]?.tracks[2]).toBeCloseTo(0.5, 6);
    expect(features[0]?.tracks.length).toBe(TRACK_POINTS * TRACK_CHANNELS);
  });

  it('finds a centromere-like narrowing where it lies along the length', () => {
    const widths = Array.from({ length: 80 }, (_, row) => (row >= 18 && row < 22 ? 3 : 9));
    const [features] = cellTypeFeatures([chromosome(160, widths, 4)]);
    const track = Array.from(
      { length: TRACK_POINTS },
      (_, i) => features?.tracks[i * TRACK_CHANNELS + 2] ?? 0,
    );
    const narrowest = track.indexOf(Math.min(...track));
    expect(narrowest / (TRACK_POINTS - 1)).toBeGreaterThan(0.2);
    expect(narrowest / (TRACK_POINTS - 1)).toBeLessThan(0.3);
  });

  it('turns a chromosome as imaging turns it: reversed profile and image give the turned features', () => {
    const widths = Array.from({ length: 60 }, (_, row) => 4 + (row % 7));
    const original = chromosome(137, widths, 5);
    const other = chromosome(90, new Array(40).fill(6), 6);
    const turnedShape: ChromosomeShape = {
      profile: reverseProfile(original.profile, original.samples),
      samples: original.samples,
      straightened: rotateHalfTurn(original.straightened),
    };
    const [asGiven] = cellTypeFeatures([original, other]);
    const [turned] = cellTypeFeatures([turnedShape, other]);
    if (!asGiven || !turned) throw new Error('no features');
    const expected = turnedFeatures(asGiven);
    for (let i = 0; i < expected.tracks.length; i++)
      expect(turned.tracks[i]).toBeCloseTo(expected.tracks[i] ?? NaN, 5);
    expect(Array.from(turned.figures)).toEqual(Array.from(asGiven.figures));
    // Turning twice is the identity.
    expect(Array.from(turnedFeatures(expected).tracks)).toEqual(Array.from(asGiven.tracks));
  });
});
