import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { APP_MODEL_ID, shipTestModel } from './support/app-fixtures';
import { readPdf } from './support/pdf-document';
import { ReviewPage } from './support/review-page';

interface ExportedType {
  type: string;
  score: number | null;
  abnormal: boolean | null;
  unreliable: string | null;
  copies: number[];
  pairs: { cell: string; alpha: number }[];
  region: { bands: string } | null;
}

interface Exported {
  schema: string;
  model: { id: string; sha256: string };
  backend: string;
  cases: {
    case: string;
    cells: { id: string }[];
    types: ExportedType[];
    review: {
      decisions: { type: string; decision: string; note: string; reviewer: string; modelId: string }[];
    };
  }[];
}

test('JSON and PDF exports hold what the screen shows, and the JSON imports back', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await page.getByLabel('Reviewer').fill('Dr Export');
  await app.selectType('5');
  await expect(app.pairView.getByTestId('alpha-legend')).toContainText(
    "α, the bag weight: how much this cell's pair counts in the type's verdict",
  );
  await app.decide('abnormal', 'del 5p confirmed');
  await expect(app.pairView.getByTestId('audit-trail').locator('li')).toHaveCount(1);

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const jsonPath = await (await jsonDownload).path();
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8')) as Exported;
  expect(exported.schema).toBe('homnet-review/analysis@1');
  expect(exported.model.id).toBe(APP_MODEL_ID);
  const [first] = exported.cases;
  expect(first?.cells).toHaveLength(4);
  expect(first?.types).toHaveLength(24);
  // Every score on the screen is the exported one.
  for (const t of first?.types ?? []) {
    const shown = await app.typeCard(t.type).locator('.type-score').innerText();
    if (t.score === null) expect(shown).toBe('–');
    else expect(Math.abs(Number(shown) - t.score)).toBeLessThanOrEqual(0.0051);
    await expect(app.typeCard(t.type)).toHaveAttribute(
      'data-verdict',
      t.unreliable !== null
        ? 'unreliable'
        : t.abnormal === null
          ? 'unscored'
          : t.abnormal
            ? 'abnormal'
            : 'normal',
    );
  }
  const five = first?.types.find((t) => t.type === '5');
  // The pairs the verdict rests on are the rows with a weight on the screen (a pair with a doubtful
  // straightening is left out, its weight shown as –).
  const weights = await app.pairView.getByTestId('alpha-value').allInnerTexts();
  expect(weights).toHaveLength(4);
  expect(five?.pairs).toHaveLength(weights.filter((w) => /^\d\.\d\d$/.test(w)).length);
  expect(five?.pairs.length).toBeGreaterThanOrEqual(3);
  expect(five?.unreliable).toBeNull();
  await expect(app.pairView.getByTestId('iscn-region')).toContainText(five?.region?.bands ?? 'missing');
  expect(first?.review.decisions).toEqual([
    expect.objectContaining({
      type: '5',
      decision: 'abnormal',
      note: 'del 5p confirmed',
      reviewer: 'Dr Export',
      modelId: APP_MODEL_ID,
    }),
  ]);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const pdfBytes = readFileSync(await (await pdfDownload).path());
  expect(pdfBytes.toString('latin1').includes('/Subtype /Image')).toBe(true);
  // Opened as a viewer opens it; SCREENSHOTS=1 also writes its pages as PNGs to look at.
  const report = await readPdf(
    new Uint8Array(pdfBytes),
    process.env.SCREENSHOTS === '1' ? 'e2e-screens' : undefined,
  );
  expect(report.pages.length).toBeGreaterThanOrEqual(2);
  for (const text of report.pages) expect(text).toContain('not a diagnostic device');
  const all = report.pages.join('\n');
  expect(all).toContain(APP_MODEL_ID);
  expect(all).toContain('Chromosome 5');
  // The case summary says what the counts show (the demo is 46,XY: nothing), the table copies per cell.
  expect(all).toMatch(/Numerical findings\s+none \(46,XY in all 4 cells\)/);
  expect(all).toMatch(/Type\s+Copies\s+Score\s+Structural verdict\s+Suspected region\s+Decision/);
  expect(all).toMatch(/\b5\s+2\/2\/2\/2\s+\d\.\d\d\s+(suspected abnormal|no finding)\s/);
  expect(all).toContain('del 5p confirmed');
  expect(all).toContain('Dr Export');
  // Its region only when the model flags 5 (a decision alone does not make it a suspected region).
  expect(all).toContain(
    five?.abnormal === true
      ? `suspected region ${five.region?.bands ?? 'missing'}`
      : 'not flagged, no suspected region',
  );
  // The pair measures of every cell of chromosome 5, in the words the pair view uses.
  for (const cell of ['cell01', 'cell02', 'cell03', 'cell04']) {
    expect(all).toMatch(
      new RegExp(`${cell}: (homolog [12] is \\d+ % shorter|same length)[^;]*; bands in order: r = `),
    );
  }

  await page.getByTestId('import-json').setInputFiles(jsonPath);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2);
  await expect(page.locator('.worklist li.current')).toContainText('(imported)');
  await app.typeCard('5').click();
  await expect(page.getByText('imported from JSON')).toBeVisible();
  await expect(app.pairView.getByTestId('audit-trail')).toContainText('abnormal by Dr Export');
  expect(
    Math.abs(Number(await app.typeCard('5').locator('.type-score').innerText()) - (five?.score ?? -1)),
  ).toBeLessThanOrEqual(0.0051);
});
