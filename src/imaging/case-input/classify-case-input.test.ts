import { describe, expect, it } from 'vitest';
import type { CropCell } from './case-input-plan';
import { classifyCaseInput } from './classify-case-input';
import { parseCropName } from './file-names';
import { normaliseInputPath, virtualFile, type VirtualFile } from './virtual-file';

const NO_BYTES = new Uint8Array(0);
const files = (...paths: string[]): VirtualFile[] => paths.map((path) => virtualFile(path, NO_BYTES));

/** The 46 crops of a normal cell, optionally without some and with extra ones. */
function cellCrops(
  folder: string,
  { drop = [] as string[], add = [] as string[], sex = 'XY' } = {},
): string[] {
  const names: string[] = [];
  for (let type = 1; type <= 22; type++) names.push(`${type}_0.tiff`, `${type}_1.tiff`);
  names.push(...(sex === 'XY' ? ['X_0.tiff', 'Y_0.tiff'] : ['X_0.tiff', 'X_1.tiff']));
  return [...names.filter((name) => !drop.includes(name)), ...add].map((name) => `${folder}/${name}`);
}

function onlyCropCell(paths: string[]): CropCell {
  const plan = classifyCaseInput(files(...paths));
  const cell = plan.cases[0]?.cells[0];
  if (cell?.kind !== 'crops') throw new Error('expected a crop cell');
  return cell;
}

describe('parseCropName', () => {
  it('reads types, homologs and tolerant spellings', () => {
    expect(parseCropName('5_0.tiff')).toEqual({ valid: true, type: '5', homolog: 0 });
    expect(parseCropName('x_1.PNG')).toEqual({ valid: true, type: 'X', homolog: 1 });
    expect(parseCropName('07_2.bmp')).toEqual({ valid: true, type: '7', homolog: 2 });
    expect(parseCropName('23_0.tif')).toEqual({
      valid: false,
      problem: 'chromosome type "23" does not exist',
    });
    expect(parseCropName('4_3.tif')).toEqual({ valid: false, problem: 'homolog 3 is not 0, 1 or 2' });
    expect(parseCropName('karyogram.tif')).toBeNull();
    expect(parseCropName('5_0.txt')).toBeNull();
  });
});

describe('normaliseInputPath', () => {
  it('treats paths as plain names', () => {
    expect(normaliseInputPath('C:\\scans\\case 1\\k.bmp')).toBe('scans/case 1/k.bmp');
    expect(normaliseInputPath('../../etc/passwd')).toBe('etc/passwd');
    expect(normaliseInputPath('/a//./b/')).toBe('a/b');
  });
});

describe('classifyCaseInput', () => {
  it('reads a crop bundle case with several cells', () => {
    const plan = classifyCaseInput(
      files(...cellCrops('97002069/97002069.10'), ...cellCrops('97002069/97002069.2', { sex: 'XX' })),
    );
    expect(plan.cases).toHaveLength(1);
    const [only] = plan.cases;
    expect(only?.id).toBe('97002069');
    expect(only?.cells.map((cell) => cell.id)).toEqual(['97002069.2', '97002069.10']);
    const cell = only?.cells[0];
    if (cell?.kind !== 'crops') throw new Error('expected crops');
    expect(cell.crops).toHaveLength(46);
    expect(cell.crops.slice(0, 3).map((crop) => `${crop.type}_${crop.homolog}`)).toEqual([
      '1_0',
      '1_1',
      '2_0',
    ]);
    expect(cell.crops.at(-1)?.type).toBe('X');
    expect(cell.copies.X).toBe(2);
    expect(cell.missingTypes).toEqual(['Y']);
    expect(plan.warnings).toEqual([]);
  });

  it('records one or three copies and missing types without complaint', () => {
    const cell = onlyCropCell(
      cellCrops('case/cell', { drop: ['21_1.tiff', '5_0.tiff', '5_1.tiff'], add: ['21_2.tiff'] }),
    );
    expect(cell.copies['21']).toBe(2); // 21_0 and 21_2
    expect(cell.copies['5']).toBe(0);
    expect(cell.missingTypes).toEqual(['5']);
    const trisomy = onlyCropCell(cellCrops('case/cell', { add: ['21_2.tiff'] }));
    expect(trisomy.copies['21']).toBe(3);
    const monosomy = onlyCropCell(cellCrops('case/cell', { drop: ['X_1.tiff'], sex: 'XX' }));
    expect(monosomy.copies.X).toBe(1);
  });

  it('warns about stray files, odd crop names and duplicates, and ignores system files', () => {
    const plan = classifyCaseInput(
      files(
        ...cellCrops('case/cell'),
        'case/cell/overview.png',
        'case/cell/notes.txt',
        'case/cell/23_0.tiff',
        'case/cell/1_0.png',
        'case/cell/.DS_Store',
        '__MACOSX/case/cell/._1_0.tiff',
        'case/Thumbs.db',
      ),
    );
    expect(plan.cases[0]?.cells).toHaveLength(1);
    expect(plan.warnings.map((warning) => [warning.path, warning.message])).toEqual([
      ['case/cell/notes.txt', 'not an image file (PNG, JPEG, BMP or TIFF); ignored'],
      ['case/cell/1_0.tiff', 'duplicate of case/cell/1_0.png; ignored'],
      ['case/cell/23_0.tiff', 'chromosome type "23" does not exist; ignored'],
      ['case/cell/overview.png', 'image in a crop folder without a <type>_<homolog> name; ignored'],
    ]);
    expect(plan.ignored).toEqual(['case/cell/.DS_Store', '__MACOSX/case/cell/._1_0.tiff', 'case/Thumbs.db']);
  });

  it('reads a case folder of karyograms, one cell per image', () => {
    const plan = classifyCaseInput(
      files('case-7/cell 10.bmp', 'case-7/cell 2.JPG', 'case-7/cell 3.tif', 'case-7/cell 3.png'),
    );
    expect(plan.cases.map((planned) => planned.id)).toEqual(['case-7']);
    expect(plan.cases[0]?.cells.map((cell) => [cell.kind, cell.id])).toEqual([
      ['karyogram', 'cell 2'],
      ['karyogram', 'cell 3.png'],
      ['karyogram', 'cell 3.tif'],
      ['karyogram', 'cell 10'],
    ]);
  });

  it('reads a batch: one case per sub-folder, either kind, names made unique', () => {
    const plan = classifyCaseInput(
      files(
        'batch/A/k1.bmp',
        'batch/A/k2.bmp',
        ...cellCrops('batch/B/cell1'),
        'batch/C/k.png',
        ...cellCrops('batch/C/c2'),
        'other/A/k.bmp',
      ),
    );
    expect(plan.cases.map((planned) => planned.id)).toEqual(['batch/A', 'B', 'C', 'other/A']);
    expect(plan.cases[2]?.cells.map((cell) => cell.kind)).toEqual(['crops', 'karyogram']);
    const clash = classifyCaseInput(files('case/c2.png', ...cellCrops('case/c2')));
    expect(clash.cases[0]?.cells.map((cell) => cell.id)).toEqual(['c2', 'c2.png']);
  });

  it('names a case without a folder after the lone file or folder given', () => {
    expect(classifyCaseInput(files('100955NVG.017.K.BMP')).cases[0]?.id).toBe('100955NVG.017.K.BMP');
    const cellOnly = classifyCaseInput(files(...cellCrops('97002069.1')));
    expect(cellOnly.cases.map((planned) => [planned.id, planned.cells[0]?.id])).toEqual([
      ['97002069.1', '97002069.1'],
    ]);
    expect(classifyCaseInput(files('a.png', 'b.png')).cases[0]?.id).toBe('input');
    expect(classifyCaseInput(files('a.png', 'b.png'), { rootName: 'dropped' }).cases[0]?.id).toBe('dropped');
  });

  it('returns no cases for no images', () => {
    const plan = classifyCaseInput(files('readme.md'));
    expect(plan.cases).toEqual([]);
    expect(plan.warnings).toHaveLength(1);
  });

  it('pairs a metaphase image with the annotation of the same name beside it', () => {
    const plan = classifyCaseInput(
      files(
        'tseng/105076/1050761.jpg',
        'tseng/105076/1050761.xml',
        'tseng/105076/1050762.JPG',
        'tseng/105076/1050762.XML',
        'tseng/105076/karyogram.png',
        'tseng/105076/stray.xml',
        'tseng/105077/1050771.jpg',
        'tseng/105077/other/1050771.xml',
      ),
    );
    expect(plan.cases.map((c) => c.id)).toEqual(['105076', '105077']);
    const cells = plan.cases[0]?.cells ?? [];
    expect(cells.map((cell) => [cell.kind, cell.id])).toEqual([
      ['metaphase', '1050761'],
      ['metaphase', '1050762'],
      ['karyogram', 'karyogram'],
    ]);
    const first = cells[0];
    expect(first?.kind === 'metaphase' ? first.annotation.path : null).toBe('tseng/105076/1050761.xml');
    // An image whose annotation sits in another folder is a karyogram; annotations without an image are named.
    expect(plan.cases[1]?.cells.map((cell) => cell.kind)).toEqual(['karyogram']);
    expect(plan.warnings.map((w) => w.path)).toEqual([
      'tseng/105076/stray.xml',
      'tseng/105077/other/1050771.xml',
    ]);
    expect(plan.warnings[0]?.message).toBe('annotation without an image of the same name beside it; ignored');
  });
});
