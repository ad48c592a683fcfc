import { useId } from 'react';
import type { AxisPicture } from '../../imaging/profile/axis-picture';
import { centreLineThrough, MAX_CENTRE_LINE_POINTS } from '../../imaging/profile/manual-centre-line';
import { applyCorrection } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type { ChromosomeRef } from '../../worker/analysis-api';
import { drawingScale, PointPicker, usePlacedPoints } from '../common/PointPicker';

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
  const scale = drawingScale(image);
  const { points, message, setMessage, add, removeLast } = usePlacedPoints(MAX_CENTRE_LINE_POINTS);
  const start = picture.axis[0] ?? { x: image.width / 2, y: image.height / 2 };
  const helpId = useId();
  const name = `${chromosome.type} homolog ${String(chromosome.homolog + 1)} of ${chromosome.cell}`;

  const apply = (): void => {
    if (points.length < 2 || busy) return;
    setMessage('Straightening again and scoring…');
    void applyCorrection({ kind: 'centre-line', chromosome, points }).then((applied) => {
      if (applied) onClose();
      else setMessage('Not applied (see the message above).');
    });
  };

  const preview = points.length >= 2 ? centreLineThrough(points) : points;
  return (
    <div className="centre-line-editor" data-testid="centre-line-editor">
      <p id={helpId} className="centre-line-help">
        Click along the middle of the chromosome, between its chromatids, from p-ter to q-ter (the first point
        is p-ter). Keyboard: arrows move the cross (Shift: 5 px), Enter adds a point, Backspace removes the
        last, Ctrl+Enter uses the line, Escape cancels.
      </p>
      <PointPicker
        image={image}
        scale={scale}
        guide={picture.axis}
        points={points}
        line={preview}
        start={start}
        label={`Draw the centre line of ${name}`}
        describedBy={helpId}
        testIds={{ surface: 'centre-line-surface', line: 'drawn-line' }}
        onAdd={add}
        onRemoveLast={removeLast}
        onApply={apply}
        onCancel={onClose}
      />
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
