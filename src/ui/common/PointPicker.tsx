import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Point } from '../../imaging/segment/mask';
import type { GrayImage } from '../../shared/gray-image';
import { nextCursor, pointAt } from '../pair/centre-line-input';
import { GrayCanvas } from './GrayCanvas';

/** Largest display size of a picture points are placed on, CSS pixels: big enough to click between chromatids. */
const DRAW_HEIGHT = 320;
const DRAW_WIDTH = 360;

/** CSS pixels per picture pixel for placing points on `image` (it fills DRAW_WIDTH × DRAW_HEIGHT at most). */
export const drawingScale = (image: { readonly width: number; readonly height: number }): number =>
  Math.min(DRAW_HEIGHT / Math.max(1, image.height), DRAW_WIDTH / Math.max(1, image.width));

/** Radius of a placed point and of the keyboard cross, CSS pixels. */
const POINT_RADIUS = 3.5;

const svgPoints = (points: readonly Point[]): string =>
  points.map((p) => `${(p.x + 0.5).toFixed(2)},${(p.y + 0.5).toFixed(2)}`).join(' ');

/**
 * The points a reviewer places (at most `max`), with a line for the screen reader's status saying what
 * the last key or click did.
 */
export function usePlacedPoints(max: number) {
  const [points, setPoints] = useState<Point[]>([]);
  const [message, setMessage] = useState('');
  const add = (p: Point): void => {
    if (points.length >= max) {
      setMessage(`At most ${String(max)} points.`);
      return;
    }
    setPoints([...points, p]);
    setMessage(`Point ${String(points.length + 1)} at (${p.x.toFixed(0)}, ${p.y.toFixed(0)}).`);
  };
  const removeLast = (): void => {
    setPoints(points.slice(0, -1));
    setMessage(points.length > 0 ? `Point ${String(points.length)} removed.` : '');
  };
  return { points, message, setMessage, add, removeLast };
}

/**
 * A picture on which the reviewer places points, by mouse (a click adds one) or keyboard (arrows move a
 * cross, Shift by 5 px; Enter adds a point at it, Backspace removes the last, Ctrl+Enter applies, Escape
 * cancels), over a guide line (the automatic centre line) and with the line the points make. The points
 * themselves are the caller's: it says what they are for, checks and applies them.
 */
export function PointPicker({
  image,
  scale,
  guide,
  points,
  line,
  start,
  label,
  describedBy,
  testIds,
  onAdd,
  onRemoveLast,
  onApply,
  onCancel,
}: {
  image: GrayImage;
  /** CSS pixels per picture pixel. */
  scale: number;
  /** Picture pixels. */
  guide: readonly Point[];
  points: readonly Point[];
  /** The line the points make (a smooth curve, or the points themselves), drawn from two points on. */
  line: readonly Point[];
  /** Where the keyboard cross starts, picture pixels. */
  start: Point;
  label: string;
  describedBy: string;
  testIds: { readonly surface: string; readonly guide?: string; readonly line: string };
  onAdd: (p: Point) => void;
  onRemoveLast: () => void;
  onApply: () => void;
  onCancel: () => void;
}) {
  const width = image.width * scale;
  const height = image.height * scale;
  const [cursor, setCursor] = useState<Point>({ x: Math.round(start.x), y: Math.round(start.y) });
  const surface = useRef<HTMLDivElement>(null);
  // Opened from its button, by mouse or keyboard: the drawing surface takes the keys at once.
  useEffect(() => {
    surface.current?.focus();
  }, []);
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const rect = event.currentTarget.getBoundingClientRect();
    onAdd(pointAt(event.clientX - rect.left, event.clientY - rect.top, scale, image));
    surface.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // The app's shortcuts (arrows, f, s, a / n / u…) must not act while points are being placed.
    event.stopPropagation();
    const moved = nextCursor(cursor, event.key, event.shiftKey, image);
    if (moved) {
      event.preventDefault();
      setCursor(moved);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) onApply();
      else onAdd(cursor);
    } else if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      onRemoveLast();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  const cross = (2 * POINT_RADIUS) / scale;
  return (
    <div
      ref={surface}
      className="axis-picture-frame centre-line-surface"
      style={{ width: `${String(width)}px`, height: `${String(height)}px` }}
      role="application"
      aria-label={label}
      aria-describedby={describedBy}
      tabIndex={0}
      data-testid={testIds.surface}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <GrayCanvas image={image} width={width} height={height} label="" />
      <svg
        viewBox={`0 0 ${String(image.width)} ${String(image.height)}`}
        width={width}
        height={height}
        aria-hidden="true"
      >
        <polyline
          className="automatic-axis"
          data-testid={testIds.guide}
          points={svgPoints(guide)}
          vectorEffect="non-scaling-stroke"
        />
        {line.length >= 2 ? (
          <polyline
            className="drawn-line"
            data-testid={testIds.line}
            points={svgPoints(line)}
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
        {points.map((p, i) => (
          <circle
            key={`${String(i)}-${String(p.x)}-${String(p.y)}`}
            className="drawn-point"
            data-testid="drawn-point"
            cx={p.x + 0.5}
            cy={p.y + 0.5}
            r={POINT_RADIUS / scale}
          />
        ))}
        <g
          className="centre-line-cursor"
          transform={`translate(${String(cursor.x + 0.5)} ${String(cursor.y + 0.5)})`}
        >
          <line x1={-cross} x2={cross} y1={0} y2={0} vectorEffect="non-scaling-stroke" />
          <line y1={-cross} y2={cross} x1={0} x2={0} vectorEffect="non-scaling-stroke" />
        </g>
      </svg>
    </div>
  );
}
