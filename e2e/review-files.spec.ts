import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { encode } from 'fast-png';
import { renderedBlobs, renderedSpread } from '../src/imaging/testing/rendered-cells';
import type { GrayImage } from '../src/shared/gray-image';
import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';
import type { FilePayload } from './support/synthetic-files';
import { syntheticCropZip, syntheticKaryograms } from './support/synthetic-files';

/** Drops files on the drop zone the way a browser does: a DataTransfer of Files. */
async function dropFiles(app: ReviewPage, files: FilePayload[]): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name,
    mimeType: f.mimeType,
    base64: f.buffer.toString('base64'),
  }));
  const transfer = await app.page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: item.mimeType }));
    }
    return dt;
  }, payload);
  await app.page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

async function openDemoFree(app: ReviewPage): Promise<void> {
  await app.open();
  // The demo opens on first start; wait for it so that the dropped case is the next job.
  await app.waitForVerdicts();
}

for (const backend of ['wasm', 'webgpu'] as const) {
  test(`dropped synthetic karyograms are analysed, and a correction re-analyses only its type (${backend})`, async ({
    page,
  }) => {
    await shipTestModel(page);
    const app = new ReviewPage(page);
    await app.open(`?backend=${backend}`);
    await app.waitForVerdicts();
    await expect(page.getByTestId('backend-name')).toContainText(backend);
    await dropFiles(app, syntheticKaryograms('46,XX,inv(9)(p12q13)', 3, 11));
    await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 120_000 });
    await app.waitForVerdicts();
    // 46,XX: two X per cell is normal, no Y at all.
    await expect(page.locator('.cells tbody tr')).toHaveCount(3);
    await expect(app.typeCard('X')).toHaveAttribute('data-verdict', /normal|abnormal/);

    await app.selectType('9');
    const before = await app.typeCard('1').locator('.type-score').innerText();
    const row = app.pairView.getByTestId('pair-row-cell02');
    await row.getByText('Correct').click();
    await row.getByRole('button', { name: 'Flip homolog 2' }).click();
    await expect(page.getByTestId('rescored')).toHaveText('Re-analysed: 9');
    await expect(app.typeCard('1').locator('.type-score')).toHaveText(before);

    // Moving a chromosome touches two types; excluding a cell touches all.
    await row.getByLabel('Move homolog 1 to type').selectOption('10');
    await expect(page.getByTestId('rescored')).toHaveText('Re-analysed: 9, 10');
    await expect(app.typeCard('10').locator('.flag')).toContainText('numerical: copies 2/3/2');
    // A numerical finding is a finding: on the tile, in the case header and in the worklist line.
    await expect(app.typeCard('10')).toHaveClass(/\bnumerical\b/);
    await expect(app.typeCard('9')).toHaveClass(/\bnumerical\b/);
    await expect(app.typeCard('8')).not.toHaveClass(/\bnumerical\b/);
    await expect(page.getByTestId('numerical-findings')).toHaveText(
      'Numerical findings (copies per cell): −9 in 1 of 3 cells, +10 in 1 of 3 cells',
    );
    await expect(page.getByTestId('worklist-item').first().getByTestId('worklist-findings')).toContainText(
      'numerical: −9 in 1 of 3 cells, +10 in 1 of 3 cells',
    );
    await page.getByLabel('band level of cell01').selectOption('700');
    await expect(page.getByTestId('rescored')).toContainText('Re-analysed: 1, 2, 3');
    await expect(page.locator('.cells tbody tr').first()).toContainText('set by you');
    await expect(app.pairView.getByTestId('pair-row-cell01')).toContainText('700 bands');
    await page.getByLabel('use cell03').click();
    await expect(page.getByTestId('rescored')).toContainText('Re-analysed: 1, 2, 3');
    await expect(page.locator('.cells tr.excluded')).toHaveCount(1);
  });
}

test('a broken file is rejected with its name while the rest is analysed', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await openDemoFree(app);
  const files = syntheticKaryograms('46,XY', 2, 5);
  files.push({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not a png at all') });
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.getByTestId('notice')).toContainText('broken.png');
  await expect(page.locator('.cells tbody tr')).toHaveCount(2);
});

test('a zip of a crop bundle is analysed as one case', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await openDemoFree(app);
  await dropFiles(app, [syntheticCropZip('crop-case', '46,XX,del(1)(q42)', 2, 3)]);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.locator('#case-title')).toHaveText('crop-case');
  await app.waitForVerdicts();
  await expect(page.locator('.cells tbody tr')).toHaveCount(2);
  await expect(page.locator('.cells tbody tr td').first()).toHaveText('46');
});

/** A gray image as a PNG file to drop. */
function pngFile(name: string, image: GrayImage): FilePayload {
  const png = encode({ width: image.width, height: image.height, data: image.pixels, channels: 1, depth: 8 });
  return { name, mimeType: 'image/png', buffer: Buffer.from(png) };
}

test('a refused input stays in the worklist as refused, with its reason', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await openDemoFree(app);
  await dropFiles(app, [pngFile('blobs.png', renderedBlobs())]);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 120_000 });
  const item = page.getByTestId('worklist-item').first();
  await expect(item.locator('.status')).toHaveText('refused');
  await expect(item.getByTestId('worklist-findings')).toContainText(
    'not a karyogram: too few chromosome-like objects for a karyogram',
  );
  await expect(item.getByTestId('worklist-findings')).not.toContainText('nothing flagged');
});

test('a metaphase spread without annotation is arranged in the worker by the shipped type classifier', async ({
  page,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await openDemoFree(app);
  await dropFiles(app, [pngFile('spread.png', renderedSpread(3))]);
  await expect(page.locator('#case-title')).toHaveText('spread.png', { timeout: 120_000 });
  await app.waitForVerdicts();
  const rows = page.locator('.cells tbody tr');
  await expect(rows).toHaveCount(1);
  expect(Number(await rows.first().locator('td').first().innerText())).toBeGreaterThanOrEqual(40);
  await expect(rows.first()).toHaveAttribute(
    'title',
    /typed automatically \(type-classifier-[0-9a-f]{12}; read as X[XY]\)/,
  );
});

const realDir = join(import.meta.dirname, '../../shared/data/karyograms');

test('real karyograms from ../shared/data are analysed', async ({ page }) => {
  // Real data is not ours to ship: CI has ../shared/data, a stranger's clone does not.
  test.skip(!existsSync(realDir), 'no shared data on this machine');
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await openDemoFree(app);
  const name = readdirSync(realDir).find((f) => /\.bmp$/i.test(f));
  // The shared data might hold no BMP karyogram; then there is nothing to read here.
  test.skip(name === undefined, 'no BMP karyogram in shared data');
  const file = join(realDir, name ?? '');
  await page
    .getByTestId('file-input')
    .setInputFiles([{ name: name ?? 'k.bmp', mimeType: 'image/bmp', buffer: readFileSync(file) }]);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 150_000 });
  await app.waitForVerdicts();
  await expect(page.locator('.cells tbody tr')).toHaveCount(1);
  expect(Number(await page.locator('.cells tbody tr td').first().innerText())).toBeGreaterThan(30);
  await page.screenshot({ path: 'e2e-screens/real-karyogram.png', fullPage: true });
});

const pki3Dir = join(import.meta.dirname, '../../shared/data/pki3');

test('a real crop bundle (Pki-3 case, zipped) from ../shared/data is analysed', async ({ page }) => {
  // Real data is not ours to ship: CI has ../shared/data, a stranger's clone does not.
  test.skip(!existsSync(pki3Dir), 'no shared data on this machine');
  const caseName = readdirSync(pki3Dir).sort()[0] ?? '';
  const entries: Record<string, Uint8Array> = {};
  for (const cell of readdirSync(join(pki3Dir, caseName))) {
    for (const file of readdirSync(join(pki3Dir, caseName, cell))) {
      entries[`${caseName}/${cell}/${file}`] = readFileSync(join(pki3Dir, caseName, cell, file));
    }
  }
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await openDemoFree(app);
  await dropFiles(app, [
    { name: `${caseName}.zip`, mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) },
  ]);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 150_000 });
  await app.waitForVerdicts();
  await expect(page.locator('#case-title')).toContainText(caseName);
  await app.selectType('1');
  await expect(app.heatmap.locator('rect.cell')).toHaveCount(256);
});
