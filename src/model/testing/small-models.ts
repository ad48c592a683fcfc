import { afterEach, beforeAll } from 'vitest';
import { useBackend } from '../backend';
import type { HomNetModel } from '../homnet-model';
import { enableTraining } from '../train/enable-training';

/** A HomNet small enough for unit tests to create and train in milliseconds. */
export const SMALL_ARCHITECTURE = {
  regionChannels: 16,
  heads: 2,
  pairWidth: 32,
  bagWeightHidden: 16,
} as const;

/**
 * For a `describe` block whose tests make models: trains on WASM, and disposes every model pushed onto
 * the returned list after each test, so that none outlives its test whatever the test's outcome.
 */
export function modelsDisposedAfterEach(): HomNetModel[] {
  const models: HomNetModel[] = [];
  beforeAll(async () => {
    await enableTraining();
    await useBackend('wasm');
  });
  afterEach(() => {
    for (const m of models.splice(0)) m.dispose();
  });
  return models;
}
