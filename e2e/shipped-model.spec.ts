import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ReviewPage } from './support/review-page';

/** The model `npm start` ships: public/models/index.json names it. */
const shippedId = (
  JSON.parse(readFileSync(new URL('../public/models/index.json', import.meta.url), 'utf8')) as {
    default: string;
  }
).default;

test('npm start scores the demo case with the shipped model, chromosome 5 first and flagged', async ({
  page,
}) => {
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await expect(page.getByTestId('model-id')).toHaveText(shippedId);
  await expect(page.getByTestId('case-model')).toHaveText(shippedId);
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
  const scores = await page.locator('.type-card').evaluateAll((cards) =>
    cards.map((card) => ({
      type: card.getAttribute('data-type') ?? '',
      score: Number(card.getAttribute('data-score') ?? 'NaN'),
    })),
  );
  const ranked = scores.filter((s) => Number.isFinite(s.score)).sort((a, b) => b.score - a.score);
  expect(ranked.length).toBeGreaterThan(20);
  // The demo is 46,XY,del(5)(p14): the deleted chromosome leads, and the app flags it.
  expect(ranked[0]?.type).toBe('5');
  await expect(app.typeCard('5')).toHaveAttribute('data-verdict', 'abnormal');

  // Its pair rows say in words what differs. del(5)(p14) loses about a sixth of chromosome 5: every cell
  // reports one homolog clearly shorter, though normal pairs differ by up to 14 % in nine cases of ten,
  // so not every cell stands out on its own.
  await app.selectType('5');
  const cues = app.pairView.getByTestId('pair-cues');
  await expect(cues).toHaveCount(4);
  let cellsStandingOut = 0;
  for (const row of await cues.all()) {
    await expect(row.locator('li')).toHaveCount(3);
    const length = await row.locator('li').first().innerText();
    expect(Number(/homolog [12] is (\d+) % shorter/.exec(length)?.[1] ?? 0)).toBeGreaterThanOrEqual(8);
    if ((await row.locator('li[data-level="rare"], li[data-level="unusual"]').count()) > 0)
      cellsStandingOut++;
  }
  expect(cellsStandingOut).toBeGreaterThanOrEqual(2);
});
