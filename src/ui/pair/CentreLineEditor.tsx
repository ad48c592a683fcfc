import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { AxisPicture } from '../../imaging/profile/axis-picture';
import { centreLineThrough, MAX_CENTRE_LINE_POINTS } from '../../imaging/profile/manual-centre-line';
import type { Point } from '../../imaging/segment/mask';
import { applyCorrection } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type { ChromosomeRef } from '../../worker/analysis-api';
import { GrayCanvas } from '../common/GrayCanvas';
import { nextCursor, pointAt } from './centre-line-input';

/** Display height of the picture while a line is drawn, CSS pixels: big enough to click between chromatids. */
const DRAW_HEIGHT = 320;
const DRAW_WIDTH = 360;
/** Radius of a placed point and of the keyboard cross, CSS pixels. */
const POINT_RADIUS = 3.5;

const svgPoints = (points: readonly Point[]): string =>
  points.map((p) => `${(p.x + 0.5).toFixed(2)},${(p.y + 0.5).toFixed(2)}`).join(' ');

/**
 * Drawing a chromosome's centre line by hand, where the automatic one failed: the reviewer clicks points
 * along the middle of the chromosome from p-ter to q-ter (or moves a cross with the arrow keys and adds
 * points with Enter), sees the smooth line the worker will straighten along, and applies it; the worker
 * profiles the chromosome again along it and scores its type again.
 */
export function CentreLineEditor({
  picture,
  chromosome,
  onClose,
}: {
  picture: AxisPicture;
  chromosome: ChromosomeRef;
  onClose: () => void;
}) {
  const busy = useAppStore((s) => s.job !== null);
  const { image } = picture;
  const scale = Math.min(DRAW_HEIGHT / Math.max(1, image.height), DRAW_WIDTH / Math.max(1, image.width));
  const width = image.width * scale;
  const height = image.height * scale;
  const [points, setPoints] = useState<Point[]>([]);
  const start = picture.axis[0] ?? { x: image.width / 2, y: image.height / 2 };
  const [cursor, setCursor] = useState<Point>({ x: Math.round(start.x), y: Math.round(start.y) });
  const [message, setMessage] = useState('');
  const surface = useRef<HTMLDivElement>(null);
  const helpId = useId();
  // Opened from its button, by mouse or keyboard: the drawing surface takes the keys at once.
  useEffect(() => {
    surface.current?.focus();
  }, []);
  const name = `${chromosome.type} homolog ${String(chromosome.homolog + 1)} of ${chromosome.cell}`;

  const add = (p: Point): void => {
    if (points.length >= MAX_CENTRE_LINE_POINTS) {
      setMessage(`At most ${String(MAX_CENTRE_LINE_POINTS)} points.`);
      return;
    }
    setPoints([...points, p]);
    setMessage(`Point ${String(points.length + 1)} at (${p.x.toFixed(0)}, ${p.y.toFixed(0)}).`);
  };
  const removeLast = (): void => {
    setPoints(points.slice(0, -1));
    setMessage(points.length > 0 ? `Point ${String(points.length)} removed.` : '');
  };
  const apply = (): void => {
    if (points.length < 2 || busy) return;
    setMessage('Straightening again and scoring…');
    void applyCorrection({ kind: 'centre-line', chromosome, points }).then((applied) => {
      if (applied) onClose();
      else setMessage('Not applied (see the message above).');
    });
  };

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const rect = event.currentTarget.getBoundingClientRect();
    add(pointAt(event.clientX - rect.left, event.clientY - rect.top, scale, image));
    surface.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // The app's shortcuts (arrows, f, s, a / n / u…) must not act while the line is being drawn.
    event.stopPropagation();
    const moved = nextCursor(cursor, event.key, event.shiftKey, image);
    if (moved) {
      event.preventDefault();
      setCursor(moved);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) apply();
      else add(cursor);
    } else if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      removeLast();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const preview = points.length >= 2 ? centreLineThrough(points) : points;
  return (
    <div className="centre-line-editor" data-testid="centre-line-editor">
      <p id={helpId} className="centre-line-help">
        Click along the middle of the chromosome, between its chromatids, from p-ter to q-ter (the first point
        is p-ter). Keyboard: arrows move the cross (Shift: 5 px), Enter adds a point, Backspace removes the
        last, Ctrl+Enter uses the line, Escape cancels.
      </p>
      <div
        ref={surface}
        className="axis-picture-frame centre-line-surface"
        style={{ width: `${String(width)}px`, height: `${String(height)}px` }}
        role="application"
        aria-label={`Draw the centre line of ${name}`}
        aria-describedby={helpId}
        tabIndex={0}
        data-testid="centre-line-surface"
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
            points={svgPoints(picture.axis)}
            vectorEffect="non-scaling-stroke"
          />
          {preview.length >= 2 ? (
            <polyline
              className="drawn-line"
              data-testid="drawn-line"
              points={svgPoints(preview)}
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
            <line
              x1={(-2 * POINT_RADIUS) / scale}
              x2={(2 * POINT_RADIUS) / scale}
              y1={0}
              y2={0}
              vectorEffect="non-scaling-stroke"
            />
            <line
              y1={(-2 * POINT_RADIUS) / scale}
              y2={(2 * POINT_RADIUS) / scale}
              x1={0}
              x2={0}
              vectorEffect="non-scaling-stroke"
            />
          </g>
        </svg>
      </div>
      <div className="centre-line-buttons">
        <button type="button" disabled={points.length < 2 || busy} onClick={apply}>
          Use this line ({points.length} points)
        </button>
        <button type="button" disabled={points.length === 0} onClick={removeLast}>
          Remove last point
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      <p role="status" className="centre-line-status" data-testid="centre-line-status">
        {message}
      </p>
    </div>
  );
}
