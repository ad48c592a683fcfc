import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import type { CasePlan } from '../../imaging/case-input/case-input-plan';
import { virtualFile } from '../../imaging/case-input/virtual-file';
import { tiffSharingOneStrip } from '../../imaging/fixtures/hostile-files.node.js';
import { renderedKaryogram } from '../../imaging/testing/rendered-cells';
import { CasePixelBudget } from './case-pixel-budget';
import { profileCase } from './profile-case-files';

/** A rendered 46,XY karyogram as PNG bytes, and its pixels. */
function karyogramPng(): { png: Uint8Array; pixels: number } {
  const { image } = renderedKaryogram('46,XY');
  const png = encode({ width: image.width, height: image.height, data: image.pixels, channels: 1, depth: 8 });
  return { png, pixels: image.width * image.height };
}

function planOf(files: readonly [string, Uint8Array][]): CasePlan {
  return {
    id: 'case',
    path: 'case',
    cells: files.map(([name, bytes]) => ({
      kind: 'karyogram' as const,
      id: name.replace(/\.\w+$/, ''),
      file: virtualFile(`case/${name}`, bytes),
    })),
  };
}

describe('a heavy file among good ones', () => {
  it('refuses a TIFF whose pages declare gigapixels, names it, and analyses the good karyogram', async () => {
    const profiled = await profileCase(
      planOf([
        ['bomb.tif', tiffSharingOneStrip(256, 6000, 6000)],
        ['good.png', karyogramPng().png],
      ]),
    );
    expect(profiled.cells.map((c) => c.id)).toEqual(['good']);
    expect(profiled.errors).toEqual([
      {
        file: 'case/bomb.tif',
        message: expect.stringMatching(/256 pages hold 9,216 Mpx together/) as string,
      },
    ]);
  });

  it('leaves out the pages past the case pixel budget, naming each, and keeps the ones before', async () => {
    const { png, pixels } = karyogramPng();
    const profiled = await profileCase(
      planOf([
        ['a.png', png],
        ['b.png', png],
        ['c.png', png],
      ]),
      { pixelBudget: new CasePixelBudget(2.5 * pixels) },
    );
    expect(profiled.cells.map((c) => c.id)).toEqual(['a', 'b']);
    expect(profiled.errors).toEqual([
      { file: 'case/c.png', message: expect.stringMatching(/^left out: .* per case/) as string },
    ]);
  });
});
