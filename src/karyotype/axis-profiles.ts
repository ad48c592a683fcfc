import type { Random } from '../shared/random';
import { smooth1d } from './float-image';
import { bandDensity, DARKNESS } from './render-style';
import type { StainTrack } from './stain-track';

/** Per axis pixel (from p-ter) of one chromosome being drawn. */
export interface AxisProfiles {
  /** Darkness of the left sister chromatid at its centre, [0, 1]. */
  readonly left: Float32Array;
  /** Darkness of the right sister chromatid at its centre, [0, 1]. */
  readonly right: Float32Array;
  /** Chromatid radius relative to normal: < 1 at the centromere and on stalks. */
  readonly widthFactor: Float32Array;
  /** Distance of each chromatid's centre from the axis, in chromatid radii (~0.8–1): how open the groove is. */
  readonly separation: Float32Array;
}

const SUPERSAMPLE = 4;

/**
 * Stain and width along the axis of a chromosome drawn `lengthPx` pixels long. Band lengths are jittered
 * (±12 %, condensation is never uniform), band edges blurred by `bandBlurPx`, and each chromatid gets its
 * own slowly varying stain gain so the two halves differ as they do under the microscope.
 */
export function axisProfiles(
  track: StainTrack,
  lengthPx: number,
  widthPx: number,
  bandBlurPx: number,
  random: Random,
): AxisProfiles {
  const n = lengthPx * SUPERSAMPLE;
  const scale = n / track.length;
  const stops = jitteredStops(track, random);
  const density = new Float32Array(n);
  const narrow = new Float32Array(n);
  let bandIndex = 0;
  for (let i = 0; i < n; i++) {
    const units = (i + 0.5) / scale;
    while (bandIndex < track.bands.length - 1 && units >= (stops[bandIndex] ?? Infinity)) bandIndex++;
    const band = track.bands[bandIndex];
    if (!band) continue;
    density[i] = bandDensity(band);
    narrow[i] = band.stain === 'stalk' ? 0.4 : 1;
  }
  const bandBlur = smooth1d(density, bandBlurPx * SUPERSAMPLE);
  const widthBlur = smooth1d(narrow, 1.2 * SUPERSAMPLE);
  const centromerePx = (warp(track.centromere, track, stops) / track.length) * lengthPx;
  const gain = 1 + 0.06 * random.normal();
  const left = new Float32Array(lengthPx);
  const right = new Float32Array(lengthPx);
  const widthFactor = new Float32Array(lengthPx);
  const leftGain = slowNoise(lengthPx, widthPx, 0.1, random);
  const rightGain = slowNoise(lengthPx, widthPx, 0.1, random);
  // Outlines are never ruler-straight: the width wanders by a few per cent.
  const wobble = slowNoise(lengthPx, widthPx, 0.05, random);
  // Sister chromatids lie closer in some places than others, so the groove comes and goes.
  const separation = slowNoise(lengthPx, widthPx * 2, 0.08, random).map((v) =>
    Math.min(1, Math.max(0.75, v - 0.08)),
  );
  const constriction = 0.18 + 0.12 * random.next();
  for (let px = 0; px < lengthPx; px++) {
    let d = 0;
    let w = 0;
    for (let k = 0; k < SUPERSAMPLE; k++) {
      d += bandBlur[px * SUPERSAMPLE + k] ?? 0;
      w += widthBlur[px * SUPERSAMPLE + k] ?? 1;
    }
    d /= SUPERSAMPLE;
    w /= SUPERSAMPLE;
    const z = (px + 0.5 - centromerePx) / (0.45 * widthPx);
    widthFactor[px] = w * (wobble[px] ?? 1) * (1 - constriction * Math.exp(-z * z));
    const darkness = (DARKNESS.base + DARKNESS.range * d) * gain;
    left[px] = clamp01(darkness * (leftGain[px] ?? 1));
    right[px] = clamp01(darkness * (rightGain[px] ?? 1));
  }
  return { left, right, widthFactor, separation };
}

/** Band stops (ISCN units from p-ter) after stretching each band by a random ±12 %, total kept. */
function jitteredStops(track: StainTrack, random: Random): Float64Array {
  const lengths = track.bands.map(
    (b) => (b.stop - b.start) * Math.min(1.3, Math.max(0.7, 1 + 0.12 * random.normal())),
  );
  const total = lengths.reduce((s, v) => s + v, 0);
  const stops = new Float64Array(lengths.length);
  let sum = 0;
  lengths.forEach((v, i) => {
    sum += v;
    stops[i] = (sum / total) * track.length;
  });
  return stops;
}

/** Where an original position (ISCN units) lands after the band jitter. */
function warp(units: number, track: StainTrack, stops: Float64Array): number {
  for (let i = 0; i < track.bands.length; i++) {
    const band = track.bands[i];
    if (!band || units > band.stop) continue;
    const start = i === 0 ? 0 : (stops[i - 1] ?? 0);
    const stop = stops[i] ?? track.length;
    const f = band.stop > band.start ? (units - band.start) / (band.stop - band.start) : 0;
    return start + f * (stop - start);
  }
  return units;
}

/** A smooth multiplicative gain around 1 with standard deviation `amplitude`, varying over about a chromatid width. */
function slowNoise(length: number, widthPx: number, amplitude: number, random: Random): Float32Array {
  const raw = new Float32Array(length);
  for (let i = 0; i < length; i++) raw[i] = random.normal();
  const sigma = Math.max(2, widthPx * 0.4);
  const smooth = smooth1d(raw, sigma);
  // Smoothing shrinks white noise by about 1/sqrt(2·sqrt(pi)·sigma); undo that to get a known amplitude.
  const norm = Math.sqrt(2 * Math.sqrt(Math.PI) * sigma);
  for (let i = 0; i < length; i++) smooth[i] = 1 + amplitude * (smooth[i] ?? 0) * norm;
  return smooth;
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
