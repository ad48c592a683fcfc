import { describe, expect, it } from 'vitest';
import type { CellPlan } from '../../imaging/case-input/case-input-plan';
import { virtualFile } from '../../imaging/case-input/virtual-file';
import { withFreeCellIds } from './cell-ids';

const karyogram = (id: string): CellPlan => ({
  kind: 'karyogram',
  id,
  file: virtualFile(`${id}.png`, new Uint8Array([1])),
});

describe('withFreeCellIds', () => {
  it('keeps free ids and suffixes taken ones, also among the new cells', () => {
    const cells = withFreeCellIds(
      [karyogram('cell01'), karyogram('cell03'), karyogram('cell01')],
      ['cell01', 'cell02', 'cell01-2'],
    );
    expect(cells.map((c) => c.id)).toEqual(['cell01-3', 'cell03', 'cell01-4']);
  });

  it('returns the same cell objects when nothing is taken', () => {
    const cell = karyogram('a');
    expect(withFreeCellIds([cell], ['b'])[0]).toBe(cell);
  });
});
