import { expect, test } from '@playwright/test';
import { openWithDemo } from './support/open-with-demo';
import { fillStorage } from './support/storage-full';
import { syntheticKaryograms } from './support/synthetic-files';

const STORAGE_FULL = 'browser storage is full: free disk space, or export and delete old cases';

/** A small exported report of one case, as Export JSON writes it. */
function report(): { name: string; mimeType: string; buffer: Buffer } {
  const types = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y'];
  const document = {
    schema: 'homnet-review/analysis@1',
    model: { id: 'homnet-elsewhere', sha256: '0'.repeat(64) },
    backend: 'wasm',
    cases: [
      {
        case: 'Case from elsewhere',
        cells: [
          { id: 'cell01', source: 'cell01.png', chromosomes: 46, bandLevel: 550, bandLevelConfidence: 0.9 },
        ],
        types: types.map((type) => ({
          type,
          copies: [type === 'Y' ? 1 : 2],
          score: type === 'Y' ? null : 0.12,
          abnormal: type === 'Y' ? null : false,
          unreliable: null,
          pairs: type === 'Y' ? [] : [{ cell: 'cell01', alpha: 1 }],
          region: null,
        })),
        errors: [],
        review: { threshold: 0.5, exportedAt: '2026-03-01T10:00:00.000Z', decisions: [] },
      },
    ],
  };
  return { name: 'report.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) };
}

test('an analysis whose results the worker cannot store fails naming a full storage and what to do', async ({
  page,
}) => {
  await openWithDemo(page);
  const workers = page.workers();
  expect(workers.length).toBeGreaterThan(0);
  for (const worker of workers) await fillStorage(worker);
  const [karyogram] = syntheticKaryograms('46,XX', 1, 5);
  if (!karyogram) throw new Error('no synthetic karyogram');
  await page.getByTestId('file-input').setInputFiles([{ ...karyogram, name: 'good.png' }]);
  // The job may name the case's failure ("good.png: analysis failed: …") or its own ("good.png: …").
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText(STORAGE_FULL, { timeout: 60_000 });
  await expect(notice).toContainText(/good\.png: (analysis failed: )?browser storage is full/);
  await expect(page.getByTestId('worklist-item')).toHaveCount(1);
});

test('a decision that cannot be stored says "Not saved" with the cause and what to do', async ({ page }) => {
  const app = await openWithDemo(page);
  await fillStorage(page);
  await app.selectType('5');
  await app.decide('abnormal', 'cannot be kept');
  await expect(page.getByTestId('decision-saved')).toHaveText(`Not saved: ${STORAGE_FULL}`);
  await expect(app.pairView.getByText('No decision or correction yet.')).toBeVisible();
});

test('an imported case that cannot be stored is not shown as if it were, and the reason is named', async ({
  page,
}) => {
  const app = await openWithDemo(page);
  const items = page.getByTestId('worklist-item');
  await fillStorage(page);
  await page.getByTestId('import-json').setInputFiles(report());
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('report.json: ');
  await expect(items).toHaveCount(1);
  await expect(items.filter({ hasText: 'Case from elsewhere' })).toHaveCount(0);
  await expect(notice).toContainText(`report.json: ${STORAGE_FULL}`);
  // After a reload (storage writable again) the worklist is what was saved: the demo alone.
  await page.reload();
  await app.waitForVerdicts();
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('Demo 46,XY,del(5)(p14)');
});
