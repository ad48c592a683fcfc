import { describe, expect, it } from 'vitest';
import { caseToOpen, NOTICE_PROBLEM_LINES, outcomeRecords, problemsNotice } from './job-outcome';
import { validRecord } from './testing/records';

const analysed = validRecord.summary;
const refused = {
  ...analysed,
  id: 'refused-1',
  name: 'junk',
  cells: [],
  types: [],
  hasImages: false,
  errors: [{ file: 'junk/a.png', message: 'not a karyogram: too few chromosome-like objects' }],
};

describe('a finished job in the worklist', () => {
  it('makes one record per case, stamped alike and tied to the job', () => {
    const records = outcomeRecords([analysed, refused], 'job-9', '2026-12-06T21:00:00.000Z');
    expect(records.map((r) => [r.id, r.jobId, r.createdAt, r.decisions.length])).toEqual([
      [analysed.id, 'job-9', '2026-12-06T21:00:00.000Z', 0],
      ['refused-1', 'job-9', '2026-12-06T21:00:00.000Z', 0],
    ]);
  });

  it('opens the last analysed case, not a refused input listed after it', () => {
    const records = outcomeRecords([analysed, refused], 'job-9', 'now');
    expect(caseToOpen(records)?.id).toBe(analysed.id);
    expect(caseToOpen(outcomeRecords([refused], 'job-9', 'now'))?.id).toBe('refused-1');
    expect(caseToOpen([])).toBeNull();
  });

  it('names each problem up to a limit, then counts the rest', () => {
    expect(problemsNotice([])).toBeNull();
    const few = problemsNotice([{ file: 'a.png', message: 'broken' }]);
    expect(few).toBe('a.png: broken');
    const many = Array.from({ length: 20_000 }, (_, i) => ({ file: `f${i}.png`, message: 'not an image' }));
    const lines = (problemsNotice(many) ?? '').split('\n');
    expect(lines).toHaveLength(NOTICE_PROBLEM_LINES + 1);
    expect(lines[0]).toBe('f0.png: not an image');
    expect(lines.at(-1)).toMatch(/^… and 19,980 more files could not be used/);
  });
});
