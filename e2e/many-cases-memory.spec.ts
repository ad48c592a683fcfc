import { expect, test } from '@playwright/test';
import { casesInARow } from '../src/cli/many-cases';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

const MB = 1024 ** 2;

// 12 cases here on WASM (about 20 s); `npm run bench -- --browser` runs 100 on WASM and 12 on WebGPU.
test('12 cases in a row in the worker: tensors, tensor bytes and worker memory stop growing', async ({
  page,
  browser,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open('?backend=wasm');
  await app.waitForVerdicts();
  // The worker keeps the 4 most recent cases in memory, so from case 4 on it should hold steady.
  const run = await casesInARow(browser, page, { backend: 'wasm', cases: 12, checkpoints: [4, 12] });
  const [early, late] = run.checkpoints;
  if (!early || !late) throw new Error('checkpoints missing');
  expect(run.tfBackend).toBe('wasm');
  expect(late.numTensors).toBe(early.numTensors);
  expect(late.numBytes).toBe(early.numBytes);
  // Each case holds megabytes of files and chromosome images: one kept case too many would show here.
  expect(late.backingStorageBytes - early.backingStorageBytes).toBeLessThan(MB);
  expect(late.heapUsedBytes - early.heapUsedBytes).toBeLessThan(MB);
  expect(early.heapUsedBytes).toBeGreaterThan(0);
});
