import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { encode } from 'fast-png';
import { foldedCrop } from '../src/imaging/testing/folded-crop';
import { shipTestModel } from './support/app-fixtures';
import { readPdf } from './support/pdf-document';
import { ReviewPage } from './support/review-page';
import { writeSyntheticCropFolder } from './support/synthetic-folder';

/** Chromosome 7 folded in two, as wide as the synthetic crops' chromosomes (about 18 px). */
function foldedCropPng(): Uint8Array {
  const image = foldedCrop(17, 36);
  return encode({ width: image.width, height: image.height, data: image.pixels, channels: 1, depth: 8 });
}

/** Both homologs drawn as found, each canvas filled with its cut-out and an axis of many points over it. */
async function expectAxisPictures(pictures: Locator): Promise<void> {
  await expect(pictures.getByTestId('axis-picture')).toHaveCount(2);
  await expect(pictures.getByTestId('pter-mark')).toHaveCount(2);
  for (const figure of await pictures.getByTestId('axis-picture').all()) {
    const points = (await figure.getByTestId('straightening-axis').getAttribute('points')) ?? '';
    expect(points.split(' ').length).toBeGreaterThan(10);
    // The canvas is drawn from a queue: wait until it holds the cut-out the axis's viewBox is sized for.
    const viewBox = (await figure.locator('svg').getAttribute('viewBox')) ?? '';
    const [, , width, height] = viewBox.split(' ').map(Number);
    await expect
      .poll(() => figure.locator('canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height]))
      .toEqual([width, height]);
  }
}

test('a folded chromosome is named in its cell and marked in its pair row', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  // The demo case's karyograms: each pair can show its chromosomes as cut out, with their axes.
  await app.selectType('5');
  const demoPictures = app.pairView.locator('.pair-row').first().getByTestId('axis-pictures');
  await expect(demoPictures).not.toHaveAttribute('open');
  await demoPictures.locator('summary').click();
  await expectAxisPictures(demoPictures);
  const folder = writeSyntheticCropFolder(mkdtempSync(join(tmpdir(), 'homnet-')), 'folded-7', '46,XY', 2, 5);
  writeFileSync(join(folder, 'cell01', '7_1.png'), foldedCropPng());
  await page.getByTestId('folder-input').setInputFiles(folder);
  await expect(page.locator('#case-title')).toHaveText('folded-7', { timeout: 120_000 });
  await app.waitForVerdicts();
  // The cell says which crop, and the pair view marks the homolog where the reviewer looks at it.
  await expect(page.locator('.cells tbody tr').first()).toHaveAttribute(
    'title',
    /straightening doubtful.*7_1\.png/,
  );
  await expect(page.locator('.cells tbody tr').nth(1)).not.toHaveAttribute('title', /straightening/);
  await expect(page.locator('.cells tbody tr').first().getByTestId('cell-warnings')).toHaveAttribute(
    'aria-label',
    /warnings for cell01: .*straightening doubtful/,
  );
  // The warning's text is on the page, not only in a tooltip.
  await expect(page.locator('.cells tbody tr').first().getByTestId('cell-warning-text')).toBeVisible();
  await expect(page.locator('.cells tbody tr').first().getByTestId('cell-warning-text')).toContainText(
    /straightening doubtful .*7_1\.png/,
  );
  await app.selectType('7');
  const flag = app.pairView.getByTestId('pair-row-cell01').getByTestId('doubtful-straightening');
  await expect(flag).toHaveCount(1);
  await expect(flag).toContainText('homolog 2: folded or bent');
  // cell02 has a pair without the doubt: the verdict rests on it alone.
  await expect(flag).toContainText('left out of the verdict');
  const cell01 = app.pairView.getByTestId('pair-row-cell01');
  await expect(cell01.getByTestId('alpha-value')).toHaveText('–');
  await expect(app.pairView.getByTestId('pair-row-cell02').getByTestId('alpha-value')).toHaveText(
    /^\d\.\d\d$/,
  );
  await expect(app.pairView.getByTestId('pair-row-cell02').getByTestId('doubtful-straightening')).toHaveCount(
    0,
  );
  // How it was straightened: open from the start where it is doubtful, closed elsewhere until asked for.
  const pictures = cell01.getByTestId('axis-pictures');
  await expect(pictures).toHaveAttribute('open', '');
  await expectAxisPictures(pictures);
  await expect(pictures.getByTestId('axis-picture').nth(1).getByRole('img')).toHaveAttribute(
    'aria-label',
    /^homolog 2 as found, with its straightening axis \(\d+ px\)$/,
  );
  // Open panels wrap within the pair row: the page never scrolls sideways at 1,280 px and above.
  await cell01.getByText('Correct').click();
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
      .toBeLessThanOrEqual(0);
    await expect(app.pairView.getByRole('region', { name: 'Attention alignment' })).toBeInViewport();
  }
  const others = app.pairView.getByTestId('pair-row-cell02').getByTestId('axis-pictures');
  await expect(others).not.toHaveAttribute('open');
  await expect(others.getByTestId('axis-picture')).toHaveCount(0);
  await others.locator('summary').click();
  await expectAxisPictures(others);
  // The report says the same on the type's page (a decided type gets one).
  await app.decide('unsure', 'cell01 homolog 2 folded');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const report = (await readPdf(new Uint8Array(readFileSync(await (await download).path())))).pages.join(
    '\n',
  );
  expect(report).toMatch(
    /cell01: homolog 2: folded or bent, straightened over about \d+ % of its length; (.*; )?this pair is left out/,
  );
  expect(report).not.toMatch(/cell02: homolog \d: folded/);
  // Two cells: the first page says the verdicts rest on fewer cells than they should.
  expect(report).toMatch(/Cells +2: 2 scored, 0 excluded \(only two cells scored; HomNet pools/);
  // Every other type's pairs are straightened along their whole length.
  await app.selectType('1');
  await expect(app.pairView.getByTestId('doubtful-straightening')).toHaveCount(0);

  // Folded in both cells: no sound pair is left, so the type gives no verdict and says why.
  const twice = writeSyntheticCropFolder(
    mkdtempSync(join(tmpdir(), 'homnet-')),
    'folded-7-twice',
    '46,XY',
    2,
    5,
  );
  for (const cell of ['cell01', 'cell02']) writeFileSync(join(twice, cell, '7_1.png'), foldedCropPng());
  await page.getByTestId('folder-input').setInputFiles(twice);
  await expect(page.locator('#case-title')).toHaveText('folded-7-twice', { timeout: 120_000 });
  await app.waitForVerdicts();
  await expect(app.typeCard('7')).toHaveAttribute('data-verdict', 'unreliable');
  await expect(app.typeCard('7').locator('.type-verdict')).toHaveText('unreliable: straightening');
  await expect(app.typeCard('7').locator('.type-score')).toHaveText(/^\d\.\d\d$/);
  await app.selectType('7');
  await expect(app.pairView.getByTestId('pair-verdict')).toContainText('unreliable: straightening');
  for (const cell of ['cell01', 'cell02']) {
    const row = app.pairView.getByTestId(`pair-row-${cell}`);
    await expect(row.getByTestId('doubtful-straightening')).toContainText('homolog 2: folded or bent');
    // Both pairs carry the score, so neither is left out; both show how they were straightened.
    await expect(row.getByTestId('doubtful-straightening')).not.toContainText('left out');
    await expect(row.getByTestId('axis-pictures')).toHaveAttribute('open', '');
  }
});
