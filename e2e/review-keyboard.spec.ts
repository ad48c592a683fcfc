import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

/** Serious and critical axe-core violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('keyboard: types, cells, heads, decisions and the ? overlay', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await app.selectType('5');
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toContainText('next / previous chromosome type');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);

  await page.keyboard.press('ArrowRight');
  await expect(app.typeCard('6')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(app.typeCard('5')).toHaveAttribute('aria-pressed', 'true');

  // Down and up step through the pairs the verdict rests on, from the one the pair view opened on.
  const selectedRow = app.pairView.locator('.pair-row.selected');
  const opened = (await selectedRow.getAttribute('data-testid')) ?? '';
  const scoredRows = await app.pairView
    .locator('.pair-row')
    .evaluateAll((rows) =>
      rows
        .filter((row) =>
          /^\d\.\d\d$/.test(row.querySelector('[data-testid="alpha-value"]')?.textContent ?? ''),
        )
        .map((row) => row.getAttribute('data-testid') ?? ''),
    );
  expect(scoredRows.length).toBeGreaterThan(1);
  const next = scoredRows[(scoredRows.indexOf(opened) + 1) % scoredRows.length] ?? '';
  await page.keyboard.press('ArrowDown');
  await expect(selectedRow).toHaveAttribute('data-testid', next);
  await page.keyboard.press('ArrowUp');
  await expect(selectedRow).toHaveAttribute('data-testid', opened);
  await page.keyboard.press('ArrowDown');
  await expect(selectedRow).toHaveAttribute('data-testid', next);
  const head = page.getByTestId('head-select');
  // The heatmap opens on the sharpest alignment and says how it was chosen; h moves on from it.
  await expect(page.getByTestId('head-choice')).toContainText(
    /^Opened on layer \d, head \d: .*lowest mean row entropy/,
  );
  const before = await head.inputValue();
  await page.keyboard.press('h');
  await expect(head).not.toHaveValue(before);
  await expect(page.getByTestId('head-choice')).toContainText('your choice');

  await app.heatmap.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  // The second region of each homolog, named by the bands it covers (chromosome 5, near pter).
  await expect(page.getByTestId('linked-regions')).toContainText(
    /^5p\d[\d.]*(–[pq]\d[\d.]*)? of homolog 1 ↔ 5p\d[\d.]*(–[pq]\d[\d.]*)? of homolog 2: weight/,
  );
  await expect(app.pairView.locator('.pair-row.selected .alignment-link')).toHaveCount(1);
  await expect(app.typeCard('5')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  // No name yet: the decision is not recorded, the page says why and puts the cursor in the name field.
  await page.keyboard.press('n');
  await expect(page.getByTestId('notice')).toContainText('Decision not saved: enter your name as Reviewer');
  await expect(page.getByLabel('Reviewer')).toBeFocused();
  await expect(app.pairView.getByTestId('audit-trail')).toHaveCount(0);
  await page.getByLabel('Reviewer').fill('Dr Keys');
  // The key records the note typed in the note field, which then starts blank again.
  await app.pairView.getByLabel('Note').fill('bands match in every cell');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('n');
  await expect(app.pairView.getByTestId('audit-trail')).toContainText(
    'normal by Dr Keys (model homnet-e2e-app): bands match in every cell',
  );
  await expect(app.pairView.getByLabel('Note')).toHaveValue('');
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
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Karyotype').fill('46,XX,inv(9)(p12q13)');
  await page.getByLabel('Cells').fill('3');
  await page.getByRole('button', { name: 'Generate and analyse' }).click();
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.locator('#case-title')).toHaveText('Teaching 46,XX,inv(9)(p12q13)');
  await app.waitForVerdicts();
  await expect(page.getByTestId('teaching-guide')).toContainText('inv(9)');
  await expect(page.locator('.cells tbody tr')).toHaveCount(3);
});
