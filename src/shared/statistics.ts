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
