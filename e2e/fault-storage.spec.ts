import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { rewriteEntry, storeKeys } from './support/indexeddb';
import { ReviewPage } from './support/review-page';

test('a saved review that does not parse is skipped and named; every other case is listed', async ({
  page,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await rewriteEntry(page, 'reviews', 'garbage-entry', () => ({
    id: 'garbage-entry',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    decisions: [],
    summary: 'not a summary',
  }));
  await rewriteEntry(page, 'reviews', 'truncated-entry', () => ({ id: 'truncated-entry' }));

  await page.reload();
  await app.waitForVerdicts();
  await expect(page.getByTestId('worklist-item')).toHaveCount(1);
  await expect(page.getByTestId('worklist-item')).toContainText('Demo 46,XY,del(5)(p14)');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('saved review "garbage-entry" was skipped: summary is not an object');
  await expect(notice).toContainText('saved review "truncated-entry" was skipped: createdAt is not text');
});

test('damaged saved results are refused with the case and the reason; the review still shows', async ({
  page,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  const [caseId] = await storeKeys(page, 'results');
  expect(caseId).toBeDefined();
  // A truncated profile, as an interrupted write or a bad disk would leave it.
  await rewriteEntry(page, 'results', caseId ?? '', (entry) => {
    const stored = entry as { profiled: { cells: { chromosomes: { profile: Float32Array }[] }[] } };
    const chromosome = stored.profiled.cells[0]?.chromosomes[0];
    if (chromosome) chromosome.profile = chromosome.profile.slice(0, 10);
    return stored;
  });

  await page.reload();
  await app.waitForVerdicts();
  await expect(page.getByTestId('worklist-item')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText(
    `the saved results of case ${caseId ?? ''} are damaged (profiled.cells[0].chromosomes[0].profile holds 10 values, 1024 expected`,
  );
  await app.typeCard('5').click();
  await expect(app.pairView.getByRole('alert')).toContainText(
    `Cannot show chromosome 5: the saved results of case ${caseId ?? ''} are damaged`,
  );
});
