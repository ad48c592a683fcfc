import { readFileSync } from 'node:fs';
import { encode } from 'fast-png';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { renderedBlobs } from '../src/imaging/testing/rendered-cells';
import { APP_MODEL_ID, shipTestModel } from './support/app-fixtures';
import { dropFiles } from './support/drop-files';
import { readPdf, type PdfText } from './support/pdf-document';
import { ReviewPage } from './support/review-page';

// The report's times must say their zone: a zone away from UTC shows it is the reader's local time.
test.use({ timezoneId: 'Europe/Berlin' });

interface ExportedType {
  type: string;
  abnormal: boolean | null;
  region: { bands: string } | null;
}

async function exportPdf(page: Page): Promise<PdfText> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const bytes = readFileSync(await (await download).path());
  return readPdf(new Uint8Array(bytes), process.env.SCREENSHOTS === '1' ? 'e2e-screens' : undefined);
}

/** Every page names the reviewer and the model and says which page of how many it is. */
function expectFramedPages(report: PdfText, reviewer: string): void {
  report.pages.forEach((text, k) => {
    expect(text).toContain(`page ${String(k + 1)} of ${String(report.pages.length)}`);
    expect(text).toContain(`reviewer: ${reviewer}`);
    expect(text).toContain(`model: ${APP_MODEL_ID}`);
    expect(text).toContain('not a diagnostic device');
  });
}

test('a 47,XY,+21 report opens with a case summary naming the trisomy, and frames every page', async ({
  page,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await page.getByLabel('Reviewer').fill('Dr Report');
  await app.startTeachingCase('47,XY,+21', 3);
  await expect(page.locator('#case-title')).toHaveText('Teaching 47,XY,+21', { timeout: 120_000 });
  await app.waitForVerdicts();
  // A decided type gets its own page: 21 is decided, flagged or not.
  await app.selectType('21');
  await app.decide('abnormal', 'trisomy 21 counted');

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const exported = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as {
    cases: { types: ExportedType[] }[];
  };
  const types = exported.cases[0]?.types ?? [];

  const report = await exportPdf(page);
  const [first = ''] = report.pages;
  const all = report.pages.join('\n');
  expect(report.pages.length).toBeGreaterThanOrEqual(2);
  expectFramedPages(report, 'Dr Report');
  // The summary comes before the per-type table and says what the counts show.
  expect(first.indexOf('Case summary')).toBeGreaterThan(-1);
  expect(first.indexOf('Case summary')).toBeLessThan(first.indexOf('Structural verdict'));
  expect(first).toMatch(/Cells\s+3: 3 scored, 0 excluded/);
  expect(first).toMatch(/Chromosomes per cell\s+47 in all 3 cells/);
  expect(first).toMatch(/Numerical findings\s+\+21 \(trisomy 21\) in all 3 cells/);
  expect(first).toMatch(/Structural flags\s/);
  expect(first).toMatch(/Unreliable\s/);
  // Copies beside the structural verdict, with the finding they make.
  expect(first).toMatch(/Type\s+Copies\s+Score\s+Structural verdict\s+Suspected region\s+Decision/);
  expect(first).toMatch(/\b21\s+3\/3\/3 \+21\s+\d\.\d\d\s+(suspected abnormal|no finding)\s/);
  // Local time with its zone (the browser runs in Europe/Berlin).
  expect(first).toMatch(/analysed \d{1,2} \w{3} \d{4}, \d\d:\d\d GMT\+[12] \(Europe\/Berlin\)/);
  // A suspected region only for flagged types, in the table and on the type's page.
  for (const t of types) {
    if (t.region === null) continue;
    const bands = new RegExp(`(?<![0-9])${t.region.bands.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    if (t.abnormal === true) expect(all).toMatch(bands);
    else expect(all).not.toMatch(bands);
  }
  // Chromosome 21's pages: from its title to the next type's (its heatmap may start a page of its own).
  const start21 = report.pages.findIndex((text) => text.includes('Chromosome 21:'));
  const after21 = report.pages.findIndex((text, k) => k > start21 && /Chromosome (?!21:)\w+: /.test(text));
  const page21 = report.pages.slice(start21, after21 < 0 ? undefined : after21).join('\n');
  expect(start21).toBeGreaterThan(0);
  const flagged21 = types.find((t) => t.type === '21')?.abnormal === true;
  expect(page21).toContain(flagged21 ? 'suspected region 21' : 'not flagged, no suspected region');
  // The heatmap's axes and colour scale are labelled.
  expect(page21).toContain("this homolog's regions (homolog 1), p-ter to q-ter");
  expect(page21).toContain("the other homolog's regions (homolog 2), p-ter to q-ter");
  expect(page21).toMatch(/21p1[0-9.]*(-p?[0-9.]+)? \(p-ter\)/);
  expect(page21).toMatch(/\(q-ter\)/);
  expect(page21).toMatch(/0: none .*\d\.\d\d: largest weight in this map/s);
});

test('a refused input reports its reason, not an empty table', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  const blobs = renderedBlobs();
  const png = encode({
    width: blobs.width,
    height: blobs.height,
    data: blobs.pixels,
    channels: 1,
    depth: 8,
  });
  await dropFiles(page, [{ name: 'blobs.png', mimeType: 'image/png', buffer: Buffer.from(png) }]);
  const item = page.getByTestId('worklist-item').filter({ hasText: 'blobs' });
  await expect(item.locator('.status')).toHaveText('refused', { timeout: 120_000 });
  await item.locator('.open-case').click();
  await expect(page.locator('#case-title')).toContainText('blobs');

  const report = await exportPdf(page);
  expectFramedPages(report, 'not named');
  const all = report.pages.join('\n');
  expect(all).toMatch(
    /Refused\s+no cell of this input could be read, so it has no verdicts: not a karyogram/,
  );
  expect(all).toContain('blobs.png: not a karyogram: too few chromosome-like objects for a karyogram');
  expect(all).not.toContain('Structural verdict');
});
