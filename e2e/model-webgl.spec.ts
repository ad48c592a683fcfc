import { expect, test } from '@playwright/test';
import { DEFAULT_ARCHITECTURE } from '../src/model/architecture';
import { initialValues } from '../src/model/parameters';
import { withAdditionWeights } from '../src/model/testing/addition-weights';
import { packWeights } from '../src/model/weights/manifest';
import {
  E2E_MODEL_URL,
  installModelRoute,
  jsonTestBags,
  maxAbsoluteDifference,
} from './support/model-fixtures';
import { runModelInWorker } from './support/page-model';

test('HomNet runs on WebGL inside a Web Worker and agrees with WASM to 1e-3', async ({ page }) => {
  const artifacts = await packWeights(
    DEFAULT_ARCHITECTURE,
    withAdditionWeights(initialValues(DEFAULT_ARCHITECTURE, 43), 43),
  );
  await installModelRoute(page, artifacts);
  await page.goto('/');
  const bags = jsonTestBags(4);
  const webgl = await runModelInWorker(page, { kind: 'url', url: E2E_MODEL_URL }, 'webgl', bags);
  const wasm = await runModelInWorker(page, { kind: 'url', url: E2E_MODEL_URL }, 'wasm', bags);
  expect(webgl.status.tfBackend).toBe('webgl');
  expect(maxAbsoluteDifference(webgl.flat, wasm.flat)).toBeLessThan(1e-3);
});
