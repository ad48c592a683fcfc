import { describe, expect, it } from 'vitest';
import { expectedCopies, renderKaryogramSurvey, type KaryogramSurveyRow } from './karyogram-survey';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';

const counts = (changes: Partial<Record<ChromosomeType, number>> = {}): Record<ChromosomeType, number> => ({
  ...(Object.fromEntries(CHROMOSOME_TYPES.map((t) => [t, t === 'Y' ? 1 : t === 'X' ? 1 : 2])) as Record<
    ChromosomeType,
    number
  >),
  ...changes,
});

describe('expectedCopies', () => {
  it('counts copies per karyogram slot, numerical changes included', () => {
    expect(expectedCopies('46,XY')).toEqual(counts());
    expect(expectedCopies('47,XXY')).toEqual(counts({ X: 2 }));
    expect(expectedCopies('47,XX,+21')).toEqual(counts({ X: 2, Y: 0, '21': 3 }));
    expect(expectedCopies('46,XY,t(9;22)(q34;q11.2)')).toEqual(counts());
  });
});

describe('renderKaryogramSurvey', () => {
  it('tells true from false flags by the expected karyotype, and sums them up', () => {
    const row = (file: string, expected: string, flags: [ChromosomeType, number][]): KaryogramSurveyRow => ({
      file,
      expected,
      counts: counts(),
      refused: null,
      countErrors: [],
      flags: flags.map(([type, score]) => ({ type, score })),
      scoreShift: file === 'normal.png' ? 1.25 : 0,
      doubtful: [],
      unreliable: [],
      changedTypes: expected.includes('t(9;22)') ? ['9', '22'] : [],
    });
    const text = renderKaryogramSurvey(
      [
        row('cml.png', '46,XY,t(9;22)(q34;q11.2)', [
          ['22', 0.99],
          ['5', 0.9],
        ]),
        { ...row('normal.png', '46,XX', [['1', 0.95]]), unreliable: ['7 (straightening)'] },
        { ...row('spread.jpg', '46,XY', []), counts: null, refused: 'looks like a metaphase spread' },
      ],
      'homnet-test',
      0.8,
    );
    expect(text).toContain('  flags: 22 0.99 (true), 5 0.90');
    expect(text).toContain('  refused: looks like a metaphase spread');
    expect(text).toContain('  unreliable types: 7 (straightening)');
    expect(text).toContain(
      'normal.png (46,XX)\n  counts: right\n  flags: 1 0.95\n  scores lowered by 1.25 log-odds',
    );
    expect(text.match(/scores lowered/g)).toHaveLength(1);
    expect(text).toContain(
      '3 karyograms: 2 read, 2 with every count right; 2 false structural flags (1.00 per karyogram read); ' +
        '0 doubtful centre lines; 1 types unreliable (every pair doubtful, no verdict)',
    );
  });

  it('escapes control characters in a file name and in a refusal quoting one', () => {
    const text = renderKaryogramSurvey(
      [
        {
          file: 'a.png\n\u001b[31mforged.png',
          expected: '46,XY',
          counts: null,
          refused: 'b.png\u202e: not an image',
          countErrors: [],
          flags: [],
          scoreShift: 0,
          doubtful: [],
          unreliable: [],
          changedTypes: [],
        },
      ],
      'homnet-test',
      0.8,
    );
    expect(text).toContain('a.png\\n\\x1b[31mforged.png (46,XY)\n  refused: b.png\\u202e: not an image\n');
  });
});
