import { describe, expect, it } from 'vitest';
import { nextCursor, pointAt } from './centre-line-input';

const picture = { width: 20, height: 40 };

describe('centre line input', () => {
  it('reads the picture pixel under a click, within the picture', () => {
    // 8 CSS px per picture pixel: the centre of pixel (2, 5) is at (20, 44).
    expect(pointAt(20, 44, 8, picture)).toEqual({ x: 2, y: 5 });
    expect(pointAt(-30, 1000, 8, picture)).toEqual({ x: 0, y: 39 });
  });

  it('moves the keyboard cross by a pixel, five with Shift, never out of the picture', () => {
    expect(nextCursor({ x: 5, y: 5 }, 'ArrowDown', false, picture)).toEqual({ x: 5, y: 6 });
    expect(nextCursor({ x: 5, y: 5 }, 'ArrowLeft', true, picture)).toEqual({ x: 0, y: 5 });
    expect(nextCursor({ x: 19, y: 39 }, 'ArrowRight', true, picture)).toEqual({ x: 19, y: 39 });
    expect(nextCursor({ x: 5, y: 5 }, 'Enter', false, picture)).toBeNull();
  });
});
