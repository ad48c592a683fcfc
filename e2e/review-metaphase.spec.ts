import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { encode } from 'fast-png';
import {
  A_3_TOUCHING_A_7,
  FREE_PAIRS_1_2_AND_A_3,
  stripedBands,
  syntheticMetaphase,
  type DrawnChromosome,
} from '../src/imaging/testing/synthetic-metaphase';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

const FREE = FREE_PAIRS_1_2_AND_A_3;

/** Writes `<case>/<cell>.png` and its `.xml`, as a lab exports an annotated metaphase. */
function writeMetaphase(
  caseDir: string,
  cell: string,
  chromosomes: readonly DrawnChromosome[],
  xmlOf = (xml: string) => xml,
): void {
  const { image, xml } = syntheticMetaphase(320, 240, chromosomes);
  writeFileSync(
    join(caseDir, `${cell}.png`),
    encode({ width: image.width, height: image.height, data: image.pixels, channels: 1, depth: 8 }),
  );
  writeFileSync(join(caseDir, `${cell}.xml`), xmlOf(xml));
}

test('annotated metaphases are analysed as cells; a touching chromosome is marked and left out, a broken annotation named', async ({
  page,
}) => {
  const caseDir = join(mkdtempSync(join(tmpdir(), 'homnet-')), 'metaphase-case');
  mkdirSync(caseDir);
  // cell1: its second 3 touches a 7 end to end; cell2: every pair free; cell3: a box named A9.
  writeMetaphase(caseDir, 'cell1', [...FREE, ...A_3_TOUCHING_A_7]);
  writeMetaphase(caseDir, 'cell2', [
    ...FREE,
    {
      label: 'A3',
      path: [
        { x: 200, y: 110 },
        { x: 250, y: 170 },
      ],
      bands: stripedBands(4),
    },
  ]);
  writeMetaphase(caseDir, 'cell3', FREE, (xml) => xml.replace('<name>A3</name>', '<name>A9</name>'));

  await shipTestModel(page);
  const app = new ReviewPage(page);
  // WASM: this is about reading the input; the WebGPU path has its own specs.
  await app.open('?backend=wasm');
  await app.waitForVerdicts();
  await page.getByTestId('folder-input').setInputFiles(caseDir);
  await expect(page.locator('#case-title')).toHaveText('metaphase-case', { timeout: 120_000 });
  await app.waitForVerdicts();

  const rows = page.locator('.cells tbody tr');
  await expect(rows).toHaveCount(2);
  expect(await rows.locator('th').allInnerTexts()).toEqual(['cell1', 'cell2']);
  expect(await rows.locator('td:first-of-type').allInnerTexts()).toEqual(['7', '6']);
  await expect(rows.first()).toHaveAttribute('title', /cut-out doubtful.*A3 copy 2: touches or crosses C7/);
  await expect(page.getByTestId('notice').locator('pre')).toContainText(
    'metaphase-case/cell3.xml: object 5 ("A9"): "A9" is not a chromosome name',
  );

  // Chromosome 3: cell1's pair is shown, marked, and left out; cell2's pair carries the verdict.
  await app.selectType('3');
  const cell1 = app.pairView.getByTestId('pair-row-cell1');
  const flag = cell1.getByTestId('doubtful-straightening');
  await expect(flag).toContainText('homolog 2: cut-out doubtful (touches or crosses C7)');
  await expect(flag).toContainText('left out of the verdict');
  await expect(cell1.getByTestId('alpha-value')).toHaveText('–');
  await expect(app.pairView.getByTestId('pair-row-cell2').getByTestId('alpha-value')).toHaveText(
    /^\d\.\d\d$/,
  );
  // "How it was straightened" opens by itself on the cut-out with its centre line.
  const pictures = cell1.getByTestId('axis-pictures');
  await expect(pictures).toHaveAttribute('open');
  await expect(pictures.getByTestId('axis-picture')).toHaveCount(2);
});
