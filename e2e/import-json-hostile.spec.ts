import { expect, test } from '@playwright/test';
import { openWithDemo } from './support/open-with-demo';
import { rewriteEntry, storeKeys } from './support/indexeddb';

/** One exported case of `cells` cells (every type scored), as the app or the CLI writes it. */
function exportedCase(name: string, cells = 3): Record<string, unknown> {
  const ids = Array.from({ length: cells }, (_, i) => `cell${String(i + 1).padStart(2, '0')}`);
  const types = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y'];
  return {
    case: name,
    cells: ids.map((id) => ({
      id,
      source: `${id}.png`,
      chromosomes: 46,
      bandLevel: 550,
      bandLevelConfidence: 0.9,
    })),
    types: types.map((type) => ({
      type,
      copies: ids.map(() => (type === 'Y' ? 1 : 2)),
      score: type === 'Y' ? null : type === '5' ? 0.91 : 0.12,
      abnormal: type === 'Y' ? null : type === '5',
      unreliable: null,
      pairs: type === 'Y' ? [] : ids.map((cell) => ({ cell, alpha: 1 / ids.length })),
      region: type === '5' ? { from: 0.05, to: 0.2, bands: '5p15.3-p15.1' } : null,
    })),
    errors: [],
    review: { threshold: 0.5, exportedAt: '2026-03-01T10:00:00.000Z', decisions: [] },
  };
}

function reportFile(name: string, cases: unknown[]): { name: string; mimeType: string; buffer: Buffer } {
  const document = {
    schema: 'homnet-review/analysis@1',
    model: { id: 'homnet-elsewhere', sha256: '0'.repeat(64) },
    backend: 'wasm',
    cases,
  };
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) };
}

test('a bad JSON report is refused whole, naming the file and the first bad path; nothing is stored', async ({
  page,
}) => {
  const app = await openWithDemo(page);
  const items = page.getByTestId('worklist-item');
  await expect(items).toHaveCount(1);
  const importJson = page.getByTestId('import-json');

  // A score given as text in the second case (the first is good): formerly the page went blank.
  const scoreAsText = exportedCase('score as text');
  (scoreAsText.types as Record<string, unknown>[])[4] = {
    ...(scoreAsText.types as Record<string, unknown>[])[4],
    score: '0.91',
  };
  await importJson.setInputFiles(reportFile('report.json', [exportedCase('good first'), scoreAsText]));
  await expect(page.getByTestId('notice')).toContainText(
    'report.json: cases[1].types[4].score is not a number',
  );
  await expect(items).toHaveCount(1);

  // The second case lacks its cells: formerly the first was stored and the import stopped half-way.
  const noCells = exportedCase('no cells');
  delete noCells.cells;
  await importJson.setInputFiles(reportFile('second.json', [exportedCase('good first'), noCells]));
  await expect(page.getByTestId('notice')).toContainText('second.json: cases[1].cells is missing');
  await expect(items).toHaveCount(1);

  // One case over the limit (each an empty object: refused for the count before any is read).
  await importJson.setInputFiles(
    reportFile(
      'huge.json',
      Array.from({ length: 2_001 }, () => ({})),
    ),
  );
  await expect(page.getByTestId('notice')).toContainText(
    'huge.json: holds 2,001 cases; at most 2,000 can be imported from one file',
  );
  await expect(items).toHaveCount(1);

  // Not JSON at all.
  await importJson.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"a":'),
  });
  await expect(page.getByTestId('notice')).toContainText('notes.json: is not valid JSON');

  // The page still works, and nothing of these files was stored.
  expect(await storeKeys(page, 'reviews')).toHaveLength(1);
  await items.first().getByRole('button').first().click();
  await app.waitForVerdicts();
  await page.reload();
  await app.waitForVerdicts();
  await expect(items).toHaveCount(1);
});

test('a good multi-case report imports whole; a large one shows progress and Cancel stores nothing', async ({
  page,
}) => {
  const app = await openWithDemo(page);
  const items = page.getByTestId('worklist-item');
  const importJson = page.getByTestId('import-json');

  await importJson.setInputFiles(
    reportFile('three.json', [exportedCase('alpha'), exportedCase('beta'), exportedCase('gamma')]),
  );
  await expect(items).toHaveCount(4);
  await expect(page.locator('#case-title')).toHaveText('gamma (imported)');
  await expect(app.typeCard('5')).toHaveAttribute('data-verdict', 'abnormal');
  expect(await storeKeys(page, 'reviews')).toHaveLength(4);

  // The most cases allowed, on a CPU slowed 10 times so that the import lasts long enough to cancel.
  const large = reportFile(
    'large.json',
    Array.from({ length: 2_000 }, (_, i) => exportedCase(`bulk ${i}`, 5)),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
  await importJson.setInputFiles(large);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText('large.json');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('notice')).toContainText('large.json: import cancelled; nothing was stored');
  await expect(progress).toBeHidden();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(items).toHaveCount(4);
  expect(await storeKeys(page, 'reviews')).toHaveLength(4);

  // The same file, not cancelled: every case is stored, and survives a reload.
  const started = Date.now();
  await importJson.setInputFiles(large);
  await expect(progress).toBeVisible();
  await expect(items).toHaveCount(2_004, { timeout: 120_000 });
  await expect(progress).toBeHidden();
  test
    .info()
    .annotations.push({ type: 'import of 2,000 cases (ms)', description: String(Date.now() - started) });
  expect(await storeKeys(page, 'reviews')).toHaveLength(2_004);
  await page.reload();
  await expect(items).toHaveCount(2_004, { timeout: 60_000 });
});

test('a screen that throws shows what failed and a way back; the rest of the app keeps working', async ({
  page,
}) => {
  const app = await openWithDemo(page);
  const [key] = await storeKeys(page, 'reviews');
  if (key === undefined) throw new Error('the demo case was not stored');
  // A value another version (or a damaged disk) could leave: a problem entry that is no object.
  await rewriteEntry(page, 'reviews', key, (entry) => {
    const record = entry as { summary: { errors: unknown[] } };
    return { ...record, summary: { ...record.summary, errors: [null] } };
  });
  await page.reload();
  const failure = page.getByTestId('screen-failure');
  await expect(failure).toContainText('The case view failed');
  await expect(failure).toContainText('TypeError');
  // The header, the worklist and the other screens still work.
  await expect(page.getByRole('heading', { name: 'HomNet Review' })).toBeVisible();
  await expect(page.getByTestId('worklist-item')).toHaveCount(1);
  await page.getByRole('button', { name: 'Teaching mode…' }).click();
  await expect(page.getByLabel('Karyotype')).toBeVisible();
  await expect(failure).toBeHidden();
  await page.getByTestId('worklist-item').getByRole('button').first().click();
  await expect(failure).toContainText('The case view failed');
  await failure.getByRole('button', { name: 'Back to the worklist' }).click();
  await expect(failure).toBeHidden();
  await expect(page.getByText('Drop a case on the left, or pick one from the worklist.')).toBeVisible();
  // A good case opens as before.
  await page.getByTestId('import-json').setInputFiles(reportFile('good.json', [exportedCase('after')]));
  await expect(page.locator('#case-title')).toHaveText('after (imported)');
  await expect(app.typeCard('5')).toHaveAttribute('data-verdict', 'abnormal');
});
