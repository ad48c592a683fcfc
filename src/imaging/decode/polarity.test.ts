import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import { detectPolarity, detectSharedPolarity, invertGray, normalisePolarity } from './polarity';

/** A karyogram-like picture: white page, banded dark chromosomes, a printed number, a thin rule line. */
function syntheticGBand(background = 250): GrayImage {
  const image = createGrayImage(200, 160, background);
  const set = (x: number, y: number, value: number): void => {
    image.pixels[y * image.width + x] = value;
  };
  for (let chromosome = 0; chromosome < 8; chromosome++) {
    const left = 20 + chromosome * 20;
    for (let y = 20; y < 20 + 30 + chromosome * 8; y++) {
      for (let x = left; x < left + 9; x++) set(x, y, y % 12 < 5 ? 40 : 150); // dark and pale bands
    }
  }
  for (let x = 10; x < 190; x++) set(x, 140, 0); // baseline
  for (let y = 145; y < 152; y++) for (let x = 30; x < 34; x++) set(x, y, 10); // a printed "1"
  return image;
}

/** Draws a frame `thickness` pixels wide around the image. */
function withFrame(image: GrayImage, thickness: number, value: number): GrayImage {
  const pixels = image.pixels.slice();
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const edge = Math.min(x, y, image.width - 1 - x, image.height - 1 - y);
      if (edge < thickness) pixels[y * image.width + x] = value;
    }
  }
  return { ...image, pixels };
}

describe('detectPolarity', () => {
  it('sees G-banding as dark-on-light and its inversion as light-on-dark', () => {
    const gBand = syntheticGBand();
    const estimate = detectPolarity(gBand);
    expect(estimate.polarity).toBe('dark-on-light');
    expect(estimate.confidence).toBeGreaterThan(0.8);
    expect(estimate.background).toBeGreaterThan(240);
    const dapi = detectPolarity(invertGray(gBand));
    expect(dapi.polarity).toBe('light-on-dark');
    expect(dapi.confidence).toBeGreaterThan(0.8);
  });

  it('judges against the background, not mid-gray: a dim DAPI image and a gray page', () => {
    // DAPI: background 25, chromosomes 70–150, all below mid-gray.
    const dim = syntheticGBand(25);
    dim.pixels.forEach((value, index) => {
      if (value !== 25) dim.pixels[index] = value < 100 ? 150 : 70;
    });
    expect(detectPolarity(dim).polarity).toBe('light-on-dark');
    expect(detectPolarity(syntheticGBand(190)).polarity).toBe('dark-on-light');
  });

  it('is not swayed by frames or borders', () => {
    expect(detectPolarity(withFrame(syntheticGBand(), 8, 0)).polarity).toBe('dark-on-light');
    expect(detectPolarity(withFrame(invertGray(syntheticGBand()), 8, 255)).polarity).toBe('light-on-dark');
    expect(detectPolarity(withFrame(invertGray(syntheticGBand()), 8, 0)).polarity).toBe('light-on-dark');
  });

  it('has no confidence in a blank image', () => {
    expect(detectPolarity(createGrayImage(50, 50, 255))).toEqual({
      polarity: 'dark-on-light',
      confidence: 0,
      background: 255,
    });
  });
});

describe('normalisePolarity', () => {
  it('inverts light-on-dark images back to the original and leaves dark-on-light ones alone', () => {
    const gBand = syntheticGBand();
    const kept = normalisePolarity(gBand);
    expect(kept.inverted).toBe(false);
    expect(kept.image).toBe(gBand);
    const restored = normalisePolarity(invertGray(gBand));
    expect(restored.inverted).toBe(true);
    expect(restored.image.pixels).toEqual(gBand.pixels);
  });

  it('leaves an ambiguous image alone', () => {
    const half = createGrayImage(100, 100, 128);
    half.pixels.fill(20, 0, 2500);
    half.pixels.fill(236, 2500, 5200);
    const result = normalisePolarity(half, { minConfidence: 0.5 });
    expect(result.estimate.confidence).toBeLessThan(0.5);
    expect(result.inverted).toBe(false);
  });
});

describe('detectSharedPolarity', () => {
  it('lets a cell outvote a crop that fools the single-image estimate', () => {
    // A tight crop: mid-gray body over most of the picture, a little white background, a few dark bands.
    const tight = createGrayImage(20, 40, 110);
    for (let y = 0; y < 40; y++) {
      for (let x = 0; x < 20; x++) {
        if (x < 2 || x > 17) tight.pixels[y * 20 + x] = 255;
        else if (y % 10 < 2) tight.pixels[y * 20 + x] = 40;
      }
    }
    expect(detectPolarity(tight).polarity).toBe('light-on-dark');
    const cell = [tight, syntheticGBand(), syntheticGBand(240)];
    expect(detectSharedPolarity(cell).polarity).toBe('dark-on-light');
    expect(detectSharedPolarity(cell.map(invertGray)).polarity).toBe('light-on-dark');
    expect(detectSharedPolarity([])).toEqual({ polarity: 'dark-on-light', confidence: 0, background: 255 });
  });
});
