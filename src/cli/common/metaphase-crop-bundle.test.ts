import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import {
  A_3_TOUCHING_A_7,
  FREE_PAIRS_1_2_AND_A_3,
  stripedBands,
  syntheticMetaphase,
  type DrawnChromosome,
} from '../../imaging/testing/synthetic-metaphase';
import { decodeImage } from '../../imaging/decode/decode-image';
import { metaphaseCropBundle } from './metaphase-crop-bundle';

/** Free pairs of 1 and 2, a 3 that touches a 7, and a third free 1. */
const CHROMOSOMES: DrawnChromosome[] = [
  ...FREE_PAIRS_1_2_AND_A_3.slice(0, 4),
  ...A_3_TOUCHING_A_7,
  {
    label: 'A1',
    path: [
      { x: 100, y: 150 },
      { x: 180, y: 215 },
    ],
    bands: stripedBands(6),
  },
];

function writeMetaphase(folder: string, stem: string): void {
  const { image, xml } = syntheticMetaphase(320, 240, CHROMOSOMES);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, `${stem}.png`),
    encode({ width: image.width, height: image.height, data: image.pixels, channels: 1, depth: 8 }),
  );
  writeFileSync(join(folder, `${stem}.xml`), xml);
}

describe('metaphaseCropBundle', () => {
  it('writes the free chromosomes of every cell as upright crops named by type and copy, once', async () => {
    const root = mkdtempSync(join(tmpdir(), 'homnet-bundle-'));
    const metaphases = join(root, 'metaphases');
    writeMetaphase(join(metaphases, 'P1'), 'P11');
    writeMetaphase(join(metaphases, 'P1'), 'P12');
    writeMetaphase(join(metaphases, 'P2'), 'P21');
    writeFileSync(join(metaphases, 'P2', 'P22.xml'), '<annotation>');
    writeFileSync(join(metaphases, 'P2', 'P22.png'), new Uint8Array([137, 80, 78, 71]));
    const bundle = join(root, 'bundle');
    const made = await metaphaseCropBundle(metaphases, bundle);
    expect(made.stamp).toMatchObject({ patients: 2, cells: 3, crops: 15 });
    expect(made.stamp.errors).toHaveLength(1);
    expect(made.stamp.errors[0]).toMatch(/^metaphases\/P2\/P22\.png: not a PNG/);
    // The 3 and the 7 touch: neither is trainable; the three 1s are copies 0, 1 and 2.
    expect(readdirSync(join(bundle, 'P1', 'P11')).sort()).toEqual([
      '1_0.png',
      '1_1.png',
      '1_2.png',
      '2_0.png',
      '2_1.png',
    ]);
    const [page] = decodeImage('1_0.png', new Uint8Array(readFileSync(join(bundle, 'P1', 'P11', '1_0.png'))));
    // Upright: the 90-pixel chromosome runs down the crop.
    expect(page?.image.height).toBeGreaterThan(2 * (page?.image.width ?? 0));
    // A finished bundle is reused, not made again.
    writeFileSync(join(bundle, 'P1', 'P11', 'marker'), 'kept');
    const again = await metaphaseCropBundle(metaphases, bundle);
    expect(again.stamp).toEqual(made.stamp);
    expect(readdirSync(join(bundle, 'P1', 'P11'))).toContain('marker');
  });
});
