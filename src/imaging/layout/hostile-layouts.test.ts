import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import type { Component } from '../segment/components';
import { groupBrokenParts } from './broken-parts';
import { KaryogramRejectedError } from './karyogram-rejected-error';
import { parseKaryogram } from './parse-karyogram';

/** A column of `bars` bars, each broken in two parts of 14 px with a 2 px gap, 40 px apart. */
function brokenBarParts(bars: number): Component[] {
  const parts: Component[] = [];
  for (let bar = 0; bar < bars; bar++) {
    const x0 = (bar % 60) * 30;
    const y0 = Math.floor(bar / 60) * 40;
    for (const [top, bottom] of [
      [y0, y0 + 14],
      [y0 + 16, y0 + 30],
    ] as const) {
      parts.push({
        label: parts.length + 1,
        area: 11 * 14,
        box: { x0, y0: top, x1: x0 + 11, y1: bottom },
        centroidX: x0 + 5,
        centroidY: (top + bottom - 1) / 2,
      });
    }
  }
  // One whole bar as tall as a broken one, so that two stacked parts fit within "the tallest".
  parts.push({
    label: parts.length + 1,
    area: 330,
    box: { x0: 0, y0: 4000, x1: 11, y1: 4030 },
    centroidX: 5,
    centroidY: 4015,
  });
  return parts;
}

/** 2,400 bars of 11 × 30 px, each broken across a 2 px pale gap, and one whole: a 5 KB PNG's worth. */
function brokenBarsImage(): GrayImage {
  const image = createGrayImage(1800, 1700);
  const parts = brokenBarParts(2400);
  for (const { box } of parts) {
    for (let y = box.y0 + 4; y < Math.min(box.y1 + 4, image.height); y++)
      for (let x = box.x0 + 4; x < box.x1 + 4; x++) image.pixels[y * image.width + x] = 40;
  }
  return image;
}

describe('layouts that once took minutes', () => {
  it('joins the two parts of each of 1,200 broken bars', () => {
    const debris: Component[] = [];
    const groups = groupBrokenParts(brokenBarParts(1200), [], [], 11, debris);
    // 1,200 joined bars and the whole one.
    expect(groups).toHaveLength(1201);
    expect(groups.filter((g) => g.length === 2)).toHaveLength(1200);
    expect(debris).toEqual([]);
  });

  it('refuses 2,400 broken bars as too many objects before joining their parts', () => {
    let refusal: unknown = null;
    try {
      parseKaryogram(brokenBarsImage());
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(KaryogramRejectedError);
    expect((refusal as KaryogramRejectedError).reason).toBe('too-many-objects');
    expect((refusal as KaryogramRejectedError).detail).toMatch(/before broken ones are joined/);
  });
});
