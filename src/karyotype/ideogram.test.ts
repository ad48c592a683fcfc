import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BAND_LEVELS, CHROMOSOME_TYPES } from '../shared/chromosome-types';
import { BAND_DATA_SOURCE } from './bands-data';
import { ACROCENTRIC_TYPES, chromosomeMetadata } from './chromosome-metadata';
import { getIdeogram } from './ideogram';

describe('ISCN band tables', () => {
  it('are contiguous from p-ter to q-ter with the centromere between p and q at every level', () => {
    for (const level of BAND_LEVELS) {
      for (const type of CHROMOSOME_TYPES) {
        const { bands, length, centromere } = getIdeogram(type, level);
        expect(bands[0]?.start).toBe(0);
        expect(bands.at(-1)?.stop).toBe(length);
        bands.forEach((band, i) => {
          expect(band.stop).toBeGreaterThan(band.start);
          if (i > 0) expect(band.start).toBe(bands[i - 1]?.stop);
        });
        const acen = bands.filter((b) => b.stain === 'acen');
        expect(acen.some((b) => b.arm === 'p' && b.stop === centromere)).toBe(true);
        expect(acen.some((b) => b.arm === 'q' && b.start === centromere)).toBe(true);
      }
    }
  });

  it('put 1p36.3 at the p-ter and 1q44 at the q-ter at 850 (level 700) and 400', () => {
    for (const level of [400, 700] as const) {
      const { bands } = getIdeogram('1', level);
      expect(bands[0]?.name.startsWith('p36.3')).toBe(true);
      expect(bands.at(-1)?.name).toBe('q44');
    }
    expect(getIdeogram('1', 700).bands[0]?.name).toBe('p36.33');
  });

  it('keep ISCN relative lengths: 1 longest, 21 shorter than 22, the same at every level', () => {
    for (const level of BAND_LEVELS) {
      expect(getIdeogram('1', level).length).toBe(15100);
      expect(getIdeogram('21', level).length).toBeLessThan(getIdeogram('22', level).length);
    }
    expect(chromosomeMetadata('21').relativeLength).toBeCloseTo(3200 / 15100, 5);
  });

  it('have short acrocentric p arms with stalks and plausible centromeres elsewhere', () => {
    for (const type of ACROCENTRIC_TYPES) {
      const meta = chromosomeMetadata(type);
      // The ISCN drawing gives every acrocentric the same p-arm size, so on 21 and 22 it is relatively
      // long (stainTrack shrinks it for rendering); on 13–15 it is under a fifth of the length.
      expect(meta.centromereIndex).toBeLessThan(Number(type) < 20 ? 0.25 : 0.4);
      expect(meta.hasSatellites).toBe(true);
    }
    expect(chromosomeMetadata('1').centromereIndex).toBeGreaterThan(0.45);
    expect(chromosomeMetadata('1').centromereIndex).toBeLessThan(0.52);
    expect(chromosomeMetadata('5').centromereIndex).toBeGreaterThan(0.22);
    expect(chromosomeMetadata('5').centromereIndex).toBeLessThan(0.32);
    expect(chromosomeMetadata('19').centromereIndex).toBeGreaterThan(0.4);
    expect(chromosomeMetadata('1').hasSatellites).toBe(false);
    expect(chromosomeMetadata('X').group).toBe('C');
  });

  it('have fewer bands at lower levels, 300 merged from 400 (1p36.3/.2/.1 → 1p36)', () => {
    const count = (level: 300 | 400 | 550 | 700): number =>
      CHROMOSOME_TYPES.reduce((sum, t) => sum + getIdeogram(t, level).bands.length, 0);
    expect(count(300)).toBeLessThan(count(400));
    expect(count(400)).toBeLessThan(count(550));
    expect(count(550)).toBeLessThan(count(700));
    expect(count(700)).toBeGreaterThan(800);
    const p36 = getIdeogram('1', 300).bands[0];
    expect(p36?.name).toBe('p36');
    expect(p36?.stop).toBe(getIdeogram('1', 400).bands.find((b) => b.name === 'p36.1')?.stop);
  });

  it('come from the CC0 ideogram package in a compact generated file', () => {
    expect(BAND_DATA_SOURCE).toMatch(/^ideogram@\d+\.\d+\.\d+ \(CC0-1\.0\)$/);
    const size = statSync(fileURLToPath(new URL('./bands-data.ts', import.meta.url))).size;
    expect(size).toBeLessThan(100_000);
  });

  it('are what scripts/extract-bands.mjs makes from the installed package (not edited by hand)', () => {
    const script = fileURLToPath(new URL('../../scripts/extract-bands.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
