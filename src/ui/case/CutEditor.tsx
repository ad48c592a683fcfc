import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { AxisPicture } from '../../imaging/profile/axis-picture';
import type { Point } from '../../imaging/segment/mask';
import { applyCorrection } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type { ChromosomeRef } from '../../worker/analysis-api';
import { GrayCanvas } from '../common/GrayCanvas';
import { nextCursor, pointAt } from '../pair/centre-line-input';

/** Display size of the picture while the cut is drawn, CSS pixels at most. */
const DRAW_HEIGHT = 320;
const DRAW_WIDTH = 360;
/** Radius of a placed point, CSS pixels. */
const POINT_RADIUS = 3.5;
/** A cut is a short line across an object; more points than this is a slip of the hand. */
const MAX_CUT_POINTS = 16;

const svgPoints = (points: readonly Point[]): string =>
  points.map((p) => `${(p.x + 0.5).toFixed(2)},${(p.y + 0.5).toFixed(2)}`).join(' ');

/**
 * Drawing the cut that parts an object the segmentation took for one chromosome (two touching or
 * overlapping ones): the reviewer clicks points of a line across the object from edge to edge on the
 * picture it was found in (or moves a cross with the arrow keys and adds points with Enter), and applies
 * it; the worker parts the object's mask along the line, straightens both parts and types them again.
 */
export function CutEditor({
  picture,
  chromosome,
  name,
  onClose,
}: {
  picture: AxisPicture;
  chromosome: ChromosomeRef;
  /** The chromosome as the screen names it ("7 homolog 1"). */
  name: string;
  onClose: (applied: boolean) => void;
}) {
  const busy = useAppStore((s) => s.job !== null);
  const { image } = picture;
  const scale = Math.min(DRAW_HEIGHT / Math.max(1, image.height), DRAW_WIDTH / Math.max(1, image.width));
  const width = image.width * scale;
  const height = image.height * scale;
  const [points, setPoints] = useState<Point[]>([]);
  // The cross starts on the axis's middle: a cut is usually drawn across the object there.
  const middle = picture.axis[Math.floor(picture.axis.length / 2)] ?? {
    x: image.width / 2,
    y: image.height / 2,
  };
  const [cursor, setCursor] = useState<Point>({ x: Math.round(middle.x), y: Math.round(middle.y) });
  const [message, setMessage] = useState('');
  const surface = useRef<HTMLDivElement>(null);
  const helpId = useId();
  useEffect(() => {
    surface.current?.focus();
  }, []);

  const add = (p: Point): void => {
    if (points.length >= MAX_CUT_POINTS) {
      setMessage(`At most ${String(MAX_CUT_POINTS)} points.`);
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
    setMessage('Splitting, straightening both parts and typing them again…');
    void applyCorrection({ kind: 'split', chromosome, cut: points }).then((applied) => {
      if (applied) onClose(true);
      else setMessage('Not split (see the message above).');
    });
  };

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const rect = event.currentTarget.getBoundingClientRect();
    add(pointAt(event.clientX - rect.left, event.clientY - rect.top, scale, image));
    surface.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // The app's shortcuts (arrows, f, s, a / n / u…) must not act while the cut is being drawn.
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
      onClose(false);
    }
  };

  return (
    <div className="cut-editor" data-testid="cut-editor">
      <p id={helpId} className="centre-line-help">
        Click points of a line across the object, from one edge to the other, where it should be parted.
        Keyboard: arrows move the cross (Shift: 5 px), Enter adds a point, Backspace removes the last,
        Ctrl+Enter splits, Escape cancels.
      </p>
      <div
        ref={surface}
        className="axis-picture-frame centre-line-surface"
        style={{ width: `${String(width)}px`, height: `${String(height)}px` }}
        role="application"
        aria-label={`Draw the cut across ${name}`}
        aria-describedby={helpId}
        tabIndex={0}
        data-testid="cut-surface"
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
            data-testid="cut-axis"
            points={svgPoints(picture.axis)}
            vectorEffect="non-scaling-stroke"
          />
          {points.length >= 2 ? (
            <polyline
              className="drawn-line"
              data-testid="drawn-cut"
              points={svgPoints(points)}
              vectorEffect="non-scaling-stroke"
            />
          ) : null}
          {points.map((p, i) => (
            <circle
              key={`${String(i)}-${String(p.x)}-${String(p.y)}`}
              className="drawn-point"
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
          Split along this cut ({points.length} points)
        </button>
        <button type="button" disabled={points.length === 0} onClick={removeLast}>
          Remove last point
        </button>
        <button
          type="button"
          onClick={() => {
            onClose(false);
          }}
        >
          Cancel
        </button>
      </div>
      <p role="status" className="centre-line-status" data-testid="cut-status">
        {message}
      </p>
    </div>
  );
}
