import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ReviewPage } from './support/review-page';

/** The model `npm start` ships: public/models/index.json names it. */
const shippedId = (
  JSON.parse(readFileSync(new URL('../public/models/index.json', import.meta.url), 'utf8')) as {
    default: string;
  }
).default;

test('npm start scores the demo case with the shipped model, chromosome 5 among the highest', async ({
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
  expect(ranked.slice(0, 5).map((s) => s.type)).toContain('5');
});
