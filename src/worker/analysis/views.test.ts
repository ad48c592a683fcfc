import { describe, expect, it } from 'vitest';
import { generateCase } from '../../karyotype/synthetic-case';
import { cellTrueProfiles } from '../../karyotype/true-profile';
import type { CaseChromosome } from '../../pipeline/profiles/profiled-case';
import { typeMismatch } from '../../pipeline/verdict/block-placement';
import { pairMismatch } from '../../pipeline/verdict/profile-alignment';
import { PROFILE_LENGTH } from '../../shared/profile';
import type { StoredCase } from './stored-case';
import { TransferList, typeViewOf } from './views';

/**
 * A chromosome 3 of a synthetic cell, its part from `from` to `to` (fractions) present twice when asked,
 * and its first 45 % drawn `stretch` times longer (a homolog's bands differ in length).
 */
function three(
  seed: number,
  duplicate: readonly [number, number] | null,
  homolog: number,
  stretch = 1,
): CaseChromosome {
  const cell = generateCase({ karyotype: '46,XX', cells: 1, level: 400, seed }).cells[0];
  const normal = cell ? cellTrueProfiles(cell.karyogram).find((p) => p.type === '3') : undefined;
  if (!normal) throw new Error('no chromosome 3');
  const n = normal.profile.length;
  const head = Math.round(0.45 * n);
  const order = [
    ...Array.from({ length: Math.round(head * stretch) }, (_, x) =>
      Math.min(head - 1, Math.floor(x / stretch)),
    ),
    ...Array.from({ length: n - head }, (_, k) => head + k),
  ];
  if (duplicate) {
    const [from, to] = duplicate.map((f) => Math.round(f * n)) as [number, number];
    order.splice(to, 0, ...order.slice(from, to));
  }
  const profile = new Float32Array(2 * PROFILE_LENGTH);
  order.forEach((k, i) => {
    profile[i] = normal.profile.profile[k] ?? 0;
    profile[PROFILE_LENGTH + i] = normal.profile.profile[PROFILE_LENGTH + k] ?? 0;
  });
  return {
    type: '3',
    homolog,
    profile,
    samples: order.length,
    straightened: { width: 1, height: 1, pixels: new Uint8Array(1) },
    confidence: 1,
  };
}

function storedCase(): StoredCase {
  const cells = [1, 2, 3].map((seed) => ({
    id: `cell${String(seed)}`,
    source: `cell${String(seed)}.png`,
    bandLevel: { value: 400 as const, confidence: 1, bandsPerHaploidSet: 400, overridden: false },
    chromosomes: [three(seed, null, 0), three(seed, [0.6, 0.75], 1, seed === 2 ? 1.3 : 1)],
    warnings: [],
  }));
  const pair = { alpha: 0.3, attention: [] };
  return {
    id: 'c',
    name: 'c',
    origin: 'files',
    files: [],
    profiled: { id: 'c', errors: [], cells },
    excluded: [],
    verdicts: [],
    details: new Map([
      [
        '3',
        {
          prediction: { probability: 0.9, pairs: [pair, pair, pair], attentionShape: [] } as never,
          cells: cells.map((c) => c.id),
        },
      ],
    ]),
    typeErrors: new Map(),
    model: { id: 'm', sha256: 's', threshold: 0.5 },
    regionSamples: 32,
    backend: 'wasm',
    analysedAt: '',
  };
}

describe('typeViewOf', () => {
  it("shows each pair's mismatch as the verdict's region was located from: the type's pairs aligned together", () => {
    const stored = storedCase();
    const view = typeViewOf(stored, '3', 32, new TransferList());
    const pairs = stored.profiled.cells.map((cell) => {
      const [a, b] = cell.chromosomes;
      if (!a || !b) throw new Error('pair missing');
      return [a, b] as const;
    });
    const together = typeMismatch(pairs);
    view.cells.forEach((cell, i) => {
      expect(Array.from(cell.pair?.mismatch[1] ?? [])).toEqual(Array.from(together[i]?.[1] ?? []));
    });
    // The fixture tells the two apart: aligned alone, at least one pair places its extra block elsewhere.
    const alone = pairs.map(([a, b]) => pairMismatch(a, b));
    expect(alone.some((m, i) => Array.from(m[1]).join() !== Array.from(together[i]?.[1] ?? []).join())).toBe(
      true,
    );
  });
});
