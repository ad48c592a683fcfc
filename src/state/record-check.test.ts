import { describe, expect, it } from 'vitest';
import { checkCaseRecord } from './record-check';
import { validRecord } from './testing/records';

/** The record with one field (a dotted path) replaced. */
function damaged(path: string, value: unknown): unknown {
  const copy = structuredClone(validRecord) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let target: Record<string, unknown> = copy;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  target[last] = value;
  return copy;
}

describe('checkCaseRecord', () => {
  it('accepts a whole record and returns it', () => {
    expect(checkCaseRecord(structuredClone(validRecord))).toEqual(validRecord);
  });

  it('accepts a record with corrections in its audit trail', () => {
    const record = {
      ...structuredClone(validRecord),
      corrections: [
        {
          types: ['5'],
          text: 'cell a: 5 homolog 1 straightened again along a centre line drawn through 2 points',
          correction: {
            kind: 'centre-line',
            chromosome: { cell: 'a', type: '5', homolog: 0 },
            points: [
              { x: 1, y: 1 },
              { x: 1, y: 9 },
            ],
          },
          reviewer: '',
          modelId: 'm',
          at: '2026-12-06T10:00:00.000Z',
        },
      ],
    };
    expect(checkCaseRecord(structuredClone(record))).toEqual(record);
  });

  it.each([
    [null, 'the entry is not an object'],
    ['{"id":', 'the entry is not an object'],
    [damaged('summary', 'not a summary'), 'summary is not an object'],
    [damaged('decisions', undefined), 'decisions is not a list'],
    [damaged('decisions.0', { type: '5', decision: 'maybe' }), 'decisions[0].decision is not one of'],
    [damaged('summary.types.0.type', '25'), 'summary.types[0].type is not a chromosome type'],
    [damaged('summary.types.0.score', 'high'), 'summary.types[0].score is not a number'],
    [damaged('summary.cells', { length: 1 }), 'summary.cells is not a list'],
    [damaged('summary.model.threshold', Number.NaN), 'summary.model.threshold is not a number'],
    [damaged('updatedAt', 7), 'updatedAt is not text'],
    [damaged('corrections', {}), 'corrections is not a list'],
    [
      damaged('corrections', [{ types: ['5'], text: 'x', reviewer: 'A', at: 'now' }]),
      'corrections[0].modelId is not text',
    ],
    [
      damaged('corrections', [{ types: ['25'], text: 'x', reviewer: 'A', modelId: 'm', at: 'now' }]),
      'corrections[0].types[0] is not a chromosome type',
    ],
  ])('refuses a damaged entry and names what is wrong (%#)', (entry, problem) => {
    expect(() => checkCaseRecord(entry)).toThrow(problem);
  });
});
