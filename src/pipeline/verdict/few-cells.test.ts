import { describe, expect, it } from 'vitest';
import { FEW_CELLS, fewCellsText } from './few-cells';

describe('fewCellsText', () => {
  it('speaks up below FEW_CELLS scored cells', () => {
    expect(FEW_CELLS).toBe(3);
    expect(fewCellsText(1)).toMatch(/^only one cell scored; /);
    expect(fewCellsText(2)).toMatch(/^only two cells scored; /);
  });

  it('says nothing from FEW_CELLS cells on, nor when no cell was scored', () => {
    expect(fewCellsText(FEW_CELLS)).toBeNull();
    expect(fewCellsText(20)).toBeNull();
    expect(fewCellsText(0)).toBeNull();
  });
});
