import type { HomNetModel } from '../homnet-model';
import { INPUT_CALIBRATION } from '../parameters';
import { PROFILE_LENGTH } from '../../shared/profile';
import type { DatasetCase } from './dataset';

/** Quantile levels of the darkness distribution a model keeps from its pretraining data (5 % … 95 %). */
export const DARKNESS_QUANTILE_LEVELS: readonly number[] = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

/** At most this many darkness values are sorted to take quantiles (every k-th sample beyond it). */
const MAX_VALUES = 200_000;

/** Key of the pretraining darkness quantiles in a manifest's `training` record. */
export const REFERENCE_KEY = 'darknessQuantiles';

/**
 * Quantiles (DARKNESS_QUANTILE_LEVELS) of the darkness inside the chromosomes of some cases, both halves,
 * padding excluded.
 */
export function darknessQuantiles(cases: readonly DatasetCase[]): number[] {
  let total = 0;
  for (const c of cases)
    for (const cell of c.cells) for (const ch of cell.chromosomes) total += 2 * ch.samples;
  const stride = Math.max(1, Math.ceil(total / MAX_VALUES));
  const values: number[] = [];
  let index = 0;
  for (const c of cases)
    for (const cell of c.cells)
      for (const ch of cell.chromosomes)
        for (let row = 0; row < 2; row++)
          for (let i = 0; i < ch.samples; i++, index++)
            if (index % stride === 0) values.push(ch.profile[row * PROFILE_LENGTH + i] ?? 0);
  values.sort((a, b) => a - b);
  if (values.length === 0) return [];
  // Four decimals: finer than any difference between labs, and short in a manifest.
  return DARKNESS_QUANTILE_LEVELS.map(
    (q) => Math.round((values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0) * 1e4) / 1e4,
  );
}

/** The pretraining darkness quantiles stored with a model, when it has them. */
export function referenceDarkness(training: Readonly<Record<string, unknown>> | undefined): number[] | null {
  const value = training?.[REFERENCE_KEY];
  if (!Array.isArray(value) || value.length !== DARKNESS_QUANTILE_LEVELS.length) return null;
  return value.every((v): v is number => typeof v === 'number' && Number.isFinite(v)) ? value : null;
}

/** `{ darknessQuantiles }` of a parent's training record, to copy into a fine-tuned model's; or nothing. */
export function referenceEntry(
  training: Readonly<Record<string, unknown>> | undefined,
): Record<string, readonly number[]> {
  const reference = referenceDarkness(training);
  return reference ? { [REFERENCE_KEY]: reference } : {};
}

/** The calibration curve at darkness v: calibrateInput's, on one number rather than a tensor. */
export function calibrated(v: number, [a, b, c]: readonly [number, number, number]): number {
  return v + v * (a + b * (1 - v) + c * (1 - v) * (2 * v - 1));
}

function solve3(m: number[][], y: number[]): [number, number, number] | null {
  // Cramer's rule on a 3 × 3 system (the normal equations of the fit).
  const det = (a: number[][]): number =>
    (a[0]?.[0] ?? 0) * ((a[1]?.[1] ?? 0) * (a[2]?.[2] ?? 0) - (a[1]?.[2] ?? 0) * (a[2]?.[1] ?? 0)) -
    (a[0]?.[1] ?? 0) * ((a[1]?.[0] ?? 0) * (a[2]?.[2] ?? 0) - (a[1]?.[2] ?? 0) * (a[2]?.[0] ?? 0)) +
    (a[0]?.[2] ?? 0) * ((a[1]?.[0] ?? 0) * (a[2]?.[1] ?? 0) - (a[1]?.[1] ?? 0) * (a[2]?.[0] ?? 0));
  const d = det(m);
  if (Math.abs(d) < 1e-12) return null;
  const column = (k: number): number[][] => m.map((row, i) => row.map((v, j) => (j === k ? (y[i] ?? 0) : v)));
  return [det(column(0)) / d, det(column(1)) / d, det(column(2)) / d];
}

function isIncreasing(coefficients: readonly [number, number, number]): boolean {
  let previous = 0;
  for (let k = 1; k <= 100; k++) {
    const value = calibrated(k / 100, coefficients);
    if (value <= previous) return false;
    previous = value;
  }
  return true;
}

/**
 * Coefficients that carry a lab's darkness quantiles onto the pretraining ones (least squares; the curve
 * is linear in them). A curve that would not be increasing, which would swap light and dark bands, gives
 * way to a plain gain.
 */
export function fitInputCalibration(
  lab: readonly number[],
  reference: readonly number[],
): [number, number, number] {
  const features = lab.map((v) => [v, v * (1 - v), v * (1 - v) * (2 * v - 1)]);
  const targets = lab.map((v, i) => (reference[i] ?? v) - v);
  const normal = [0, 1, 2].map((r) =>
    [0, 1, 2].map((c) => features.reduce((s, f) => s + (f[r] ?? 0) * (f[c] ?? 0), 0) + (r === c ? 1e-6 : 0)),
  );
  const right = [0, 1, 2].map((r) => features.reduce((s, f, i) => s + (f[r] ?? 0) * (targets[i] ?? 0), 0));
  const full = solve3(normal, right);
  if (full && isIncreasing(full)) return full;
  const vv = lab.reduce((s, v) => s + v * v, 0);
  const gain = vv > 0 ? lab.reduce((s, v, i) => s + v * (targets[i] ?? 0), 0) / vv : 0;
  return [Math.max(-0.9, gain), 0, 0];
}

/**
 * Starts a lab's fine-tuning from a calibration that matches its darkness to the model's pretraining
 * data (when the model kept those quantiles); fine-tuning then refines it with the other weights.
 * Returns the coefficients set, or null when the model has no reference.
 */
export async function calibrateToReference(
  model: HomNetModel,
  cases: readonly DatasetCase[],
): Promise<[number, number, number] | null> {
  const reference = referenceDarkness(model.info.training);
  const lab = darknessQuantiles(cases);
  if (!reference || lab.length !== reference.length) return null;
  const coefficients = fitInputCalibration(lab, reference);
  const values = await model.weights.read();
  values.set(INPUT_CALIBRATION.name, Float32Array.from(coefficients));
  model.weights.assign(values);
  return coefficients;
}
