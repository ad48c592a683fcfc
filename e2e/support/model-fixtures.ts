import type { Page } from '@playwright/test';
import type { ChromosomeType } from '../../src/shared/chromosome-types';
import { createRandom } from '../../src/shared/random';
import { testBag } from '../../src/model/testing/synthetic-bags';
import type { ModelArtifacts } from '../../src/model/weights/manifest';

/** URL (same origin) under which tests serve a model's manifest and binary. */
export const E2E_MODEL_URL = '/e2e-models/m/manifest.json';

/**
 * Serves a model to the page from the app's own origin, the way public/models/ does, without writing
 * test weights into the build. `corruptBinary` flips one byte so the checksum must fail.
 */
export async function installModelRoute(
  page: Page,
  artifacts: ModelArtifacts,
  options: { corruptBinary?: boolean } = {},
): Promise<void> {
  await page.route('**/e2e-models/m/manifest.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(artifacts.manifest) }),
  );
  await page.route('**/e2e-models/m/weights.bin', (route) => {
    const bytes = Buffer.from(artifacts.weightData.slice(0));
    if (options.corruptBinary) bytes[17] = (bytes[17] ?? 0) ^ 0xff;
    return route.fulfill({ contentType: 'application/octet-stream', body: bytes });
  });
}

/** Bags as plain JSON (page.evaluate arguments must be serialisable); the page makes Float32Arrays. */
export interface JsonBag {
  type: ChromosomeType;
  pairs: { homologs: [number[], number[]]; bandLevel: 400 }[];
}

export function jsonTestBags(seed: number): JsonBag[] {
  const random = createRandom(seed);
  const types: ChromosomeType[] = ['1', '5', '9', '13', '18', '21', 'X'];
  return types.map((type, i) => {
    const bag = testBag(random, type, 1 + (i % 4), i % 2 === 1);
    return {
      type,
      pairs: bag.pairs.map((p) => ({
        homologs: [Array.from(p.homologs[0]), Array.from(p.homologs[1])],
        bandLevel: 400,
      })),
    };
  });
}

/** Largest absolute difference between two lists of flattened predictions. */
export function maxAbsoluteDifference(a: number[][], b: number[][]): number {
  let max = 0;
  a.forEach((row, i) => {
    const other = b[i] ?? [];
    if (other.length !== row.length) max = Number.POSITIVE_INFINITY;
    row.forEach((value, j) => {
      max = Math.max(max, Math.abs(value - (other[j] ?? Number.NaN)) || 0);
      if (Number.isNaN(value) || Number.isNaN(other[j] ?? Number.NaN)) max = Number.POSITIVE_INFINITY;
    });
  });
  return max;
}
