import { describe, expect, it } from 'vitest';
import { checkCaseRecord } from './record-check';
import { checkReviewDocument, importedRecord, MAX_IMPORT_CASES, MAX_IMPORT_CELLS } from './report-json-check';

/** A case as the app exports it: two cells, two types, a decision. */
function goodCase(name: string): Record<string, unknown> {
  return {
    case: name,
    cells: [
      { id: 'cell01', source: 'a.png', chromosomes: 46, bandLevel: 550, bandLevelConfidence: 0.8 },
      { id: 'cell02', source: 'b.png', chromosomes: 46, bandLevel: 550, bandLevelConfidence: 0.7 },
    ],
    types: [
      {
        type: '5',
        copies: [2, 2],
        score: 0.93,
        abnormal: true,
        unreliable: null,
        pairs: [
          { cell: 'cell01', alpha: 0.6 },
          { cell: 'cell02', alpha: 0.4 },
        ],
        region: { from: 0.05, to: 0.2, bands: '5p15.3-p15.1' },
      },
      { type: 'Y', copies: [1, 1], score: null, abnormal: null, pairs: [], region: null },
    ],
    errors: [{ file: 'c.png', message: 'not a karyogram' }],
    review: {
      caseId: 'x',
      status: 'reviewed',
      threshold: 0.42,
      exportedAt: '2026-01-02T03:04:05.000Z',
      decisions: [
        {
          type: '5',
          decision: 'abnormal',
          note: 'del 5p',
          reviewer: 'Dr A',
          modelId: 'homnet-x',
          at: '2026-01-02T03:00:00.000Z',
        },
      ],
      corrections: [
        {
          types: ['5'],
          text: 'cell cell01: 5 homolog 2 straightened again along a centre line drawn through 2 points',
          correction: {
            kind: 'centre-line',
            chromosome: { cell: 'cell01', type: '5', homolog: 1 },
            points: [
              { x: 3, y: 2 },
              { x: 4, y: 30 },
            ],
          },
          reviewer: 'Dr A',
          modelId: 'homnet-x',
          at: '2026-01-02T02:59:00.000Z',
        },
      ],
    },
  };
}

function documentOf(cases: unknown[]): Record<string, unknown> {
  return {
    schema: 'homnet-review/analysis@1',
    model: { id: 'homnet-x', sha256: 'ab'.repeat(32) },
    backend: 'wasm',
    cases,
  };
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing');
  return value;
}

/** The message the check throws for `document`, read back through JSON as a file would be. */
function problemOf(document: unknown): string {
  try {
    checkReviewDocument(JSON.parse(JSON.stringify(document)));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'accepted';
}

describe('checkReviewDocument', () => {
  it('accepts an exported multi-case document, and every record it makes loads back as a saved review', () => {
    const { head, cases } = checkReviewDocument(documentOf([goodCase('one'), goodCase('two')]));
    expect(cases.map((c) => c.name)).toEqual(['one', 'two']);
    const record = importedRecord(head, must(cases[1]), 'id-2', '2026-02-01T00:00:00.000Z');
    expect(() => checkCaseRecord(record)).not.toThrow();
    expect(record.summary.model.threshold).toBe(0.42);
    expect(record.summary.types[0]?.pairs).toEqual([
      { cell: 'cell01', alpha: 0.6 },
      { cell: 'cell02', alpha: 0.4 },
    ]);
    expect(record.decisions).toHaveLength(1);
    // The audit trail's corrections come along for showing; the centre line itself stays behind (no images).
    expect(record.corrections).toEqual([
      {
        types: ['5'],
        text: 'cell cell01: 5 homolog 2 straightened again along a centre line drawn through 2 points',
        reviewer: 'Dr A',
        modelId: 'homnet-x',
        at: '2026-01-02T02:59:00.000Z',
      },
    ]);
  });

  it('refuses a correction of the audit trail without its time or with an unknown type', () => {
    const noTime = goodCase('one');
    const review = noTime.review as { corrections: Record<string, unknown>[] };
    review.corrections[0] = { ...review.corrections[0], at: undefined };
    expect(problemOf(documentOf([noTime]))).toContain('cases[0].review.corrections[0].at is missing');
    review.corrections[0] = { ...review.corrections[0], at: '2026-01-02T02:59:00.000Z', types: ['23'] };
    expect(problemOf(documentOf([noTime]))).toContain('cases[0].review.corrections[0].types[0]');
  });

  it('accepts a CLI report as formats.md shows it (no review, no band-level confidence)', () => {
    const cli = goodCase('cli');
    delete cli.review;
    cli.cells = [{ id: 'cell01', source: 'a.png', chromosomes: 46, bandLevel: 550 }];
    cli.types = [{ type: '1', copies: [2], score: 0.1, abnormal: false, pairs: [], region: null }];
    const { cases } = checkReviewDocument(documentOf([cli]));
    expect(cases[0]?.cells[0]?.bandLevelConfidence).toBe(0);
    expect(cases[0]?.threshold).toBeNull();
  });

  it('refuses numbers given as text, naming the path', () => {
    const scoreAsText = goodCase('one');
    (scoreAsText.types as Record<string, unknown>[])[0] = {
      ...(scoreAsText.types as Record<string, unknown>[])[0],
      score: '0.93',
    };
    expect(problemOf(documentOf([scoreAsText]))).toBe('cases[0].types[0].score is not a number');
    const countAsText = goodCase('one');
    (countAsText.cells as Record<string, unknown>[])[1] = {
      ...(countAsText.cells as Record<string, unknown>[])[1],
      chromosomes: '46',
    };
    expect(problemOf(documentOf([countAsText]))).toBe('cases[0].cells[1].chromosomes is not a number');
  });

  it('refuses a second case missing its cells (the first good case does not make it pass)', () => {
    const second = goodCase('two');
    delete second.cells;
    expect(problemOf(documentOf([goodCase('one'), second]))).toBe('cases[1].cells is missing');
  });

  it('refuses numbers out of range, infinities, unknown enums and cells that do not exist', () => {
    const withType = (change: Record<string, unknown>): unknown => {
      const entry = goodCase('one');
      (entry.types as Record<string, unknown>[])[0] = {
        ...(entry.types as Record<string, unknown>[])[0],
        ...change,
      };
      return documentOf([entry]);
    };
    expect(problemOf(withType({ score: 1.5 }))).toBe('cases[0].types[0].score is 1.5, not between 0 and 1');
    expect(problemOf(withType({ type: '23' }))).toBe(
      'cases[0].types[0].type "23" is not a chromosome type (1–22, X, Y)',
    );
    expect(problemOf(withType({ copies: [2, 2, 2] }))).toBe(
      'cases[0].types[0].copies holds 3 counts for 2 cells',
    );
    expect(problemOf(withType({ copies: [2, 2.5] }))).toBe(
      'cases[0].types[0].copies[1] is 2.5, not a whole number',
    );
    expect(problemOf(withType({ pairs: [{ cell: 'cell09', alpha: 0.5 }] }))).toBe(
      'cases[0].types[0].pairs[0].cell "cell09" is not one of the case\'s cells',
    );
    expect(problemOf(withType({ region: { from: 0.5, to: 0.2, bands: '' } }))).toBe(
      'cases[0].types[0].region.to is 0.2, before from (0.5)',
    );
    expect(problemOf(withType({ type: 'Y' }))).toBe('cases[0].types[1].type "Y" appears twice');
    // 1e999 is valid JSON and parses to Infinity.
    const infinite = JSON.stringify(withType({})).replace('"score":0.93', '"score":1e999');
    expect(() => checkReviewDocument(JSON.parse(infinite))).toThrow(
      'cases[0].types[0].score is not a number',
    );
    const level = goodCase('one');
    (level.cells as Record<string, unknown>[])[0] = {
      ...(level.cells as Record<string, unknown>[])[0],
      bandLevel: 123,
    };
    expect(problemOf(documentOf([level]))).toBe(
      'cases[0].cells[0].bandLevel is 123, not one of 300, 400, 550, 700',
    );
    const decision = goodCase('one');
    (decision.review as { decisions: Record<string, unknown>[] }).decisions[0] = {
      ...(decision.review as { decisions: Record<string, unknown>[] }).decisions[0],
      decision: 'maybe',
    };
    expect(problemOf(documentOf([decision]))).toBe(
      'cases[0].review.decisions[0].decision is not one of abnormal, normal, unsure',
    );
  });

  it('ignores __proto__ keys at every level: nothing is polluted and nothing of them is kept', () => {
    const text = JSON.stringify(documentOf([goodCase('one')]))
      .replace('{"schema"', '{"__proto__":{"polluted":"document"},"schema"')
      .replace('{"case"', '{"__proto__":{"polluted":"case"},"case"')
      .replace('{"id":"cell01"', '{"__proto__":{"polluted":"cell"},"id":"cell01"')
      .replace('{"type":"5"', '{"__proto__":{"polluted":"type"},"type":"5"')
      .replace('"region":{', '"region":{"__proto__":{"polluted":"region"},');
    const parsed: unknown = JSON.parse(text);
    expect(JSON.stringify(parsed).match(/__proto__/g)).toHaveLength(5);
    const { head, cases } = checkReviewDocument(parsed);
    const record = importedRecord(head, must(cases[0]), 'id', '2026-02-01T00:00:00.000Z');
    expect(JSON.stringify(record)).not.toContain('polluted');
    expect(Object.getPrototypeOf(record.summary.types[0])).toBe(Object.prototype);
    expect(Object.getPrototypeOf(record.summary.cells[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file of more cases than allowed, before checking any of them', () => {
    // Generated here: the limit plus one, each case an empty object that would itself be refused.
    const cases = Array.from({ length: MAX_IMPORT_CASES + 1 }, () => ({}));
    expect(problemOf(documentOf(cases))).toBe(
      `holds ${(MAX_IMPORT_CASES + 1).toLocaleString('en')} cases; at most ${MAX_IMPORT_CASES.toLocaleString('en')} can be imported from one file (split it into several files)`,
    );
    const atLimit = Array.from({ length: MAX_IMPORT_CASES }, (_, i) => goodCase(`case ${i}`));
    expect(checkReviewDocument(documentOf(atLimit)).cases).toHaveLength(MAX_IMPORT_CASES);
  });

  it('refuses a case of more cells than allowed', () => {
    const entry = goodCase('big');
    entry.cells = Array.from({ length: MAX_IMPORT_CELLS + 1 }, (_, i) => ({
      id: `cell${i}`,
      source: 'a.png',
      chromosomes: 46,
      bandLevel: 400,
    }));
    entry.types = [];
    expect(problemOf(documentOf([entry]))).toBe(
      `cases[0].cells holds ${MAX_IMPORT_CELLS + 1} items, at most ${MAX_IMPORT_CELLS} allowed`,
    );
  });

  it('refuses what is not an analysis document', () => {
    expect(problemOf({ schema: 'other', cases: [] })).toBe('not a homnet-review/analysis@1 document');
    expect(problemOf({ ...documentOf([]), model: undefined })).toBe('model is missing');
    expect(problemOf({ ...documentOf([]), cases: {} })).toBe('cases is not a list');
  });
});
