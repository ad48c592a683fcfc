import { expect, test } from '@playwright/test';
import { DEFAULT_ARCHITECTURE } from '../src/model/architecture';
import { initialValues } from '../src/model/parameters';
import { withAdditionWeights } from '../src/model/testing/addition-weights';
import type { ModelArtifacts } from '../src/model/weights/manifest';
import { packWeights } from '../src/model/weights/manifest';
import {
  E2E_MODEL_URL,
  installModelRoute,
  jsonTestBags,
  maxAbsoluteDifference,
} from './support/model-fixtures';
import { runModelInWorker } from './support/page-model';

let artifacts: ModelArtifacts;

test.beforeAll(async () => {
  artifacts = await packWeights(
    DEFAULT_ARCHITECTURE,
    withAdditionWeights(initialValues(DEFAULT_ARCHITECTURE, 42), 42),
    {
      id: 'homnet-e2e',
    },
  );
});

test('HomNet runs on WebGPU inside a Web Worker and agrees with WASM to 1e-3', async ({ page }) => {
  await installModelRoute(page, artifacts);
  await page.goto('/');
  const bags = jsonTestBags(3);
  const gpu = await runModelInWorker(page, { kind: 'url', url: E2E_MODEL_URL }, 'webgpu', bags);
  const wasm = await runModelInWorker(page, { kind: 'url', url: E2E_MODEL_URL }, 'wasm', bags);

  expect(gpu.status.tfBackend).toBe('webgpu');
  expect(gpu.status.backend.name).toBe('webgpu');
  expect(gpu.status.backend.adapter ?? '').not.toBe('');
  expect(wasm.status.tfBackend).toBe('wasm');
  expect(gpu.status.model.id).toBe('homnet-e2e');
  expect(gpu.status.model.sha256).toBe(artifacts.manifest.sha256);
  expect(gpu.flat).toHaveLength(bags.length);
  // 1 probability + per pair (1 α + 2 layers × 4 heads × 2 × 256 attention + 2 × 16 differences).
  expect(gpu.flat[3]).toHaveLength(1 + 4 * (1 + 2 * 4 * 2 * 256 + 32));
  expect(maxAbsoluteDifference(gpu.flat, wasm.flat)).toBeLessThan(1e-3);
  // Predictions leave no tensor behind in the worker: only the weights stay.
  expect(gpu.numTensorsAfter).toBe(gpu.status.numTensors);
});

test('a model saved to IndexedDB loads back with identical predictions', async ({ page }) => {
  await installModelRoute(page, artifacts);
  await page.goto('/');
  const bags = jsonTestBags(5);
  const first = await runModelInWorker(page, { kind: 'url', url: E2E_MODEL_URL }, 'wasm', bags, {
    saveToIndexedDB: 'e2e-saved',
  });
  await page.reload();
  const second = await runModelInWorker(page, { kind: 'indexeddb', key: 'e2e-saved' }, 'wasm', bags);
  expect(second.status.model.id).toBe('homnet-e2e');
  expect(second.flat).toEqual(first.flat);
});

test('a weights file with a wrong checksum is refused with a clear message', async ({ page }) => {
  await installModelRoute(page, artifacts, { corruptBinary: true });
  await page.goto('/');
  await expect(runModelInWorker(page, { kind: 'url', url: E2E_MODEL_URL }, 'wasm', [])).rejects.toThrow(
    /checksum mismatch/,
  );
});

test('the header reports the backend the app chose', async ({ page }) => {
  await page.goto('/');
  // SwiftShader is a software adapter, so 'auto' must choose WASM here and say so.
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
  await expect(page.getByRole('note')).toContainText('not a diagnostic device');
});
