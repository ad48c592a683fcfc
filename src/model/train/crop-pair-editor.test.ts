import { describe, expect, it } from 'vitest';
import type { TypedChromosomeImage } from '../../imaging/profile/profile-crop-cell';
import { bandedCrop } from '../../imaging/testing/banded-crop';
import type { ArtificialChange, ArtificialKind } from '../../karyotype/artificial-changes';
import type { DatasetCell } from './dataset';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { createRandom } from '../../shared/random';
import { datasetCell } from './crop-cells';
import { cropPairEditor } from './crop-pair-editor';

function crop(type: ChromosomeType, homolog: number, length: number, phase: number): TypedChromosomeImage {
  return { type, homolog, image: bandedCrop(length, phase, 0.7), source: `${type}_${homolog}.png` };
}

const crops = [crop('1', 0, 120, 0), crop('1', 1, 120, 0), crop('7', 0, 80, 2), crop('7', 1, 80, 2)];
const cell: DatasetCell = datasetCell('cell-1', crops);
const editor = cropPairEditor(new Map([['case-1', new Map([['cell-1', crops]])]]));
const change = (kind: ArtificialKind): ArtificialChange => ({
  kind,
  start: 0.3,
  span: 0.25,
  site: 0.5,
  donorStart: 0.2,
});

describe('image-level changes for training', () => {
  it('leaves the other homolog as the pipeline profiled it and changes the length as the kind does', () => {
    const random = createRandom(1);
    const kept = cell.chromosomes.find((c) => c.type === '7' && c.homolog === 1);
    const lengths = new Map<ArtificialKind, number>();
    for (const kind of ['deleted', 'duplicated', 'replaced-inversion', 'replaced-translocation'] as const) {
      const pair = editor.edit('case-1', cell, '7', 0, change(kind), random);
      expect(pair?.[0].profile).toEqual(kept?.profile);
      lengths.set(kind, pair?.[1].length ?? 0);
    }
    const original = kept?.samples ?? 0;
    expect(lengths.get('deleted') ?? 0).toBeLessThan(original * 0.85);
    expect(lengths.get('duplicated') ?? 0).toBeGreaterThan(original * 1.15);
    expect(Math.abs((lengths.get('replaced-inversion') ?? 0) - original)).toBeLessThan(original * 0.05);
  });

  it('answers null for a cell, a type or a donor it has no image of', () => {
    const random = createRandom(2);
    expect(editor.edit('case-2', cell, '7', 0, change('deleted'), random)).toBeNull();
    expect(editor.edit('case-1', cell, '9', 0, change('deleted'), random)).toBeNull();
    const alone = cropPairEditor(new Map([['case-1', new Map([['cell-1', crops.slice(2)]])]]));
    expect(alone.edit('case-1', cell, '7', 0, change('added-foreign'), random)).toBeNull();
  });
});
