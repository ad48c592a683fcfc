import { describe, expect, it } from 'vitest';
import type { Correction } from '../worker/analysis-api';
import { correctionText } from './correction-text';

const chromosome = { cell: 'cell02', type: '9', homolog: 1 } as const;

describe('correctionText', () => {
  it.each<[Correction, string]>([
    [
      {
        kind: 'centre-line',
        chromosome,
        points: [
          { x: 1, y: 2 },
          { x: 3, y: 4 },
          { x: 3, y: 9 },
        ],
      },
      'cell cell02: 9 homolog 2 straightened again along a centre line drawn through 3 points',
    ],
    [{ kind: 'centre-line-undo', chromosome }, 'cell cell02: 9 homolog 2: last drawn centre line undone'],
    [{ kind: 'flip', chromosome }, 'cell cell02: 9 homolog 2 flipped (p-ter and q-ter swapped)'],
    [{ kind: 'move', chromosome, to: '22' }, 'cell cell02: 9 homolog 2 moved to type 22'],
    [{ kind: 'move', chromosome, to: '9' }, 'cell cell02: 9 homolog 2: type 9 confirmed'],
    [{ kind: 'swap', cell: 'cell02', type: '9' }, 'cell cell02: homologs of 9 swapped'],
    [{ kind: 'exclude-chromosome', chromosome }, 'cell cell02: 9 homolog 2 excluded'],
    [{ kind: 'exclude-cell', cell: 'cell02', excluded: true }, 'cell cell02 excluded'],
    [{ kind: 'exclude-cell', cell: 'cell02', excluded: false }, 'cell cell02 included again'],
    [{ kind: 'band-level', cell: 'cell02', level: 550 }, 'cell cell02: band level set to 550'],
    [
      {
        kind: 'split',
        chromosome,
        cut: [
          { x: 1, y: 2 },
          { x: 30, y: 4 },
        ],
      },
      'cell cell02: 9 homolog 2 split in two along a cut of 2 points, both parts typed again',
    ],
    [
      { kind: 'join', chromosomes: [chromosome, { cell: 'cell02', type: '12', homolog: 0 }] },
      'cell cell02: 9 homolog 2 and 12 homolog 1 joined into one chromosome, typed again',
    ],
  ])('says what %o did', (correction, text) => {
    expect(correctionText(correction)).toBe(text);
  });
});
