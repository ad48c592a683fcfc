import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';
import type { TypeVerdict } from '../../pipeline/verdict/score-case';
import type { CaseSummary, CellSummary } from '../../worker/analysis-api';
import { caseSummaryLines, cellFormula, mosaicText } from './report-summary';

/** A case of `cells` cells of `sex`, with copies per cell changed for some types. */
function caseOf(
  cells: number,
  sex: 'XX' | 'XY',
  changes: Partial<Record<ChromosomeType, number[]>> = {},
  verdicts: Partial<Record<ChromosomeType, Partial<TypeVerdict>>> = {},
): CaseSummary {
  const types = CHROMOSOME_TYPES.flatMap((type): TypeVerdict[] => {
    const normal = type === 'X' ? (sex === 'XX' ? 2 : 1) : type === 'Y' ? (sex === 'XY' ? 1 : 0) : 2;
    const copies = changes[type] ?? Array.from({ length: cells }, () => normal);
    if (!copies.some((c) => c > 0)) return [];
    return [
      {
        type,
        copies,
        score: 0.1,
        abnormal: false,
        unreliable: null,
        pairs: [],
        region: null,
        ...verdicts[type],
      },
    ];
  });
  const cellList: CellSummary[] = Array.from({ length: cells }, (_, k) => ({
    id: `cell0${String(k + 1)}`,
    source: `cell0${String(k + 1)}.png`,
    bandLevel: 400,
    bandLevelConfidence: 1,
    bandLevelOverridden: false,
    chromosomes: types.reduce((sum, t) => sum + (t.copies[k] ?? 0), 0),
    excluded: false,
    warnings: [],
  }));
  return {
    id: 'case',
    name: 'case',
    origin: 'files',
    analysedAt: '2026-12-06T20:40:00.000Z',
    model: { id: 'm', sha256: '0', threshold: 0.5 },
    backend: 'cpu',
    cells: cellList,
    types,
    errors: [],
    hasImages: true,
  };
}

const textOf = (summary: CaseSummary): Record<string, string> =>
  Object.fromEntries(caseSummaryLines(summary).map((line) => [line.label, line.text]));

describe('cellFormula', () => {
  it('writes a cell in ISCN form', () => {
    expect(cellFormula(caseOf(1, 'XY', { '21': [3] }), 0)).toBe('47,XY,+21');
    expect(cellFormula(caseOf(1, 'XX', { X: [1] }), 0)).toBe('45,X');
    expect(cellFormula(caseOf(1, 'XY', { X: [2] }), 0)).toBe('47,XXY');
    expect(cellFormula(caseOf(1, 'XX', { '7': [1], '13': [4] }), 0)).toBe('47,XX,-7,+13,+13');
  });
});

describe('mosaicText', () => {
  it('names each cell line when the cells disagree, and nothing when they agree', () => {
    expect(mosaicText(caseOf(4, 'XY', { '21': [3, 2, 3, 3] }))).toBe(
      '47,XY,+21 in 3 of 4 cells; 46,XY in 1 of 4 cells',
    );
    expect(mosaicText(caseOf(4, 'XY', { '21': [3, 3, 3, 3] }))).toBeNull();
    // A cell where no chromosome was found is no second cell line.
    const empty = caseOf(3, 'XY');
    const withEmpty = { ...empty, types: empty.types.map((t) => ({ ...t, copies: [...t.copies, 0] })) };
    expect(mosaicText(withEmpty)).toBeNull();
  });
});

describe('caseSummaryLines', () => {
  it('names a trisomy with its copies, and a normal case as none', () => {
    const trisomy = textOf(caseOf(4, 'XY', { '21': [3, 3, 3, 3] }));
    expect(trisomy.Cells).toBe('4: 4 scored, 0 excluded');
    expect(trisomy['Chromosomes per cell']).toBe('47 in all 4 cells');
    expect(trisomy['Numerical findings']).toBe('+21 (trisomy 21) in all 4 cells');
    expect(trisomy.Mosaic).toBeUndefined();
    expect(textOf(caseOf(4, 'XX'))['Numerical findings']).toBe('none (46,XX in all 4 cells)');
  });

  it('names sex-chromosome findings and monosomies', () => {
    expect(textOf(caseOf(3, 'XY', { X: [2, 2, 2] }))['Numerical findings']).toBe(
      'XXY (sex chromosomes) in all 3 cells',
    );
    expect(textOf(caseOf(3, 'XX', { X: [1, 1, 1] }))['Numerical findings']).toBe(
      'X (45,X: one X, no Y) in all 3 cells',
    );
    expect(textOf(caseOf(3, 'XX', { '7': [1, 1, 1] }))['Numerical findings']).toBe(
      '-7 (monosomy 7) in all 3 cells',
    );
  });

  it('says when the cells disagree (a mosaic), with each count per cell', () => {
    const mosaic = textOf(caseOf(4, 'XY', { '21': [3, 2, 3, 2] }));
    expect(mosaic['Numerical findings']).toBe('+21 (trisomy 21) in 2 of 4 cells');
    expect(mosaic.Mosaic).toBe('cells disagree: 47,XY,+21 in 2 of 4 cells; 46,XY in 2 of 4 cells');
    expect(mosaic['Chromosomes per cell']).toBe('cell01 47, cell02 46, cell03 47, cell04 46');
  });

  it('lists structural flags with their region and unreliable types with the reason', () => {
    const flagged = textOf(
      caseOf(
        4,
        'XX',
        {},
        {
          '5': { abnormal: true, score: 0.93, region: { from: 0, to: 0.2, bands: '5p15.3-p14' } },
          '9': { abnormal: null, unreliable: 'straightening' },
        },
      ),
    );
    expect(flagged['Structural flags']).toBe('5 (5p15.3-p14), score 0.93');
    expect(flagged.Unreliable).toBe('9 (straightening): no verdict, every pair doubtful');
    expect(textOf(caseOf(4, 'XX'))['Structural flags']).toBe('none');
  });

  it('says a refused input was refused and why, and nothing else', () => {
    const refused: CaseSummary = {
      ...caseOf(0, 'XX'),
      types: [],
      errors: [
        { file: 'spread.png', message: 'not a karyogram: chromosomes are not arranged in karyogram rows' },
      ],
    };
    expect(caseSummaryLines(refused)).toEqual([
      {
        label: 'Refused',
        text: 'no cell of this input could be read, so it has no verdicts: not a karyogram: chromosomes are not arranged in karyogram rows',
      },
    ]);
  });
});
