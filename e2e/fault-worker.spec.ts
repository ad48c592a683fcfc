import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

/** Each fault, while cells are imaged and while the model scores them on the GPU. */
const faults = [
  { fault: 'crash', cause: 'the worker ended unexpectedly', during: 'cell01: done' },
  { fault: 'gpu-lost', cause: 'destroyed', during: 'cell01: done' },
  { fault: 'gpu-lost', cause: 'destroyed', during: 'scoring' },
] as const;

for (const { fault, cause, during } of faults) {
  test(`a ${fault} mid-case (${during}) restarts the worker on WASM, says so, and the case still finishes`, async ({
    page,
  }) => {
    await shipTestModel(page);
    const app = new ReviewPage(page);
    await app.open('?backend=webgpu');
    await app.waitForVerdicts();
    await expect(page.getByTestId('backend-name')).toContainText('webgpu');
    const progress = await app.startTeachingCase('46,XY,dup(1)(q21q32)', 4);
    await expect(progress).toContainText(during);
    await page.evaluate((f) => {
      window.__homnetTestHooks?.breakAnalysisWorker(f);
    }, fault);

    await expect(page.getByTestId('backend-name')).toHaveText('wasm');
    await expect(page.getByTestId('engine-recovery')).toContainText('restarted on WASM');
    await expect(page.getByTestId('engine-recovery')).toContainText(cause);
    await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 150_000 });
    await expect(progress).toHaveCount(0);
    await expect(page.locator('#case-title')).toHaveText('Teaching 46,XY,dup(1)(q21q32)');
    await app.waitForVerdicts();
    await expect(page.locator('.case-header')).toContainText('on wasm');
    await expect(page.locator('.cells tbody tr')).toHaveCount(4);
  });
}
