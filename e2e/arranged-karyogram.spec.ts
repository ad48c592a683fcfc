import { readFileSync } from 'node:fs';
import { decode, encode } from 'fast-png';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { renderedSpread } from '../src/imaging/testing/rendered-cells';
import { shipTestModel } from './support/app-fixtures';
import { dropFiles } from './support/drop-files';
import { readPdf } from './support/pdf-document';
import { ReviewPage } from './support/review-page';

interface Shown {
  readonly type: string;
  readonly homolog: string;
  /** Profile length and picture size: what tells one chromosome from another across corrections. */
  readonly signature: string;
  readonly splittable: boolean;
}

/** Every chromosome the panel shows, in karyogram order. */
async function shown(panel: Locator): Promise<Shown[]> {
  return panel.getByTestId('arranged-chromosome').evaluateAll((elements) =>
    elements.map((e) => ({
      type: e.getAttribute('data-type') ?? '',
      homolog: e.getAttribute('data-homolog') ?? '',
      signature: `${e.getAttribute('data-samples') ?? ''}/${e.getAttribute('data-size') ?? ''}`,
      splittable: e.getAttribute('data-splittable') === 'true',
    })),
  );
}

const chromosome = (panel: Locator, c: Pick<Shown, 'type' | 'homolog'>): Locator =>
  panel.locator(`[data-testid="arranged-chromosome"][data-type="${c.type}"][data-homolog="${c.homolog}"]`);

/** "Re-analysed: a, b" in either order. */
const rescoredBoth = (a: string, b: string): RegExp => new RegExp(`^Re-analysed: (${a}, ${b}|${b}, ${a})$`);

/** Signatures in `after` that `before` lacks (as multisets). */
function added(before: readonly Shown[], after: readonly Shown[]): Shown[] {
  const left = before.map((c) => c.signature);
  return after.filter((c) => {
    const i = left.indexOf(c.signature);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/**
 * Clicks a cut across the chromosome on the cut editor's picture: perpendicular to its automatic axis at
 * the axis's middle, from one border of the picture to the other.
 */
async function clickCutAcrossMiddle(page: Page, panel: Locator): Promise<void> {
  const surface = panel.getByTestId('cut-surface');
  const points = ((await panel.getByTestId('cut-axis').getAttribute('points')) ?? '')
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(',').map(Number))
    .map(([x = 0, y = 0]) => ({ x: x - 0.5, y: y - 0.5 }));
  const [, , w = 1, h = 1] = ((await surface.locator('svg').getAttribute('viewBox')) ?? '')
    .split(' ')
    .map(Number);
  const box = await surface.boundingBox();
  if (!box || points.length < 3) throw new Error('no cut surface or axis');
  const scale = box.width / w;
  const m = Math.floor(points.length / 2);
  const mid = points[m] ?? { x: w / 2, y: h / 2 };
  const a = points[Math.max(0, m - 4)] ?? mid;
  const b = points[Math.min(points.length - 1, m + 4)] ?? mid;
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
  // As far along the normal as the picture goes, each way.
  const reach = (sign: number): { x: number; y: number } => {
    let t = 0;
    const inside = (s: number): boolean => {
      const x = mid.x + sign * s * normal.x;
      const y = mid.y + sign * s * normal.y;
      return x >= 0 && y >= 0 && x <= w - 1 && y <= h - 1;
    };
    while (inside(t + 1)) t += 1;
    return { x: mid.x + sign * t * normal.x, y: mid.y + sign * t * normal.y };
  };
  for (const p of [reach(-1), reach(1)]) {
    await surface.click({ position: { x: (p.x + 0.5) * scale, y: (p.y + 0.5) * scale } });
  }
  await expect(panel.getByTestId('drawn-cut')).toHaveCount(1);
  await page.keyboard.press('Control+Enter');
}

// Tall enough for the whole karyogram: a drag runs from one chromosome to another type in one view.
test.use({ viewport: { width: 1400, height: 1100 } });

test('a metaphase arranged by the classifier is checked and corrected on its karyogram, and exported', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await page.getByLabel('Reviewer').fill('Dr Karyo');
  const spread = renderedSpread(3);
  const png = encode({
    width: spread.width,
    height: spread.height,
    data: spread.pixels,
    channels: 1,
    depth: 8,
  });
  await dropFiles(page, [{ name: 'spread.png', mimeType: 'image/png', buffer: Buffer.from(png) }]);
  await expect(page.locator('#case-title')).toHaveText('spread.png', { timeout: 120_000 });
  await app.waitForVerdicts();

  // Open at once for a cell the classifier typed, every chromosome under a type.
  const panel = page.getByTestId('arranged-karyogram');
  await expect(panel).toHaveAttribute('open', '');
  await expect(panel.getByTestId('types-assigned')).toContainText(/type-classifier-[0-9a-f]{12}/);
  const status = panel.getByTestId('arranged-status');
  const rescored = page.getByTestId('rescored');
  await expect.poll(async () => (await shown(panel)).length).toBeGreaterThanOrEqual(40);
  const initial = await shown(panel);
  // Beside it, the spread as found with a box per chromosome; clicking a box selects its chromosome.
  const boxes = panel.getByTestId('cell-picture').getByTestId('cell-picture-box');
  await expect(boxes).toHaveCount(initial.length);
  const boxed = initial[1];
  if (!boxed) throw new Error('no second chromosome');
  await panel.getByTestId('cell-picture').scrollIntoViewIfNeeded();
  await panel
    .locator(
      `[data-testid="cell-picture-box"][data-type="${boxed.type}"][data-homolog="${boxed.homolog}"] rect`,
    )
    .click();
  await expect(chromosome(panel, boxed)).toHaveAttribute('aria-pressed', 'true');
  await panel.getByRole('button', { name: 'Deselect' }).click();
  await page.screenshot({ path: 'e2e-screens/arranged-karyogram.png', fullPage: true });

  // 1. Drag a chromosome onto another type.
  const dragged = initial[0];
  if (!dragged) throw new Error('no chromosome');
  const dragTo = dragged.type === '22' ? '21' : '22';
  await panel.getByTestId('arranged-rows').scrollIntoViewIfNeeded();
  await chromosome(panel, dragged).dragTo(panel.getByTestId(`arranged-type-${dragTo}`));
  await expect(rescored).toHaveText(rescoredBoth(dragged.type, dragTo), { timeout: 60_000 });
  await expect(status).toHaveText(/: done\.$/);

  // 2. Select one with the keyboard and type its new type; an unknown type is refused with a message.
  const afterDrag = await shown(panel);
  const typed = afterDrag.find((c) => c.type !== '7' && c.type !== dragTo) ?? afterDrag[1];
  if (!typed) throw new Error('no chromosome to move');
  const typedName = `${typed.type} homolog ${String(Number(typed.homolog) + 1)}`;
  await chromosome(panel, typed).focus();
  await page.keyboard.press('Enter');
  await expect(chromosome(panel, typed)).toHaveAttribute('aria-pressed', 'true');
  const field = panel.getByLabel('Move to type');
  await expect(field).toBeFocused();
  await field.fill('23');
  await field.press('Enter');
  await expect(status).toHaveText('"23" is no chromosome type: type 1 to 22, X or Y.');
  await field.fill('7');
  await field.press('Enter');
  await expect(status).toHaveText(`Moving ${typedName} to type 7: done.`, { timeout: 60_000 });
  await expect(rescored).toHaveText(rescoredBoth(typed.type, '7'));

  // 3. Exclude one.
  const beforeExclude = await shown(panel);
  const excluded = beforeExclude.at(-1);
  if (!excluded) throw new Error('no chromosome to exclude');
  await chromosome(panel, excluded).click();
  await panel.getByRole('button', { name: 'Exclude', exact: true }).click();
  await expect(status).toHaveText(/^Excluding .*: done\.$/, { timeout: 60_000 });
  await expect.poll(async () => (await shown(panel)).length).toBe(beforeExclude.length - 1);

  // 4. Split the longest splittable chromosome across its middle, then join its two parts again.
  const beforeSplit = await shown(panel);
  const longest = [...beforeSplit]
    .filter((c) => c.splittable)
    .sort((a, b) => Number(b.signature.split('/')[0]) - Number(a.signature.split('/')[0]))[0];
  if (!longest) throw new Error('no splittable chromosome');
  await chromosome(panel, longest).click();
  await panel.getByRole('button', { name: 'Split…' }).click();
  // A cut that does not cross the object is refused by the worker with its reason; the panel stays usable.
  const surface = panel.getByTestId('cut-surface');
  await surface.click({ position: { x: 1, y: 1 } });
  await surface.click({ position: { x: 6, y: 1 } });
  await page.keyboard.press('Control+Enter');
  await expect(panel.getByTestId('cut-status')).toHaveText('Not split (see the message above).');
  await expect(page.getByTestId('notice')).toContainText('the cut does not part the object');
  await page.keyboard.press('Escape');
  await expect(panel.getByTestId('cut-editor')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Split…' }).click();
  await clickCutAcrossMiddle(page, panel);
  await expect(status).toHaveText('Split: both parts typed again.', { timeout: 60_000 });
  await expect.poll(async () => (await shown(panel)).length).toBe(beforeSplit.length + 1);
  const parts = added(
    beforeSplit.filter((c) => c !== longest),
    await shown(panel),
  );
  const [one, two] = parts;
  expect(parts).toHaveLength(2);
  if (!one || !two) throw new Error('no parts');
  await chromosome(panel, one).click();
  await panel.getByRole('button', { name: 'Join with…' }).click();
  // The second one by keyboard: choosing starts from the selected chromosome.
  await expect(chromosome(panel, one)).toBeFocused();
  await chromosome(panel, two).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(/^Joining .*: done\.$/, { timeout: 60_000 });
  await expect.poll(async () => (await shown(panel)).length).toBe(beforeSplit.length);

  // A type the classifier was unsure of, confirmed: its doubt goes, only its type is analysed again.
  const unsure = panel.locator('[data-testid="arranged-chromosome"].doubtful[title*="type doubtful"]');
  const unsureBefore = await unsure.count();
  expect(unsureBefore).toBeGreaterThan(0);
  const confirmedType = (await unsure.first().getAttribute('data-type')) ?? '';
  await unsure.first().click();
  await panel.getByRole('button', { name: `Confirm type ${confirmedType}` }).click();
  await expect(status).toHaveText(/^Confirming .*: done\.$/, { timeout: 60_000 });
  await expect(rescored).toHaveText(`Re-analysed: ${confirmedType}`);
  await expect(unsure).toHaveCount(unsureBefore - 1);

  // Every correction is in the audit trail.
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const document = JSON.parse(readFileSync(await (await json).path(), 'utf8')) as {
    cases: { review: { corrections: { text: string; reviewer: string; correction: { kind: string } }[] } }[];
  };
  const trail = document.cases[0]?.review.corrections ?? [];
  expect(trail.map((c) => c.correction.kind)).toEqual([
    'move',
    'move',
    'exclude-chromosome',
    'split',
    'join',
    'move',
  ]);
  expect(trail.at(-1)?.text).toMatch(/: type (\d+|X|Y) confirmed$/);
  expect(trail.every((c) => c.reviewer === 'Dr Karyo')).toBe(true);

  // The arranged karyogram as a PNG, and on a page of the PDF report.
  const pngDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export PNG' }).click();
  const image = await pngDownload;
  expect(image.suggestedFilename()).toMatch(/^spread\.png-.+-karyogram\.png$/);
  const decoded = decode(readFileSync(await image.path()));
  expect(decoded.width).toBeGreaterThan(300);
  expect(decoded.height).toBeGreaterThan(300);
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const report = await readPdf(new Uint8Array(readFileSync(await (await pdfDownload).path())));
  expect(report.pages.join('\n')).toMatch(
    /Arranged karyogram \u2014 cell \S+ \(types assigned by type-classifier-[0-9a-f]{12}\)/,
  );
});
