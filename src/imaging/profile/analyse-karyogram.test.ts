import { describe, expect, it } from 'vitest';
import { PROFILE_LENGTH } from '../../shared/profile';
import { pearson } from '../../shared/statistics';
import { KaryogramRejectedError } from '../layout/karyogram-rejected-error';
import { renderedKaryogram, renderedSpread } from '../testing/rendered-cells';
import { analyseKaryogram, type AnalysedChromosome, type AnalysisStage } from './analyse-karyogram';
import { straighteningDoubtful } from './axis-coverage';

function meanProfile(c: AnalysedChromosome): Float32Array {
  const out = new Float32Array(c.samples);
  for (let i = 0; i < c.samples; i++)
    out[i] = 0.5 * ((c.profile[i] ?? 0) + (c.profile[PROFILE_LENGTH + i] ?? 0));
  return out;
}

/** Correlation of two profiles after stretching the second to the length of the first. */
function alignedCorrelation(a: Float32Array, b: Float32Array): number {
  const n = a.length;
  const stretched = Array.from(
    { length: n },
    (_, i) => b[Math.min(b.length - 1, Math.round((i * (b.length - 1)) / Math.max(1, n - 1)))] ?? 0,
  );
  return pearson(a, stretched, n);
}

describe('analyseKaryogram', () => {
  const { image } = renderedKaryogram('46,XY', { curled: ['2'], touching: ['9'] });

  it('returns typed chromosomes with straightened images, profiles at one scale and a band level', async () => {
    const stages: [AnalysisStage, number][] = [];
    const result = await analyseKaryogram(image, {
      onProgress: (stage, fraction) => stages.push([stage, fraction]),
    });
    expect(result.chromosomes).toHaveLength(46);
    expect(stages.map(([s]) => s)).toEqual(['layout', 'profiles', 'band-level', 'band-level']);
    expect(stages.map(([, f]) => f)).toEqual([...stages.map(([, f]) => f)].sort((a, b) => a - b));
    const longest = Math.max(...result.chromosomes.map((c) => c.samples));
    expect(longest).toBeGreaterThan(0.85 * PROFILE_LENGTH);
    expect(longest).toBeLessThanOrEqual(PROFILE_LENGTH);
    for (const c of result.chromosomes) {
      expect(c.straightened.height).toBeGreaterThan(10);
      // One scale for the whole cell: samples = axis length × that scale, give or take the samples at the
      // ends (a ratio would not do: on a chromosome 21 of 20 pixels, 2 samples move it by 0.1).
      expect(Math.abs(c.samples - c.axisLength * result.samplesPerPixel)).toBeLessThanOrEqual(2);
      // Curled chromosome 2 and touching chromosomes 9 too are straightened along their whole length.
      expect(straighteningDoubtful(c.axisCoverage)).toBe(false);
    }
    expect(result.warnings.join('\n')).not.toContain('straightening doubtful');
    expect([300, 400, 550, 700]).toContain(result.bandLevel.value);
    expect(result.bandLevel.confidence).toBeGreaterThan(0);
  });

  it('gives homologs more alike profiles than chromosomes of other types', async () => {
    const result = await analyseKaryogram(image, { bandLevel: 400 });
    expect(result.bandLevel).toMatchObject({ value: 400, overridden: true });
    const homologous: number[] = [];
    const other: number[] = [];
    const byType = new Map<string, AnalysedChromosome[]>();
    for (const c of result.chromosomes) byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
    const firsts = [...byType.values()]
      .map((cs) => cs[0])
      .filter((c): c is AnalysedChromosome => c !== undefined);
    for (const cs of byType.values()) {
      const [a, b] = cs;
      if (a && b) homologous.push(alignedCorrelation(meanProfile(a), meanProfile(b)));
    }
    for (let i = 1; i < firsts.length; i++) {
      const a = firsts[i - 1];
      const b = firsts[i];
      if (a && b) other.push(alignedCorrelation(meanProfile(a), meanProfile(b)));
    }
    const median = (v: number[]): number => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)] ?? 0;
    // Painted like real preparations, every type has pale rounded ends and a stained centromere, which
    // lifts the correlation of unrelated types (about 0.6 here), and the two homologs are stained and
    // bent independently (about 0.89).
    expect(median(homologous)).toBeGreaterThan(0.85);
    expect(median(homologous)).toBeGreaterThan(median(other) + 0.2);
  });

  it('honours an aborted signal and passes on layout refusals', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await expect(analyseKaryogram(image, { signal: controller.signal })).rejects.toThrow('user cancelled');
    await expect(analyseKaryogram(renderedSpread(3))).rejects.toBeInstanceOf(KaryogramRejectedError);
  });

  it('stops between stages when aborted during the analysis', async () => {
    const controller = new AbortController();
    const seen: AnalysisStage[] = [];
    const run = analyseKaryogram(image, {
      signal: controller.signal,
      onProgress: (stage) => {
        seen.push(stage);
        if (stage === 'profiles') controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(seen).toEqual(['layout', 'profiles']);
  });

  it('lets a cancel posted while it works land within a stage, not after it', async () => {
    // As in the worker: the cancel is a message (a macrotask) that arrives while the analysis runs.
    // Work that never lets a macrotask in would finish the whole cell before seeing it.
    const controller = new AbortController();
    const seen: AnalysisStage[] = [];
    setTimeout(() => {
      controller.abort(new DOMException('cancelled by the user', 'AbortError'));
    }, 0);
    const run = analyseKaryogram(image, {
      signal: controller.signal,
      onProgress: (stage) => seen.push(stage),
    });
    await expect(run).rejects.toThrow(/cancelled by the user/);
    expect(seen).not.toContain('band-level');
  });
});

describe('analyseKaryogram geometry', () => {
  it('reports each medial axis in image pixels, inside the chromosome box, p-ter at the top', async () => {
    const { image } = renderedKaryogram('46,XY');
    const result = await analyseKaryogram(image);
    for (const c of result.chromosomes) {
      const first = c.axis[0];
      const last = c.axis[c.axis.length - 1];
      if (first === undefined || last === undefined) throw new Error('empty axis');
      expect(first.y).toBeLessThan(last.y);
      for (const p of [first, last]) {
        expect(p.x).toBeGreaterThanOrEqual(c.box.x0 - 2);
        expect(p.x).toBeLessThanOrEqual(c.box.x1 + 1);
        expect(p.y).toBeGreaterThanOrEqual(c.box.y0 - 2);
        expect(p.y).toBeLessThanOrEqual(c.box.y1 + 1);
      }
    }
  });
});
