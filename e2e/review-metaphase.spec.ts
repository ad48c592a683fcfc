import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { encode } from 'fast-png';
import {
  stripedBands,
  syntheticMetaphase,
  type DrawnChromosome,
} from '../src/imaging/testing/synthetic-metaphase';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

/** Pairs of 1, 2 and 3 lying free, at several angles. */
const FREE: DrawnChromosome[] = [
  {
    label: 'A1',
    path: [
      { x: 20, y: 20 },
      { x: 20, y: 110 },
    ],
    bands: stripedBands(6),
  },
  {
    label: 'A1',
    path: [
      { x: 60, y: 30 },
      { x: 140, y: 70 },
    ],
    bands: stripedBands(6),
  },
  {
    label: 'A2',
    path: [
      { x: 30, y: 140 },
      { x: 40, y: 180 },
      { x: 60, y: 220 },
    ],
    bands: stripedBands(5),
  },
  {
    label: 'A2',
    path: [
      { x: 200, y: 20 },
      { x: 280, y: 20 },
    ],
    bands: stripedBands(5),
  },
  {
    label: 'A3',
    path: [
      { x: 100, y: 150 },
      { x: 170, y: 210 },
    ],
    bands: stripedBands(4),
  },
];

/** Writes `<case>/<cell>.png` and its `.xml`, as a lab exports an annotated metaphase. */
function writeMetaphase(
  caseDir: string,
  cell: string,
  chromosomes: DrawnChromosome[],
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
  writeMetaphase(caseDir, 'cell1', [
    ...FREE,
    {
      label: 'A3',
      path: [
        { x: 200, y: 120 },
        { x: 260, y: 120 },
      ],
      bands: stripedBands(4),
    },
    {
      label: 'C7',
      path: [
        { x: 264, y: 124 },
        { x: 264, y: 180 },
      ],
      bands: stripedBands(3),
    },
  ]);
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
