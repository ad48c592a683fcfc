import { describe, expect, it } from 'vitest';
import { reportTime } from './report-time';

describe('reportTime', () => {
  it('gives the local date and time with the offset and the zone name', () => {
    expect(reportTime('2026-12-06T20:40:00.000Z', 'Europe/Berlin')).toBe(
      '6 Dec 2026, 21:40 GMT+1 (Europe/Berlin)',
    );
    // Summer time is the time's own offset, not today's.
    expect(reportTime('2026-07-06T20:40:00.000Z', 'Europe/Berlin')).toBe(
      '6 Jul 2026, 22:40 GMT+2 (Europe/Berlin)',
    );
    expect(reportTime('2026-12-06T20:40:00.000Z', 'America/New_York')).toBe(
      '6 Dec 2026, 15:40 GMT-5 (America/New_York)',
    );
  });

  it('keeps a text that is not a time as it is', () => {
    expect(reportTime('yesterday')).toBe('yesterday');
  });
});
