import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { APP_MODEL_ID, shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

test.use({ serviceWorkers: 'allow' });

test('works offline once loaded, never leaves its origin, and has no serious accessibility violation', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(request.url());
  });
  await shipTestModel(context);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  // The service worker has cached the app; the worker has kept a copy of the model in IndexedDB.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const open = indexedDB.open('homnet-review');
            open.onsuccess = () => {
              const get = open.result.transaction('meta').objectStore('meta').get('shipped-model');
              get.onsuccess = () => {
                resolve(get.result);
              };
            };
          }),
      ),
    )
    .toBe(APP_MODEL_ID);

  // Installable: a linked manifest with a start URL, standalone display and 192 and 512 px icons.
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (!link) return null;
    return (await (await fetch(link.href)).json()) as { display: string; icons: { sizes: string }[] };
  });
  expect(manifest?.display).toBe('standalone');
  expect(manifest?.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(serious).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await app.waitForVerdicts();
  await expect(page.getByTestId('model-id')).toHaveText(APP_MODEL_ID);
  await page.getByRole('button', { name: 'Teaching mode…' }).click();
  await page.getByLabel('Karyotype').fill('46,XX,inv(9)(p12q13)');
  await page.getByLabel('Cells').fill('2');
  await page.getByRole('button', { name: 'Generate and analyse' }).click();
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 120_000 });
  await app.waitForVerdicts();
  await expect(page.locator('.cells tbody tr')).toHaveCount(2);
  expect(foreign).toEqual([]);
});
