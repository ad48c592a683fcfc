/**
 * A time for the report in the reader's local time with its zone, e.g. `6 Dec 2026, 21:40 GMT+1
 * (Europe/Berlin)`: a signed report read in another lab, or later, must say which clock it means. The
 * offset comes from the time itself (summer time included); `timeZone` is for tests, the browser's own
 * zone otherwise.
 */
export function reportTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
    ...(timeZone === undefined ? {} : { timeZone }),
  };
  const format = new Intl.DateTimeFormat('en-GB', options);
  return `${format.format(date)} (${format.resolvedOptions().timeZone})`;
}
