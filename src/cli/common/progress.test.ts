import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgressBar, formatSeconds } from './progress';

describe('createProgressBar', () => {
  const wasTTY = process.stderr.isTTY;
  afterEach(() => {
    vi.restoreAllMocks();
    process.stderr.isTTY = wasTTY;
  });

  /** stderr as a log file sees it (not a terminal, so each update is a line of its own). */
  function captureStderr(): string[] {
    process.stderr.isTTY = false;
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    return lines;
  }

  it('takes a total that is only known once the work has started', () => {
    const lines = captureStderr();
    const bar = createProgressBar('profiling cases', 0);
    bar.update(1, '', 278);
    bar.update(278);
    bar.end();
    const shown = lines.join('');
    expect(shown).toContain('1/278');
    expect(shown).toContain('278/278');
    expect(shown).not.toMatch(/\d+\/0\b/);
    // A quarter-full bar after 1 of 278 would be wrong: it is empty, then full.
    expect(shown).toContain(`[${'.'.repeat(24)}] 1/278`);
    expect(shown).toContain(`[${'#'.repeat(24)}] 278/278`);
  });

  it('writes at most one line per 10 s to a log, but always the last one', () => {
    const lines = captureStderr();
    const bar = createProgressBar('training', 100);
    for (let done = 1; done <= 100; done++) bar.update(done);
    bar.end();
    const written = lines.filter((line) => line.includes('training'));
    expect(written).toHaveLength(2);
    expect(written[1]).toContain('100/100');
  });
});

describe('formatSeconds', () => {
  it('writes minutes and seconds, and ? for an unknown time', () => {
    expect(formatSeconds(59.6)).toBe('1m00s');
    expect(formatSeconds(7)).toBe('7s');
    expect(formatSeconds(Number.NaN)).toBe('?');
  });
});
