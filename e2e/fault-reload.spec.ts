import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { storeKeys } from './support/indexeddb';
import { DEFAULT_REVIEWER, ReviewPage } from './support/review-page';

test('a tab closed mid-analysis keeps every decision, and reopening analyses the cut-off case again', async ({
  context,
}) => {
  await shipTestModel(context);
  const first = await context.newPage();
  const app = new ReviewPage(first);
  await app.open();
  await app.waitForVerdicts();
  await app.selectType('5');
  await app.decide('abnormal', 'decided before the tab closed');
  await expect(first.getByTestId('decision-saved')).toHaveText('Saved in this browser.');
  const progress = await app.startTeachingCase('46,XX,inv(9)(p12q13)', 6);
  // Caught on every frame: expect()'s polling (up to 1 s apart) can miss the moment on an idle machine,
  // where the other five cells follow within a second.
  await first.waitForFunction(
    () => document.querySelector('[data-testid="job-progress"]')?.textContent.includes('cell01: done'),
    undefined,
    { polling: 'raf' },
  );
  expect(await progress.innerText()).not.toContain('cell06: done');
  await first.close();

  const second = await context.newPage();
  const again = new ReviewPage(second);
  await again.open();
  await expect(second.getByTestId('worklist-item')).toHaveCount(2, { timeout: 150_000 });
  await expect(second.getByTestId('notice')).toContainText('was interrupted');
  await expect(second.getByTestId('job-progress')).toHaveCount(0);
  await expect(second.locator('#case-title')).toHaveText('Teaching 46,XX,inv(9)(p12q13)');
  await again.waitForVerdicts();
  await expect(second.locator('.cells tbody tr')).toHaveCount(6);
  // Nothing is left waiting to be resumed.
  expect((await storeKeys(second, 'meta')).filter((k) => k.startsWith('pending-job:'))).toEqual([]);

  await second.locator('.open-case', { hasText: 'Demo 46,XY,del(5)(p14)' }).click();
  await again.selectType('5');
  await expect(again.pairView.getByTestId('audit-trail')).toContainText(
    `abnormal by ${DEFAULT_REVIEWER} (model homnet-e2e-app): decided before the tab closed`,
  );
  // The reviewer's name came back with the page.
  await expect(second.getByLabel('Reviewer')).toHaveValue(DEFAULT_REVIEWER);
});
