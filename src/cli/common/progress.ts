/**
 * A one-line progress bar with ETA on stderr (stdout stays for results). `update` may pass the total when
 * it is only known once the work has started (a dataset counts its cases while loading).
 */
export function createProgressBar(
  label: string,
  initialTotal: number,
): { update(done: number, note?: string, total?: number): void; end(): void } {
  let total = initialTotal;
  const start = Date.now();
  const interactive = process.stderr.isTTY;
  let lastLine = 0;
  return {
    update(done, note = '', newTotal) {
      if (newTotal !== undefined) total = newTotal;
      const now = Date.now();
      if (!interactive && now - lastLine < 10_000 && done < total) return;
      lastLine = now;
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const elapsed = (now - start) / 1000;
      const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : Number.NaN;
      const width = 24;
      const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '.');
      const text = `${label} [${bar}] ${done}/${total} ${formatSeconds(elapsed)} elapsed, ETA ${formatSeconds(eta)} ${note}`;
      process.stderr.write(interactive ? `\r${text}\x1b[K` : `${text}\n`);
    },
    end() {
      if (interactive) process.stderr.write('\n');
    },
  };
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
