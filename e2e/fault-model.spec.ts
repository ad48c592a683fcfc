import type { Page, Request } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { APP_MODEL_ID, appModelArtifacts, shipTestModel } from './support/app-fixtures';
import { readEntry, rewriteEntry } from './support/indexeddb';
import { ReviewPage } from './support/review-page';

/** Serves the test model with the first `corruptCopies` downloads of its weights damaged (one byte flipped). */
async function shipModelCorruptingFirst(page: Page, corruptCopies: number): Promise<Request[]> {
  const artifacts = await shipTestModel(page);
  const requests: Request[] = [];
  await page.route(`**/models/${APP_MODEL_ID}/weights.bin`, (route) => {
    requests.push(route.request());
    const bytes = Buffer.from(artifacts.weightData.slice(0));
    if (requests.length <= corruptCopies) bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    return route.fulfill({ contentType: 'application/octet-stream', body: bytes });
  });
  return requests;
}

test('a corrupt download is fetched again past the HTTP cache and the model loads', async ({ page }) => {
  const requests = await shipModelCorruptingFirst(page, 1);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await expect(page.getByTestId('model-id')).toHaveText(APP_MODEL_ID);
  await expect(page.getByTestId('model-problem')).toHaveCount(0);
  // The shipped type classifier came with it and is named beside the model.
  await expect(page.getByTestId('classifier-id')).toHaveText(/^type-classifier-[0-9a-f]{12}$/);
  await expect(page.getByTestId('classifier-problem')).toHaveCount(0);
  // The second download asks past the HTTP cache (cache: 'reload'; unit-tested in shipped-model.test.ts).
  expect(requests).toHaveLength(2);
});

test('a type classifier that cannot be fetched is named in the header, and the model still analyses', async ({
  page,
}) => {
  await shipTestModel(page);
  await page.route('**/models/type-classifier/weights.bin', (route) =>
    route.fulfill({ status: 404, body: '' }),
  );
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await expect(page.getByTestId('model-id')).toHaveText(APP_MODEL_ID);
  await expect(page.getByTestId('classifier-problem')).toContainText('weights.bin: HTTP 404');
  await expect(page.getByTestId('classifier-problem')).toContainText(
    'metaphase images without their annotation',
  );
  await expect(page.getByTestId('classifier-id')).toHaveCount(0);
});

test('a download that stays corrupt is refused with a clear message, and the app still works', async ({
  page,
}) => {
  const requests = await shipModelCorruptingFirst(page, Infinity);
  const app = new ReviewPage(page);
  await app.open();
  await expect(page.getByTestId('model-problem')).toContainText('checksum mismatch');
  await expect(page.getByTestId('model-problem')).toContainText('downloaded twice');
  expect(requests).toHaveLength(2);
  // Reviewing needs no model: an exported report is imported and shown.
  const report = {
    schema: 'homnet-review/analysis@1',
    model: { id: 'homnet-elsewhere', sha256: '0'.repeat(64) },
    backend: 'wasm',
    cases: [{ case: 'from another lab', cells: [], types: [], errors: [], review: { decisions: [] } }],
  };
  await page.getByTestId('import-json').setInputFiles({
    name: 'report.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(report)),
  });
  await expect(page.getByTestId('worklist-item')).toHaveCount(1);
  await expect(page.locator('#case-title')).toHaveText('from another lab (imported)');
});

test('a corrupt copy kept in IndexedDB is refused, fetched again from the origin and kept again', async ({
  page,
}) => {
  const requests = await shipModelCorruptingFirst(page, 0);
  const { manifest } = await appModelArtifacts();
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await expect.poll(() => readEntry(page, 'meta', 'shipped-model')).toBe(APP_MODEL_ID);
  await rewriteEntry(
    page,
    'models',
    'shipped-model',
    (entry) => {
      const model = entry as { weightData: ArrayBuffer };
      const bytes = new Uint8Array(model.weightData);
      bytes[100] = (bytes[100] ?? 0) ^ 0xff;
      return model;
    },
    'homnet-models',
  );
  const downloadsBefore = requests.length;

  await page.reload();
  await app.waitForVerdicts();
  await expect(page.getByTestId('model-id')).toHaveText(APP_MODEL_ID);
  await expect(page.getByTestId('model-problem')).toHaveCount(0);
  expect(requests.length).toBe(downloadsBefore + 1);
  // The copy kept again is the good one.
  const keptSha = () =>
    page.evaluate(async () => {
      const entry = await new Promise<{ weightData: ArrayBuffer } | undefined>((resolve) => {
        const open = indexedDB.open('homnet-models');
        open.onsuccess = () => {
          const get = open.result.transaction('models').objectStore('models').get('shipped-model');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as { weightData: ArrayBuffer } | undefined);
          };
        };
      });
      if (!entry) return null;
      const digest = await crypto.subtle.digest('SHA-256', entry.weightData);
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    });
  await expect.poll(keptSha).toBe(manifest.sha256);
  await expect.poll(() => readEntry(page, 'meta', 'shipped-model')).toBe(APP_MODEL_ID);
});
