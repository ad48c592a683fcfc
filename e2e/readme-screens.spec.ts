import { test } from '@playwright/test';
import { ReviewPage } from './support/review-page';

/**
 * Screenshots for the README and for looking at the screens as a user would. Run on demand:
 * `SCREENSHOTS=1 npx playwright test e2e/readme-screens.spec.ts` (writes docs/pair-view.png and e2e-screens/).
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
