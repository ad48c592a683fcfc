import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { encode } from 'fast-png';
import { foldedCrop } from '../src/imaging/testing/folded-crop';
import { shipTestModel } from './support/app-fixtures';
import { readPdf } from './support/pdf-document';
import { ReviewPage } from './support/review-page';
import { writeSyntheticCropFolder } from './support/synthetic-folder';

interface Point {
  x: number;
  y: number;
}

/** Chromosome 7 folded in two, as wide as the synthetic crops' chromosomes (about 18 px). */
function foldedCropPng(): Uint8Array {
  const image = foldedCrop(17, 36);
  return encode({ width: image.width, height: image.height, data: image.pixels, channels: 1, depth: 8 });
}

const pointsOf = (attribute: string | null): Point[] =>
  (attribute ?? '')
    .trim()
    .split(' ')
    .map((pair) => pair.split(',').map(Number))
    .map(([x = 0, y = 0]) => ({ x: x - 0.5, y: y - 0.5 }));

/** Opens "How it was straightened" of a pair row if it is closed. */
async function openPictures(row: Locator): Promise<Locator> {
  const pictures = row.getByTestId('axis-pictures');
  if ((await pictures.getAttribute('open')) === null) await pictures.locator('summary').click();
  await expect(pictures.getByTestId('axis-picture').first()).toBeVisible();
  return pictures;
}

/** The automatic axis shown while drawing, in picture pixels, and the CSS pixels per picture pixel. */
async function drawingSurface(page: Page): Promise<{ surface: Locator; axis: Point[]; scale: number }> {
  const surface = page.getByTestId('centre-line-surface');
  await expect(surface).toBeFocused();
  const axis = pointsOf(await surface.locator('polyline.automatic-axis').getAttribute('points'));
  const viewBox = (await surface.locator('svg').getAttribute('viewBox')) ?? '';
  const [, , width = 1] = viewBox.split(' ').map(Number);
  const box = await surface.boundingBox();
  return { surface, axis, scale: (box?.width ?? 0) / width };
}

test('a reviewer draws a centre line where the automatic one failed, by mouse or keyboard, and can undo it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await page.getByLabel('Reviewer').fill('Dr Lines');
  // Chromosome 7 folded in both cells: no pair is sound, so the type has no verdict.
  const folder = writeSyntheticCropFolder(
    mkdtempSync(join(tmpdir(), 'homnet-')),
    'folded-7-lines',
    '46,XY',
    2,
    5,
  );
  for (const cell of ['cell01', 'cell02']) writeFileSync(join(folder, cell, '7_1.png'), foldedCropPng());
  await page.getByTestId('folder-input').setInputFiles(folder);
  await expect(page.locator('#case-title')).toHaveText('folded-7-lines', { timeout: 120_000 });
  await app.waitForVerdicts();
  await expect(app.typeCard('7')).toHaveAttribute('data-verdict', 'unreliable');
  await app.selectType('7');
  const cell01 = app.pairView.getByTestId('pair-row-cell01');
  const cell02 = app.pairView.getByTestId('pair-row-cell02');

  // By mouse: four clicks along the chromosome, p-ter first; the smooth line through them is previewed.
  let pictures = await openPictures(cell01);
  await pictures.getByTestId('axis-picture').nth(1).getByRole('button', { name: 'Draw centre line' }).click();
  const { surface, axis, scale } = await drawingSurface(page);
  const clicks = [0, 1, 2, 3].map((k) => axis[Math.round((k * (axis.length - 1)) / 3)] ?? { x: 0, y: 0 });
  for (const p of clicks) {
    await surface.click({ position: { x: (p.x + 0.5) * scale, y: (p.y + 0.5) * scale } });
  }
  await expect(surface.getByTestId('drawn-point')).toHaveCount(4);
  const preview = pointsOf(await surface.getByTestId('drawn-line').getAttribute('points'));
  expect(preview.length).toBeGreaterThan(10);
  await page.getByRole('button', { name: 'Use this line (4 points)' }).click();
  await expect(page.getByTestId('centre-line-editor')).toHaveCount(0);
  // The homolog was profiled again along it and the type scored again: cell01's pair now counts.
  await expect(app.typeCard('7')).not.toHaveAttribute('data-verdict', 'unreliable');
  await expect(cell01.getByTestId('alpha-value')).toHaveText(/^\d\.\d\d$/);
  await expect(cell01.getByTestId('doubtful-straightening')).toHaveCount(0);
  await expect(cell02.getByTestId('alpha-value')).toHaveText('–');
  pictures = await openPictures(cell01);
  await expect(pictures.getByTestId('axis-picture').nth(1).locator('figcaption')).toContainText(
    "homolog 2: reviewer's centre line",
  );
  const trail = app.pairView.getByTestId('audit-trail');
  await expect(trail).toContainText(
    'correction: cell cell01: 7 homolog 2 straightened again along a centre line drawn through 4 points, by Dr Lines',
  );

  // By keyboard only: the button, then the cross moved with the arrows, Enter for points, Ctrl+Enter to use it.
  const pictures2 = await openPictures(cell02);
  await pictures2
    .getByTestId('axis-picture')
    .nth(1)
    .getByRole('button', { name: 'Draw centre line' })
    .focus();
  await page.keyboard.press('Enter');
  const second = await drawingSurface(page);
  const from = second.axis[0] ?? { x: 0, y: 0 };
  const to = second.axis[second.axis.length - 1] ?? { x: 0, y: 0 };
  await page.keyboard.press('Enter');
  const steps = (delta: number): number => Math.round(Math.abs(delta) / 5);
  for (let i = 0; i < steps(to.y - from.y); i++)
    await page.keyboard.press(to.y > from.y ? 'Shift+ArrowDown' : 'Shift+ArrowUp');
  for (let i = 0; i < steps(to.x - from.x); i++)
    await page.keyboard.press(to.x > from.x ? 'Shift+ArrowRight' : 'Shift+ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(second.surface.getByTestId('drawn-point')).toHaveCount(2);
  // The app's own shortcuts stay quiet while drawing: 'f' did not flip, the type did not change.
  await page.keyboard.press('f');
  await expect(app.pairView.getByRole('heading', { name: 'Chromosome 7', exact: true })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('centre-line-editor')).toHaveCount(0);
  await expect(cell02.getByTestId('alpha-value')).toHaveText(/^\d\.\d\d$/);
  await expect(trail.locator('li')).toHaveCount(2);

  // Kept with the case: after a reload the line is still there, and Undo goes back to the automatic axis.
  await page.reload();
  await app.waitForVerdicts();
  await app.selectType('7');
  await expect(cell02.getByTestId('alpha-value')).toHaveText(/^\d\.\d\d$/);
  pictures = await openPictures(cell02);
  await pictures.getByRole('button', { name: 'Undo centre line (back to automatic)' }).click();
  await expect(cell02.getByTestId('alpha-value')).toHaveText('–');
  await expect(cell02.getByTestId('doubtful-straightening')).toContainText('homolog 2: folded or bent');
  await expect(trail.locator('li')).toHaveCount(3);
  await expect(trail).toContainText('cell cell02: 7 homolog 2: last drawn centre line undone');

  // In the exports: the JSON's review has every correction with the line's points, the PDF its audit trail.
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const exported = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as {
    cases: {
      review: {
        corrections: { text: string; reviewer: string; correction?: { kind: string; points?: Point[] } }[];
      };
    }[];
  };
  const corrections = exported.cases[0]?.review.corrections ?? [];
  expect(corrections.map((c) => c.correction?.kind)).toEqual([
    'centre-line',
    'centre-line',
    'centre-line-undo',
  ]);
  expect(corrections[0]?.correction?.points).toHaveLength(4);
  expect(corrections.every((c) => c.reviewer === 'Dr Lines')).toBe(true);
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const report = (await readPdf(new Uint8Array(readFileSync(await (await pdfDownload).path())))).pages.join(
    '\n',
  );
  expect(report).toMatch(/correction: cell cell01: 7 homolog 2 straightened again along a centre line drawn/);
  expect(report).toContain("homolog 2: straightened along the reviewer's centre line");
});
