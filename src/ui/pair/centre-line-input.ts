import type { Point } from '../../imaging/segment/mask';

/** Picture pixels the keyboard cross moves per arrow press, and with Shift held. */
const STEP = 1;
const SHIFT_STEP = 5;

/**
 * The picture pixel under a click at (`offsetX`, `offsetY`) CSS pixels from the picture's top left,
 * shown `scale` CSS pixels per picture pixel (pixel (x, y) covers [x, x + 1) on screen, so its centre is
 * +0.5), kept within the picture.
 */
export function pointAt(
  offsetX: number,
  offsetY: number,
  scale: number,
  picture: { readonly width: number; readonly height: number },
): Point {
  const clamp = (v: number, max: number): number => Math.min(max, Math.max(0, v));
  return {
    x: clamp(offsetX / scale - 0.5, picture.width - 1),
    y: clamp(offsetY / scale - 0.5, picture.height - 1),
  };
}

/** Where an arrow key moves the keyboard cross (within the picture), or null for any other key. */
export function nextCursor(
  cursor: Point,
  key: string,
  shift: boolean,
  picture: { readonly width: number; readonly height: number },
): Point | null {
  const step = shift ? SHIFT_STEP : STEP;
  const moves: Record<string, readonly [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  const move = moves[key];
  if (move === undefined) return null;
  return {
    x: Math.min(picture.width - 1, Math.max(0, cursor.x + move[0])),
    y: Math.min(picture.height - 1, Math.max(0, cursor.y + move[1])),
  };
}
