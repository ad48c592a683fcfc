import { describe, expect, it } from 'vitest';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { PROFILE_LENGTH } from '../../shared/profile';
import type { CaseChromosome } from '../../pipeline/profiles/profiled-case';
import { applyCorrection, flipped } from './corrections';
import type { StoredCase } from './stored-case';

function chromosome(type: ChromosomeType, homolog: number, samples = 3): CaseChromosome {
  const profile = new Float32Array(2 * PROFILE_LENGTH);
  for (let i = 0; i < samples; i++) {
    profile[i] = i + 1; // left half: 1, 2, 3
    profile[PROFILE_LENGTH + i] = 10 * (i + 1); // right half: 10, 20, 30
  }
  return {
    type,
    homolog,
    profile,
    samples,
    straightened: { width: 2, height: 2, pixels: Uint8Array.from([1, 2, 3, 4]) },
    confidence: 0.9,
  };
}

function stored(): StoredCase {
  return {
    id: 'c',
    name: 'c',
    origin: 'files',
    files: [],
    profiled: {
      id: 'c',
      errors: [],
      cells: [
        {
          id: 'cell1',
          source: 'cell1.png',
          bandLevel: { value: 400, confidence: 0.5, bandsPerHaploidSet: 390, overridden: false },
          chromosomes: [chromosome('9', 0), chromosome('9', 1), chromosome('10', 0), chromosome('10', 1)],
          warnings: [],
        },
      ],
    },
    excluded: [],
    verdicts: [],
    details: new Map(),
    typeErrors: new Map(),
    model: { id: 'm', sha256: 's', threshold: 0.5 },
    regionSamples: 32,
    backend: 'cpu',
    analysedAt: '',
  };
}

const typesOf = (s: StoredCase): string[] =>
  s.profiled.cells[0]?.chromosomes.map((c) => `${c.type}_${c.homolog}`) ?? [];

describe('corrections', () => {
  it('turns a drawn centre line with its chromosome when it is flipped', () => {
    const line = [
      { x: 1, y: 2 },
      { x: 2, y: 9 },
    ];
    const automatic = [
      { x: 1, y: 1 },
      { x: 1, y: 10 },
    ];
    const drawn: CaseChromosome = {
      ...chromosome('9', 0),
      axisPicture: { image: { width: 4, height: 12, pixels: new Uint8Array(48) }, axis: line },
      manualCentreLine: { points: line, earlier: [automatic], automatic: { axis: automatic } },
    };
    const turned = flipped(drawn);
    expect(turned.axisPicture?.axis).toEqual([...line].reverse());
    expect(turned.manualCentreLine?.points).toEqual([...line].reverse());
    expect(turned.manualCentreLine?.earlier).toEqual([[...automatic].reverse()]);
    expect(turned.manualCentreLine?.automatic.axis).toEqual([...automatic].reverse());
  });

  it('flips p-ter to q-ter and swaps the left and right halves', () => {
    const turned = flipped(chromosome('9', 0));
    expect(Array.from(turned.profile.slice(0, 4))).toEqual([30, 20, 10, 0]);
    expect(Array.from(turned.profile.slice(PROFILE_LENGTH, PROFILE_LENGTH + 4))).toEqual([3, 2, 1, 0]);
    expect(Array.from(turned.straightened.pixels)).toEqual([4, 3, 2, 1]);
  });

  it('moves p-ter to the other end of the axis drawn over the chromosome as found', () => {
    const axis = [
      { x: 1, y: 1 },
      { x: 1, y: 2 },
      { x: 2, y: 3 },
    ];
    const image = { width: 3, height: 4, pixels: new Uint8Array(12) };
    const turned = flipped({ ...chromosome('9', 0), axisPicture: { image, axis } });
    expect(turned.axisPicture?.axis).toEqual([...axis].reverse());
    expect(turned.axisPicture?.image).toBe(image);
    // Twice is where it started; a chromosome saved without a picture gets none.
    expect(flipped(turned).axisPicture?.axis).toEqual(axis);
    expect(flipped(chromosome('9', 0)).axisPicture).toBeUndefined();
  });

  it('moves a chromosome to another type, renumbers, and names both types as affected', async () => {
    const s = stored();
    const affected = await applyCorrection(s, {
      kind: 'move',
      chromosome: { cell: 'cell1', type: '9', homolog: 0 },
      to: '10',
    });
    expect(affected).toEqual(['9', '10']);
    expect(typesOf(s).sort()).toEqual(['10_0', '10_1', '10_2', '9_0']);
  });

  it('excludes a chromosome (its type only) or a whole cell (every type)', async () => {
    const s = stored();
    expect(
      await applyCorrection(s, {
        kind: 'exclude-chromosome',
        chromosome: { cell: 'cell1', type: '10', homolog: 0 },
      }),
    ).toEqual(['10']);
    expect(typesOf(s).sort()).toEqual(['10_0', '9_0', '9_1']);
    expect(await applyCorrection(s, { kind: 'exclude-cell', cell: 'cell1', excluded: true })).toBe('all');
    expect(s.excluded).toEqual(['cell1']);
  });

  it('sets a band level as the reviewer’s', async () => {
    const s = stored();
    await applyCorrection(s, { kind: 'band-level', cell: 'cell1', level: 700 });
    expect(s.profiled.cells[0]?.bandLevel).toMatchObject({ value: 700, confidence: 1, overridden: true });
  });
});
