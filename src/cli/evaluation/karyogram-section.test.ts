import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';
import { renderKaryogramSection } from './karyogram-section';
import type { KaryogramSurveyRow } from './karyogram-survey';

const normalCounts = Object.fromEntries(
  CHROMOSOME_TYPES.map((t) => [t, t === 'X' || t === 'Y' ? 1 : 2]),
) as Record<ChromosomeType, number>;

function row(file: string, changes: Partial<KaryogramSurveyRow> = {}): KaryogramSurveyRow {
  return {
    file,
    expected: '46,XY',
    counts: normalCounts,
    refused: null,
    countErrors: [],
    flags: [],
    scoreShift: 0,
    doubtful: [],
    unreliable: [],
    changedTypes: [],
    ...changes,
  };
}

describe('the karyograms section of docs/evaluation.md', () => {
  it('is left out when no folder was surveyed', () => {
    expect(renderKaryogramSection(null)).toEqual([]);
  });

  it('lists each karyogram and counts only flags on unchanged types as false', () => {
    const lines = renderKaryogramSection({
      folder: '../shared/data/karyograms',
      rows: [
        row('a|b.png', {
          flags: [
            { type: '5', score: 0.93 },
            { type: '20', score: 0.861 },
          ],
          doubtful: ['16/1 (axis short)'],
        }),
        row('cml.png', {
          expected: '46,XY,t(9;22)(q34;q11.2)',
          changedTypes: ['9', '22'],
          flags: [
            { type: '22', score: 0.99 },
            { type: '1', score: 0.9 },
          ],
        }),
        row('x.png', { countErrors: ['Y 2/1'], unreliable: ['7 (straightening)'] }),
        row('spread.jpg', { counts: null, refused: 'looks like a metaphase spread' }),
      ],
    });
    const page = lines.join('\n');
    expect(lines[0]).toBe('## Karyograms of other labs');
    // A pipe in a file name would break the table.
    expect(page).toContain('| a\\|b.png | 46,XY | right | 5 (0.93), 20 (0.86) | 1 | 0 |');
    expect(page).toContain('| cml.png | 46,XY,t(9;22)(q34;q11.2) | right | 1 (0.90) | 0 | 0 |');
    expect(page).toContain('| x.png | 46,XY | wrong: Y 2/1 | none | 0 | 1 |');
    expect(page).toContain('| spread.jpg | 46,XY | refused: looks like a metaphase spread | – | – | – |');
    expect(page).toContain(
      '4 karyograms, 3 read; every count right in 2; **3 false structural flags (1.00 per karyogram read)**, 1 on changed types.',
    );
  });
});
