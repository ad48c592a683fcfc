/**
 * Pearson correlation of the first `n` values of two series (all of the shorter one by default).
 * A constant series has no correlation to speak of: 0 rather than NaN.
 */
export function pearson(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  n = Math.min(a.length, b.length),
): number {
  if (n === 0) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] ?? 0;
    mb += b[i] ?? 0;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] ?? 0) - ma;
    const db = (b[i] ?? 0) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** The median: the middle value, or the mean of the two middle values of an even count; NaN when empty. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : 0.5 * ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN));
}

/**
 * The upper median: the middle value, or the upper of the two middle values of an even count (always one
 * of the values, e.g. a whole number of flags); NaN when empty.
 */
export function upperMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}
