import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { badBatch } from './support/bad-batch';
import { dropFiles } from './support/drop-files';
import { ReviewPage } from './support/review-page';

test('45 good karyograms among 50 dropped files are analysed; the 5 broken ones are each named with a reason', async ({
  page,
}) => {
  const batch = badBatch(45, 31);
  expect(batch.files).toHaveLength(50);
  await shipTestModel(page);
  const app = new ReviewPage(page);
  // WASM: the point is the input handling, and SwiftShader WebGPU would take minutes for 45 cells.
  await app.open('?backend=wasm');
  await app.waitForVerdicts();
  await dropFiles(page, batch.files);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 170_000 });
  await app.waitForVerdicts();

  // Nothing good is lost: every good file is a cell with all 46 chromosomes found.
  const rows = page.locator('.cells tbody tr');
  await expect(rows).toHaveCount(45);
  expect(await rows.locator('th').allInnerTexts()).toEqual(batch.goodCells);
  expect(new Set(await rows.locator('td:first-of-type').allInnerTexts())).toEqual(new Set(['46']));
  // The TIFF with a lying byte count was repaired, and the cell says so.
  await expect(rows.last()).toHaveAttribute('title', /clamped/);

  // Each broken file is listed once, by name, with its reason; nothing else is listed.
  const lines = (await page.getByTestId('notice').locator('pre').innerText()).split('\n');
  expect(lines).toHaveLength(batch.broken.length);
  for (const file of batch.broken) {
    const line = lines.find((l) => l.startsWith(`${file.name}: `));
    expect(line, file.name).toBeDefined();
    expect(line?.slice(file.name.length + 2), file.name).toMatch(file.reason);
  }
});
