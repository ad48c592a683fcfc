import type { BinaryMask, PixelBox } from './mask';

/** A thin horizontal rule (a karyogram baseline), pixels. */
export interface RuleLine {
  /** Horizontal extent, pixels (`x1` exclusive). */
  readonly x0: number;
  readonly x1: number;
  /** Vertical extent, pixels (`y1` exclusive). */
  readonly y0: number;
  readonly y1: number;
}

/** What counts as a rule line, in pixels. */
export interface RuleLineOptions {
  /** Shortest run that counts as a rule, pixels. */
  readonly minLength: number;
  /** Thickest stroke that counts as a rule, pixels. */
  readonly maxThickness: number;
}

/**
 * Finds thin horizontal rules: runs of object pixels at least `minLength` long on one row where the
 * vertical stroke is at most `maxThickness` thick in most columns. A chromosome standing on its baseline
 * thickens a few columns but does not break the run; chromosomes lying flat are thick throughout, so
 * they do not qualify even when they are long.
 */
export function findRuleLines(mask: BinaryMask, options: RuleLineOptions): RuleLine[] {
  const { width, height, data } = mask;
  const thin = new Uint8Array(width * height);
  // A pixel is "thin" when the vertical run of object pixels through it is at most maxThickness long.
  for (let x = 0; x < width; x++) {
    let y = 0;
    while (y < height) {
      if (data[y * width + x] === 0) {
        y++;
        continue;
      }
      let end = y;
      while (end < height && data[end * width + x] !== 0) end++;
      if (end - y <= options.maxThickness) for (let k = y; k < end; k++) thin[k * width + x] = 1;
      y = end;
    }
  }
  const found: RuleLine[] = [];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (data[row + x] === 0) {
        x++;
        continue;
      }
      let end = x;
      let thinCount = 0;
      while (end < width && data[row + end] !== 0) {
        thinCount += thin[row + end] ?? 0;
        end++;
      }
      if (end - x >= options.minLength && thinCount >= 0.3 * (end - x)) {
        found.push({ x0: x, x1: end, y0: y, y1: y + 1 });
      }
      x = end;
    }
  }
  return mergeStackedRuns(found);
}

/** Joins runs on adjacent rows that overlap horizontally into one rule of some thickness. */
function mergeStackedRuns(runs: readonly RuleLine[]): RuleLine[] {
  const merged: RuleLine[] = [];
  for (const run of runs) {
    const target = merged.find(
      (m) => run.y0 <= m.y1 && run.y0 >= m.y0 - 1 && Math.min(m.x1, run.x1) - Math.max(m.x0, run.x0) > 0,
    );
    if (target === undefined) {
      merged.push({ ...run });
      continue;
    }
    const index = merged.indexOf(target);
    merged[index] = {
      x0: Math.min(target.x0, run.x0),
      x1: Math.max(target.x1, run.x1),
      y0: Math.min(target.y0, run.y0),
      y1: Math.max(target.y1, run.y1),
    };
  }
  return merged;
}

/**
 * Clears the pixels of rules from a mask (in place) where the stroke is thin, so a chromosome resting on
 * its baseline comes loose without losing its own pixels.
 */
export function eraseRuleLines(mask: BinaryMask, lines: readonly RuleLine[], maxThickness: number): void {
  const { width, height, data } = mask;
  for (const line of lines) {
    const top = Math.max(0, line.y0 - 1);
    const bottom = Math.min(height, line.y1 + 1);
    for (let x = line.x0; x < line.x1; x++) {
      // Measure the stroke through the line in this column; a chromosome standing on it makes it thick.
      let y0 = top;
      while (y0 > 0 && data[(y0 - 1) * width + x] !== 0) y0--;
      let y1 = bottom;
      while (y1 < height && data[y1 * width + x] !== 0) y1++;
      const thick = y1 - y0 > maxThickness + 2;
      for (let y = top; y < bottom; y++) {
        if (!thick || (y >= line.y0 && y < line.y1)) data[y * width + x] = 0;
      }
    }
  }
}

/** The box of a rule, for geometry helpers. */
export function ruleBox(line: RuleLine): PixelBox {
  return { x0: line.x0, y0: line.y0, x1: line.x1, y1: line.y1 };
}
