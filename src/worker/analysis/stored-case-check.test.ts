import { describe, expect, it } from 'vitest';
import { emptyProfile } from '../../shared/profile';
import type { StoredCase } from './stored-case';
import { checkStoredCase } from './stored-case';

function storedCase(): StoredCase {
  return {
    id: 'case-1',
    name: 'case one',
    origin: 'files',
    files: [{ path: 'a.png', bytes: new Uint8Array([1, 2, 3]) }],
    profiled: {
      id: 'case-1',
      errors: [],
      cells: [
        {
          id: 'a',
          source: 'a.png',
          bandLevel: { value: 400, confidence: 0.8, bandsPerHaploidSet: 400, overridden: false },
          warnings: [],
          chromosomes: [
            {
              type: '1',
              homolog: 0,
              profile: emptyProfile(),
              samples: 300,
              straightened: { width: 2, height: 3, pixels: new Uint8Array(6) },
              axisPicture: {
                image: { width: 3, height: 4, pixels: new Uint8Array(12) },
                axis: [
                  { x: 1, y: 0.5 },
                  { x: 1, y: 3 },
                ],
                recipe: {
                  mask: { width: 3, height: 4, data: new Uint8Array(12) },
                  background: { level: 230, lightObjects: false },
                  width: 2,
                  samplesPerPixel: 3,
                },
              },
              manualCentreLine: {
                points: [
                  { x: 1, y: 0 },
                  { x: 1, y: 3 },
                ],
                earlier: [],
                automatic: { axis: [{ x: 1, y: 0.5 }], axisCoverage: 1 },
              },
              confidence: 1,
            },
          ],
        },
      ],
    },
    excluded: [],
    verdicts: [],
    details: new Map(),
    typeErrors: new Map(),
    model: { id: 'm', sha256: '0'.repeat(64), threshold: 0.5 },
    regionSamples: 32,
    backend: 'wasm',
    analysedAt: '2026-01-01T00:00:00Z',
  };
}

type Mutable = Record<string, unknown> & {
  profiled: { cells: { chromosomes: Record<string, unknown>[] }[] };
};

describe('checkStoredCase', () => {
  it('accepts what the worker saves (after an IndexedDB-like clone)', () => {
    const saved = structuredClone(storedCase());
    expect(checkStoredCase(saved, 'case-1')).toBe(saved);
  });

  it.each<[string, (entry: Mutable) => void, string]>([
    [
      'a truncated profile',
      (e) => {
        const c = e.profiled.cells[0]?.chromosomes[0];
        if (c) c.profile = new Float32Array(10);
      },
      'profiled.cells[0].chromosomes[0].profile holds 10 values, 1024 expected (truncated?)',
    ],
    [
      'an image with too few pixels',
      (e) => {
        const c = e.profiled.cells[0]?.chromosomes[0];
        if (c) c.straightened = { width: 2, height: 3, pixels: new Uint8Array(5) };
      },
      'profiled.cells[0].chromosomes[0].straightened.pixels holds 5 values, 6 expected (truncated?)',
    ],
    [
      'an axis picture whose axis lost a coordinate',
      (e) => {
        const c = e.profiled.cells[0]?.chromosomes[0];
        if (c)
          c.axisPicture = { image: { width: 1, height: 1, pixels: new Uint8Array(1) }, axis: [{ x: 0 }] };
      },
      'profiled.cells[0].chromosomes[0].axisPicture.axis[0].y is not a number',
    ],
    [
      'a straightening mask of another size than its picture',
      (e) => {
        const c = e.profiled.cells[0]?.chromosomes[0];
        const picture = c?.axisPicture as { recipe: { mask: unknown } } | undefined;
        if (picture) picture.recipe.mask = { width: 2, height: 4, data: new Uint8Array(8) };
      },
      'profiled.cells[0].chromosomes[0].axisPicture.recipe.mask is not the size of its picture',
    ],
    [
      'a drawn centre line whose earlier line lost a coordinate',
      (e) => {
        const c = e.profiled.cells[0]?.chromosomes[0];
        if (c) c.manualCentreLine = { points: [], earlier: [[{ y: 1 }]], automatic: { axis: [] } };
      },
      'profiled.cells[0].chromosomes[0].manualCentreLine.earlier[0][0].x is not a number',
    ],
    [
      'a profile stored as a plain list',
      (e) => {
        const c = e.profiled.cells[0]?.chromosomes[0];
        if (c) c.profile = [0, 1];
      },
      'profiled.cells[0].chromosomes[0].profile is not a Float32Array',
    ],
    [
      'details that are not a map',
      (e) => {
        e.details = {};
      },
      'details is not a map',
    ],
    [
      'no profiled cells',
      (e) => {
        e.profiled = { id: 'x', errors: [] } as unknown as Mutable['profiled'];
      },
      'profiled.cells is not a list',
    ],
  ])('refuses %s, naming the case and the field', (_what, damage, problem) => {
    const entry = structuredClone(storedCase()) as unknown as Mutable;
    damage(entry);
    expect(() => checkStoredCase(entry, 'case-1')).toThrow(
      `the saved results of case case-1 are damaged (${problem})`,
    );
  });

  it('refuses an entry that is not an object at all', () => {
    expect(() => checkStoredCase('garbage', 'case-9')).toThrow(
      'case case-9 are damaged (the entry is not an object)',
    );
  });
});
