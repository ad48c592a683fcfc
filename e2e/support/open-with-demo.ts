import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { shipTestModel } from './app-fixtures';
import { storeKeys } from './indexeddb';
import { ReviewPage } from './review-page';

/**
 * Opens the app with the test model on a fresh profile and waits until the demo case is analysed and
 * saved, so that whatever the test does next is the next job and the only other case.
 */
export async function openWithDemo(page: Page, query = ''): Promise<ReviewPage> {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open(query);
  await app.waitForVerdicts();
  await expect.poll(async () => (await storeKeys(page, 'reviews')).length).toBe(1);
  return app;
}
