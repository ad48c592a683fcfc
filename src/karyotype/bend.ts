import type { Random } from '../shared/random';

/**
 * Sideways shift in pixels of each image row of a chromosome drawn upright (rows 0 … `rows`-1, the axis
 * starting at row `pad` and `lengthPx` long): straight, a single arc, an S, or a soft knee (chromosomes
 * often fold near the centromere), up to about 13 % of the length, plus a slight lean. A shear rather
 * than a true bend, which is close enough for gentle curvature (slopes stay under ~25°) and keeps each
 * row an exact axis position, so the true profile stays exact.
 */
export function bendShifts(rows: number, pad: number, lengthPx: number, random: Random): Float32Array {
  const shifts = new Float32Array(rows);
  const shape = random.next();
  const amplitude = (random.next() - 0.5) * 0.26 * lengthPx;
  const lean = (random.next() - 0.5) * 0.2;
  const knee = random.uniform(0.3, 0.7);
  for (let row = 0; row < rows; row++) {
    const t = Math.min(1, Math.max(0, (row - pad) / lengthPx));
    shifts[row] = amplitude * curve(shape, t, knee) + lean * (row - pad - lengthPx / 2);
  }
  return shifts;
}

/** Shape of the bend at axis fraction t, peak about 1. */
function curve(shape: number, t: number, knee: number): number {
  if (shape < 0.25) return 0;
  if (shape < 0.6) return Math.sin(Math.PI * t);
  if (shape < 0.75) return 0.6 * Math.sin(2 * Math.PI * t);
  // A knee: two straight limbs meeting at `knee`, rounded over a tenth of the length.
  const d = (t - knee) / 0.1;
  const rounded = Math.abs(d) < 1 ? (1 + d * d) / 2 : Math.abs(d);
  return 1 - (0.1 * rounded) / Math.max(knee, 1 - knee);
}

/**
 * Sideways shifts (as bendShifts) of a chromosome curled into one strong C, bulging to either side by a
 * quarter of its length: the hard case for straightening. Slopes reach about 40°, where the shear narrows
 * the chromosome by about a quarter, which matters less here than the curve it makes.
 */
export function curlShifts(rows: number, pad: number, lengthPx: number, random: Random): Float32Array {
  const shifts = new Float32Array(rows);
  const amplitude = (random.next() < 0.5 ? -0.25 : 0.25) * lengthPx;
  for (let row = 0; row < rows; row++) {
    const t = Math.min(1, Math.max(0, (row - pad) / lengthPx));
    shifts[row] = amplitude * Math.sin(Math.PI * t);
  }
  return shifts;
}
