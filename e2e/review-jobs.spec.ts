import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

test('a running analysis shows each cell’s stage and can be cancelled', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await page.getByRole('button', { name: 'Teaching mode…' }).click();
  await page.getByLabel('Karyotype').fill('46,XY,dup(1)(q21q32)');
  await page.getByLabel('Cells').fill('10');
  await page.getByRole('button', { name: 'Generate and analyse' }).click();
  const progress = page.getByTestId('job-progress');
  await expect(progress).toContainText('cell01: done');
  await expect(progress).toContainText('cell10: queued');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('notice')).toContainText('cancelled');
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('worklist-item')).toHaveCount(1);
});
