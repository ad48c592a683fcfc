import { expect, test } from '@playwright/test';
import { casesInARow } from '../src/cli/bench/many-cases';
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

test('a case dropped from worker memory by newer ones comes back from IndexedDB intact', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open('?backend=wasm');
  await app.waitForVerdicts();
  const result = await page.evaluate(async () => {
    const hooks = window.__homnetTestHooks;
    if (!hooks) throw new Error('the app did not expose its test hooks');
    const worker = hooks.startWorker();
    try {
      await worker.api.loadModel({ kind: 'seed', seed: 3 }, 'wasm');
      const ids: string[] = [];
      // Six cases: more than the four the worker keeps in memory, so the first is evicted.
      for (let i = 1; i <= 6; i++) {
        const summary = await worker.api.analyseSynthetic(
          `evict-${i}`,
          { name: `case ${i}`, origin: 'demo', karyotype: '46,XY', cells: 2, level: 400, seed: 70 + i },
          hooks.proxy(() => undefined),
        );
        ids.push(summary.id);
      }
      const first = ids[0] ?? '';
      const view = await worker.api.typeView(first, '1');
      const corrected = await worker.api.correct(first, { kind: 'swap', cell: 'cell01', type: '1' });
      return {
        cells: view.cells.map((c) => c.chromosomes.length),
        rescored: corrected.rescored,
        name: corrected.summary.name,
      };
    } finally {
      worker.terminate();
    }
  });
  expect(result).toEqual({ cells: [2, 2], rescored: ['1'], name: 'case 1' });
});
