import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { prepareCaseInput } from '../case-input/prepare-case-input';
import { readCrops } from '../case-input/read-crops';
import { readFolderAsVirtualFiles } from '../case-input/read-folder.node.js';
import { decodeImage } from './decode-image';
import type { GrayImage } from '../../shared/gray-image';
import { detectPolarity, detectSharedPolarity, invertGray } from './polarity';

/**
 * Needs the real data of ../shared/data (not redistributable, so not in the repository): it skips when
 * the folder is absent. HOMNET_DATA_DIR points elsewhere.
 */
const DATA =
  process.env.HOMNET_DATA_DIR ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const PKI3 = join(DATA, 'pki3');
const KARYOGRAMS = join(DATA, 'karyograms');
const hasData = existsSync(PKI3) && existsSync(KARYOGRAMS);

function listPki3Tiffs(): string[] {
  return readdirSync(PKI3).flatMap((caseId) =>
    readdirSync(join(PKI3, caseId)).flatMap((cell) =>
      readdirSync(join(PKI3, caseId, cell)).map((name) => join(PKI3, caseId, cell, name)),
    ),
  );
}

/** utif2's own decode of a gray or RGBA TIFF, as the red channel of its RGBA output. */
function utif2Gray(bytes: Uint8Array): Uint8Array {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const [ifd] = UTIF.decode(buffer);
  if (ifd === undefined) throw new Error('utif2 found no IFD');
  UTIF.decodeImage(buffer, ifd);
  const rgba = UTIF.toRGBA8(ifd);
  return rgba.filter((_, index) => index % 4 === 0);
}

// Real data is not ours to ship: CI has ../shared/data, a stranger's clone does not, so it skips there.
describe.skipIf(!hasData)('real data in ../shared/data (skipped when the folder is absent)', () => {
  it('decodes all 20,640 pki3 TIFF crops, matching utif2 on every tenth', () => {
    const files = listPki3Tiffs();
    expect(files.length).toBe(20_640);
    const failures: string[] = [];
    const cells = new Map<string, GrayImage[]>();
    let repaired = 0;
    let compared = 0;
    files.forEach((file, index) => {
      const bytes = new Uint8Array(readFileSync(file));
      try {
        const [page] = decodeImage(file, bytes);
        if (page === undefined) throw new Error('no page');
        if (page.repairs.length > 0) repaired++;
        const cell = dirname(file);
        cells.set(cell, [...(cells.get(cell) ?? []), page.image]);
        if (index % 10 === 0) {
          expect(page.image.pixels).toEqual(utif2Gray(bytes));
          compared++;
        }
      } catch (error) {
        failures.push(String(error));
      }
    });
    expect(failures).toEqual([]);
    expect(compared).toBe(2064);
    // The pki3 headers are honest; a change here means the strip planner started "repairing" good files.
    expect(repaired).toBe(0);
    // Single tight crops can fool detectPolarity; every cell's shared vote must still say G-band.
    expect(cells.size).toBe(449);
    const misjudged = [...cells].filter(
      ([, images]) => detectSharedPolarity(images).polarity !== 'dark-on-light',
    );
    expect(misjudged.map(([cell]) => cell)).toEqual([]);
  });

  it.each([
    ['100955NVG.017.K.BMP', 1017, 896],
    ['5180104844.020.K.BMP', 1017, 896],
    ['98917NVG.002.K.JPG', 1017, 896],
    ['nhgri_karyotype.png', 3084, 2417],
  ])('decodes the karyogram %s as dark-on-light, and its inverse as light-on-dark', (name, width, height) => {
    const [page, ...rest] = decodeImage(name, new Uint8Array(readFileSync(join(KARYOGRAMS, name))));
    expect(rest).toEqual([]);
    if (page === undefined) throw new Error('no page');
    expect([page.image.width, page.image.height]).toEqual([width, height]);
    const polarity = detectPolarity(page.image);
    expect(polarity.polarity).toBe('dark-on-light');
    expect(polarity.confidence).toBeGreaterThan(0.6);
    expect(detectPolarity(invertGray(page.image)).polarity).toBe('light-on-dark');
  });

  it('plans the whole of pki3 as a batch: 278 cases, 449 cells, 20,640 crops, nothing stray', async () => {
    const plan = await prepareCaseInput(await readFolderAsVirtualFiles(PKI3));
    expect(plan.warnings).toEqual([]);
    expect(plan.rejected).toEqual([]);
    expect(plan.cases).toHaveLength(278);
    const cells = plan.cases.flatMap((planned) => planned.cells);
    expect(cells).toHaveLength(449);
    expect(cells.every((cell) => cell.kind === 'crops')).toBe(true);
    const crops = cells.reduce((sum, cell) => sum + (cell.kind === 'crops' ? cell.crops.length : 0), 0);
    expect(crops).toBe(20_640);
  });

  it('plans and reads one real case folder end to end', async () => {
    const caseId = readdirSync(PKI3).sort()[0] ?? '';
    const plan = await prepareCaseInput(await readFolderAsVirtualFiles(join(PKI3, caseId)));
    expect(plan.cases.map((planned) => planned.id)).toEqual([caseId]);
    expect(plan.warnings).toEqual([]);
    const result = await readCrops(plan);
    expect(result.errors).toEqual([]);
    for (const cell of result.cells) {
      expect(cell.inverted).toBe(false);
      expect(cell.crops.length).toBeGreaterThanOrEqual(44);
    }
  });
});
