import { expect, test } from '@playwright/test';
import { copyFileSync, readFileSync } from 'node:fs';
import { ModelsPage } from './support/models-page';
import { readPdf } from './support/pdf-document';
import { ReviewPage } from './support/review-page';
import { syntheticCropZip, syntheticKaryograms } from './support/synthetic-files';

/**
 * Screenshots for the README and for looking at the screens as a user would. Run on demand:
 * `SCREENSHOTS=1 npx playwright test e2e/readme-screens.spec.ts` (writes docs/pair-view.png, docs/overview.png,
 * docs/report-summary.png and e2e-screens/).
 */
// Not a check: it only writes pictures for the README, so it runs when asked for.
test.skip(!process.env.SCREENSHOTS, 'screenshots are made on demand (SCREENSHOTS=1)');
test.use({ viewport: { width: 1440, height: 1000 } });

test('pair view of the demo case', async ({ page }) => {
  // The shipped model, as a newcomer sees it after `npm start`.
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await page.screenshot({ path: 'e2e-screens/first-screen.png' });
  await page.getByLabel('Reviewer').fill('Dr Example');
  await app.selectType('5');
  await app.decide('unsure', 'compare with a second culture');
  await page.screenshot({ path: 'e2e-screens/overview.png' });
  await app.pairView.scrollIntoViewIfNeeded();
  await app.heatmap.locator('rect.cell[data-e="2"][data-z="4"]').hover();
  await app.pairView.screenshot({ path: 'docs/pair-view.png' });
  await page.screenshot({ path: 'e2e-screens/full.png', fullPage: true });
  await page.keyboard.press('?');
  await page.screenshot({ path: 'e2e-screens/help.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Teaching mode…' }).click();
  await page.screenshot({ path: 'e2e-screens/teaching.png' });
});

test('overview and report summary of a case with a trisomy and a structural change', async ({ page }) => {
  // The shipped model; three cells of 47,XY,+21 with a deletion of 5p, dropped as karyogram files.
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await page.getByLabel('Reviewer').fill('Dr Example');
  await app.loadCase(syntheticKaryograms('47,XY,+21,del(5)(p14)', 3, 21), 'input');
  await page.screenshot({ path: 'docs/overview.png' });
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await readPdf(new Uint8Array(readFileSync(await (await pdf).path())), 'e2e-screens/report');
  copyFileSync('e2e-screens/report/report-page-1.png', 'docs/report-summary.png');
});

test('models screen after a small fine-tuning run', async ({ page }) => {
  test.setTimeout(600_000);
  const app = new ReviewPage(page);
  await app.open('?backend=wasm');
  await app.waitForVerdicts();
  await page.getByTestId('file-input').setInputFiles([syntheticCropZip('lab-a', '46,XX', 2, 101)]);
  await page.getByTestId('file-input').setInputFiles([syntheticCropZip('lab-b', '46,XY', 2, 102)]);
  await expect(page.getByTestId('worklist-item')).toHaveCount(3, { timeout: 180_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 180_000 });
  const models = new ModelsPage(page);
  await models.open();
  await models.pickCases(['del(5)', 'lab-a', 'lab-b']);
  await models.setSettings({ 'Cases fine-tuned on (%)': 34, 'Steps (at most)': 30 });
  await page.screenshot({ path: 'e2e-screens/models-start.png', fullPage: true });
  await page.getByRole('button', { name: 'Start fine-tuning' }).click();
  await expect(page.getByTestId('finetune-eta')).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: 'e2e-screens/models-running.png', fullPage: true });
  await expect(models.result).toBeVisible({ timeout: 500_000 });
  await page.screenshot({ path: 'e2e-screens/models-result.png', fullPage: true });
});
