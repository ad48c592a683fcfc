import { expect, test } from '@playwright/test';
import { APP_MODEL_ID, shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

for (const backend of ['wasm', 'webgpu'] as const) {
  test(`the demo case opens with verdicts and a full pair view (${backend})`, async ({ page }) => {
    await shipTestModel(page);
    const app = new ReviewPage(page);
    await app.open(`?backend=${backend}`);
    await app.waitForVerdicts();
    await expect(page.getByTestId('backend-name')).toContainText(backend);
    await expect(page.getByTestId('model-id')).toHaveText(APP_MODEL_ID);
    await expect(page.getByTestId('worklist-item')).toHaveCount(1);
    await expect(page.getByTestId('worklist-item')).toContainText('del(5)(p14)');
    await expect(page.getByTestId('case-model')).toHaveText(APP_MODEL_ID);
    // All 24 types are laid out; the 46,XY demo has one X and one Y per cell, which is normal for a male.
    await expect(page.locator('.type-card')).toHaveCount(24);
    await expect(app.typeCard('X').locator('.flag')).toHaveCount(0);
    await expect(app.typeCard('5').locator('canvas')).toHaveCount(2);

    // The open type is the flagged one (or the highest score): its pair view shows everything.
    const view = app.pairView;
    await expect(view).toBeVisible();
    await expect(view.getByTestId('alpha-value')).toHaveCount(4);
    for (const text of await view.getByTestId('alpha-value').allInnerTexts()) {
      expect(Number(text)).toBeGreaterThan(0);
      expect(Number(text)).toBeLessThan(1);
    }
    await expect(view.locator('[data-testid="profile-chart"] path.profile')).toHaveCount(16);
    await expect(view.getByTestId('pair-cues').locator('li')).toHaveCount(12);
    await expect(app.heatmap.locator('rect.cell')).toHaveCount(256);
    await expect(view.getByTestId('iscn-region')).toContainText(/Pairs differ most in \w+[pq]\d/);
    await expect(view.getByTestId('ideogram').locator('rect.region')).toHaveCount(1);

    // Rows and columns are named by the ISCN bands each region covers on its own homolog, never by letters.
    const type = (await view.locator('#pair-title').innerText()).replace('Chromosome ', '');
    const bands = `${type}[pq]\\d[\\d.]*(–[pq]\\d[\\d.]*)?`;
    const ticks = [
      ...(await app.heatmap.locator('text.row-tick').allTextContents()),
      ...(await app.heatmap.locator('text.column-tick').allTextContents()),
    ];
    expect(ticks.length).toBeGreaterThan(4);
    for (const tick of ticks) expect(tick).toMatch(new RegExp(`^${bands}$`));
    expect(ticks.some((tick) => new RegExp(`^${type}p.*–q`).test(tick))).toBe(true);
    const attention = view.locator('section.attention');
    await expect(attention).not.toContainText(/region [ez]\b/i);

    // Hovering an alignment cell outlines region e on one homolog and z on the other and links them.
    await app.heatmap.locator('rect.cell[data-e="1"][data-z="0"]').hover();
    await expect(view.getByTestId('linked-regions')).toHaveText(
      new RegExp(`^${bands} of homolog 1 ↔ ${bands} of homolog 2: weight \\d\\.\\d{3}$`),
    );
    await expect(attention).not.toContainText(/region [ez]\b/i);
    const selectedRow = view.locator('.pair-row.selected');
    await expect(selectedRow.locator('.region-highlight')).toHaveCount(2);
    await expect(selectedRow.locator('.alignment-link')).toHaveCount(1);
    await expect(app.heatmap.locator('rect.highlight')).toHaveCount(2);
    // Hovering a region of a chromosome highlights its row of the heatmap.
    await page.mouse.move(0, 0);
    await selectedRow.locator('rect.region-hit[data-homolog="0"][data-region="0"]').hover();
    await expect(app.heatmap.locator('rect.highlight')).toHaveCount(1);
    await page.screenshot({ path: `e2e-screens/demo-${backend}.png`, fullPage: true });
  });
}

test('a decision is kept with reviewer and model id and survives a reload', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await page.getByLabel('Reviewer').fill('Dr Test');
  await app.selectType('5');
  await app.decide('abnormal', 'terminal 5p loss');
  const trail = app.pairView.getByTestId('audit-trail');
  await expect(trail.locator('li')).toHaveCount(1);
  await expect(trail).toContainText(`abnormal by Dr Test (model ${APP_MODEL_ID}): terminal 5p loss`);
  await app.decide('unsure', 'second look');
  await expect(trail.locator('li')).toHaveCount(2);

  await page.reload();
  await app.waitForVerdicts();
  await expect(page.getByTestId('worklist-item')).toHaveCount(1);
  await app.selectType('5');
  await expect(app.pairView.getByTestId('audit-trail').locator('li')).toHaveCount(2);
  await expect(app.pairView.getByTestId('audit-trail')).toContainText('terminal 5p loss');
  await expect(app.pairView.getByTestId('alpha-value')).toHaveCount(4);
});

test('without a shipped model the app says so and analyses nothing', async ({ page }) => {
  await page.route('**/models/index.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.getByTestId('model-problem')).toContainText('ships no model');
  await expect(page.getByTestId('model-id')).toHaveText('no model loaded');
  await expect(page.getByTestId('notice')).toContainText('No model is loaded');
});

test('a case made by an earlier model can be analysed again with the newly shipped one', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await shipTestModel(page, 'homnet-e2e-newer', 8);
  await page.reload();
  await expect(page.getByTestId('model-id')).toHaveText('homnet-e2e-newer');
  await expect(page.getByTestId('other-model')).toContainText(`Analysed with model ${APP_MODEL_ID}`);
  await page.getByRole('button', { name: 'Re-analyse with homnet-e2e-newer' }).click();
  await expect(page.getByTestId('case-model')).toHaveText('homnet-e2e-newer');
  await expect(page.getByTestId('other-model')).toHaveCount(0);
  await expect(page.getByTestId('rescored')).toContainText('Re-analysed: 1, 2, 3');
});
