import { expect, test, type Locator } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

/** Canvases whose top-left pixel is still transparent: not drawn yet (a drawn karyogram crop is opaque). */
function undrawnCanvases(canvases: Locator): Promise<number> {
  return canvases.evaluateAll(
    (list) =>
      list.filter((canvas) => {
        if (!(canvas instanceof HTMLCanvasElement)) return true;
        const alpha = canvas.getContext('2d')?.getImageData(0, 0, 1, 1).data[3] ?? 0;
        return alpha !== 255;
      }).length,
  );
}

test('a case of 9 cells: every pair row comes in with drawn images and profiles; corrections open per row', async ({
  page,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open('?backend=wasm');
  await app.waitForVerdicts();
  await page.getByRole('button', { name: 'Teaching mode…' }).click();
  await page.getByLabel('Karyotype').fill('46,XY,del(5)(p14)');
  await page.getByLabel('Cells').fill('9');
  await page.getByRole('button', { name: 'Generate and analyse' }).click();
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 120_000 });
  await app.waitForVerdicts();
  await expect(page.locator('.cells tbody tr')).toHaveCount(9);

  // The rows mount a few per frame; all of them arrive, each with two images and four profile lines.
  await app.selectType('5');
  const rows = app.pairView.locator('.pair-row');
  await expect(rows).toHaveCount(9);
  await expect(app.pairView.locator('[data-testid="profile-chart"] path.profile')).toHaveCount(36);
  const images = app.pairView.locator('.pair-figure canvas');
  await expect(images).toHaveCount(18);
  await expect.poll(() => undrawnCanvases(images)).toBe(0);
  const thumbs = page.locator('.overview canvas');
  expect(await thumbs.count()).toBeGreaterThanOrEqual(46);
  await expect.poll(() => undrawnCanvases(thumbs)).toBe(0);

  // Another type and back: the list starts again and fills again.
  await app.selectType('6');
  await expect(rows).toHaveCount(9);
  await app.selectType('5');
  await expect(rows).toHaveCount(9);

  // Correction controls exist only in the row whose "Correct" is open (not merely hidden in the others).
  await expect(app.pairView.locator('.correction-buttons')).toHaveCount(0);
  const last = app.pairView.getByTestId('pair-row-cell09');
  await last.getByText('Correct').click();
  await expect(last.getByRole('button', { name: 'Flip homolog 1' })).toBeVisible();
  await expect(last.getByLabel('Move homolog 2 to type').locator('option')).toHaveCount(24);
  await expect(app.pairView.locator('.correction-buttons')).toHaveCount(1);
});
