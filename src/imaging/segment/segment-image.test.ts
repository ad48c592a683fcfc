import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import { darknessImage, estimateBackground } from './background';
import { findRuleLines, eraseRuleLines } from './rule-lines';
import { segmentImage } from './segment-image';
import { hysteresisThreshold } from './threshold';

function paint(
  image: ReturnType<typeof createGrayImage>,
  x0: number,
  y0: number,
  w: number,
  h: number,
  gray: number,
): void {
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) image.pixels[y * image.width + x] = gray;
}

describe('background and thresholds', () => {
  it('finds the background level and polarity', () => {
    const light = createGrayImage(50, 50, 250);
    paint(light, 10, 10, 10, 20, 80);
    expect(estimateBackground(light)).toMatchObject({ level: 250, lightObjects: false });
    const dark = createGrayImage(50, 50, 10);
    paint(dark, 10, 10, 10, 20, 200);
    const background = estimateBackground(dark);
    expect(background.lightObjects).toBe(true);
    // Darkness is measured from the background towards the objects, whatever the polarity.
    const darkness = darknessImage(dark, background);
    expect(darkness[15 * 50 + 15]).toBeCloseTo(190 / 245, 2);
    expect(darkness[0]).toBe(0);
  });

  it('keeps faint pixels attached to strong ones and drops faint islands', () => {
    const darkness = new Float32Array(30 * 10);
    for (let x = 2; x < 12; x++) darkness[5 * 30 + x] = x < 6 ? 0.5 : 0.1; // strong core, faint tail
    for (let x = 20; x < 26; x++) darkness[5 * 30 + x] = 0.1; // faint island
    const mask = hysteresisThreshold(darkness, 30, 10, { weak: 0.07, strong: 0.22 });
    expect(mask.data[5 * 30 + 11]).toBe(1);
    expect(mask.data[5 * 30 + 22]).toBe(0);
  });
});

describe('rule lines', () => {
  it('finds a baseline under standing chromosomes and erases it without cutting them off', () => {
    const image = createGrayImage(200, 80, 255);
    paint(image, 10, 60, 180, 1, 30); // baseline
    paint(image, 40, 20, 14, 40, 90); // chromosome standing on it
    paint(image, 60, 20, 14, 41, 90); // one overlapping it: loses only the line's row
    paint(image, 100, 10, 70, 14, 90); // one lying flat (long but thick)
    const segmented = segmentImage(image);
    expect(segmented.ruleLines).toHaveLength(1);
    expect(segmented.ruleLines[0]).toMatchObject({ x0: 10, x1: 190, y0: 60 });
    const { mask } = segmented;
    expect(mask.data[60 * 200 + 20]).toBe(0);
    expect(mask.data[59 * 200 + 66]).toBe(1);
    expect(segmented.labelling.components.map((c) => c.area).sort((a, b) => a - b)).toEqual([560, 560, 980]);
  });

  it('does not take a thick horizontal object for a rule', () => {
    const mask = { width: 100, height: 20, data: new Uint8Array(2000) };
    for (let y = 5; y < 15; y++) for (let x = 5; x < 95; x++) mask.data[y * 100 + x] = 1;
    const lines = findRuleLines(mask, { minLength: 20, maxThickness: 3 });
    expect(lines).toHaveLength(0);
    eraseRuleLines(mask, lines, 3);
    expect(mask.data.reduce((s, v) => s + v, 0)).toBe(900);
  });
});
