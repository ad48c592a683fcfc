import { describe, expect, it } from 'vitest';
import { createModel, loadModel } from '../load-model';
import { INPUT_CALIBRATION } from '../parameters';
import { syntheticDatasetCases } from '../testing/synthetic-dataset';
import type { DatasetCase } from './dataset';
import {
  calibrateToReference,
  calibrated,
  darknessQuantiles,
  fitInputCalibration,
  REFERENCE_KEY,
  referenceDarkness,
} from './input-reference';
import { modelsDisposedAfterEach } from '../testing/small-models';

/** The same cases as another lab would image them: paler bands, a steeper contrast curve. */
function restyled(cases: readonly DatasetCase[]): DatasetCase[] {
  return cases.map((c) => ({
    ...c,
    cells: c.cells.map((cell) => ({
      ...cell,
      chromosomes: cell.chromosomes.map((ch) => ({ ...ch, profile: ch.profile.map((v) => 0.75 * v ** 1.5) })),
    })),
  }));
}

describe('matching a lab’s darkness to the pretraining data', () => {
  const models = modelsDisposedAfterEach();

  it('fits a curve that carries another lab’s quantiles back onto the reference', () => {
    const ours = syntheticDatasetCases(6, 1);
    const reference = darknessQuantiles(ours);
    const lab = darknessQuantiles(restyled(ours));
    expect(lab.length).toBe(19);
    expect(lab[9]).toBeLessThan((reference[9] ?? 0) - 0.05);
    const coefficients = fitInputCalibration(lab, reference);
    const worstBefore = Math.max(...lab.map((v, i) => Math.abs(v - (reference[i] ?? 0))));
    const worstAfter = Math.max(
      ...lab.map((v, i) => Math.abs(calibrated(v, coefficients) - (reference[i] ?? 0))),
    );
    expect(worstBefore).toBeGreaterThan(0.1);
    expect(worstAfter).toBeLessThan(0.03);
    expect(fitInputCalibration(reference, reference).map((c) => Math.abs(c) < 1e-6)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('falls back to a gain rather than a curve that would swap light and dark bands', () => {
    // Quantiles that go down as the lab's go up cannot be matched by an increasing curve.
    const lab = Array.from({ length: 19 }, (_, i) => 0.1 + 0.04 * i);
    const reference = lab.map((v) => (v < 0.5 ? 0.2 + v : 1.2 - v));
    const [a, b, c] = fitInputCalibration(lab, reference);
    expect(b).toBe(0);
    expect(c).toBe(0);
    expect(a).toBeGreaterThan(-0.9);
  });

  it('sets the calibration of a model that kept its reference, and leaves one without alone', async () => {
    const ours = syntheticDatasetCases(4, 2);
    const lab = restyled(ours);
    const plain = await createModel({
      seed: 7,
      backend: 'wasm',
      architecture: { regionChannels: 16, heads: 2 },
    });
    models.push(plain);
    expect(await calibrateToReference(plain, lab)).toBeNull();
    const artifacts = await plain.exportArtifacts({ training: { [REFERENCE_KEY]: darknessQuantiles(ours) } });
    const withReference = await loadModel({ weights: artifacts, backend: 'wasm' });
    models.push(withReference);
    expect(referenceDarkness(withReference.info.training)).toHaveLength(19);
    const coefficients = await calibrateToReference(withReference, lab);
    expect(coefficients).not.toBeNull();
    const stored = (await withReference.weights.read()).get(INPUT_CALIBRATION.name);
    expect(Array.from(stored ?? [])).toEqual(Array.from(Float32Array.from(coefficients ?? [])));
    expect(Math.abs(stored?.[0] ?? 0)).toBeGreaterThan(0.05);
  });
});
