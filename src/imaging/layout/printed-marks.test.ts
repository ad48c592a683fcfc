import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import { karyogramSlots } from '../../karyotype/karyogram-layout';
import { renderedKaryogram } from '../testing/rendered-cells';
import { parseKaryogram } from './parse-karyogram';

/** Fills the box (x0, y0)–(x1, y1) of `image` with `gray`. */
function fill(image: GrayImage, x0: number, y0: number, x1: number, y1: number, gray: number): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) image.pixels[y * image.width + x] = gray;
}

/**
 * A 46,XY karyogram without baselines or numbers, 40 px of margin on top, and marks printed as a vendor
 * in colour prints them (AICS-5-50): under each slot a number drawn as a solid mid-gray 11 × 13 px blob,
 * as thick as a thin chromosome but a tenth of a large one's area (no ink dark enough for bold print),
 * and a title above the rows as two flat blobs.
 */
function markedKaryogram(): GrayImage {
  const margin = 40;
  const { image } = renderedKaryogram('46,XY', { numbers: false, baselines: 'none', margin });
  for (const slot of karyogramSlots(image.width - margin, image.height - margin)) {
    const x = margin + Math.round(slot.x + slot.width / 2 - 5);
    const y = margin + slot.baselineY + 20;
    fill(image, x, y, x + 11, y + 13, 90);
  }
  fill(image, 20, 10, 90, 24, 90);
  fill(image, 96, 10, 150, 24, 90);
  return image;
}

describe('marks printed on a karyogram are no chromosomes', () => {
  it('reads 46,XY past slot numbers as thick as a chromosome and a title line', () => {
    const layout = parseKaryogram(markedKaryogram());
    const counts: Record<string, number> = {};
    for (const c of layout.chromosomes) counts[c.type] = (counts[c.type] ?? 0) + 1;
    const expected: Record<string, number> = {};
    for (const type of CHROMOSOME_TYPES) expected[type] = type === 'X' || type === 'Y' ? 1 : 2;
    expect(counts).toEqual(expected);
    expect(layout.rows).toHaveLength(4);
    expect(layout.warnings).toEqual([]);
  });
});
