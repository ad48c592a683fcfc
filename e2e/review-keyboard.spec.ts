import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

test('keyboard: types, cells, heads, decisions and the ? overlay', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await app.selectType('5');
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toContainText('next / previous chromosome type');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);

  await page.keyboard.press('ArrowRight');
  await expect(app.typeCard('6')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(app.typeCard('5')).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.press('ArrowDown');
  await expect(app.pairView.locator('.pair-row.selected')).toHaveAttribute('data-testid', 'pair-row-cell02');
  const head = page.getByTestId('head-select');
  const before = await head.inputValue();
  await page.keyboard.press('h');
  await expect(head).not.toHaveValue(before);

  await page.keyboard.press('n');
  await expect(app.pairView.getByTestId('audit-trail')).toContainText('normal by anonymous');
  await page.keyboard.press('f');
  await expect(page.getByTestId('rescored')).toHaveText('Re-analysed: 5');
});

test('teaching mode turns an ISCN karyotype into an analysed case', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await page.getByRole('button', { name: 'Teaching mode…' }).click();
  await expect(page.getByRole('heading', { name: 'Teaching mode' })).toBeVisible();
  await page.getByLabel('Karyotype').fill('46,XX,inv(9)(p12q13)');
  await page.getByLabel('Cells').fill('3');
  await page.getByRole('button', { name: 'Generate and analyse' }).click();
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.locator('#case-title')).toHaveText('Teaching 46,XX,inv(9)(p12q13)');
  await app.waitForVerdicts();
  await expect(page.getByTestId('teaching-guide')).toContainText('inv(9)');
  await expect(page.locator('.cells tbody tr')).toHaveCount(3);
});
