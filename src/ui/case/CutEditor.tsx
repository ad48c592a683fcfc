import { useId } from 'react';
import type { AxisPicture } from '../../imaging/profile/axis-picture';
import { applyCorrection } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type { ChromosomeRef } from '../../worker/analysis-api';
import { drawingScale, PointPicker, usePlacedPoints } from '../common/PointPicker';

/** A cut is a short line across an object; more points than this is a slip of the hand. */
const MAX_CUT_POINTS = 16;

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
  const { points, message, setMessage, add, removeLast } = usePlacedPoints(MAX_CUT_POINTS);
  // The cross starts on the axis's middle: a cut is usually drawn across the object there.
  const middle = picture.axis[Math.floor(picture.axis.length / 2)] ?? {
    x: image.width / 2,
    y: image.height / 2,
  };
  const helpId = useId();
  const apply = (): void => {
    if (points.length < 2 || busy) return;
    setMessage('Splitting, straightening both parts and typing them again…');
    void applyCorrection({ kind: 'split', chromosome, cut: points }).then((applied) => {
      if (applied) onClose(true);
      else setMessage('Not split (see the message above).');
    });
  };
  const cancel = (): void => {
    onClose(false);
  };
  return (
    <div className="cut-editor" data-testid="cut-editor">
      <p id={helpId} className="centre-line-help">
        Click points of a line across the object, from one edge to the other, where it should be parted.
        Keyboard: arrows move the cross (Shift: 5 px), Enter adds a point, Backspace removes the last,
        Ctrl+Enter splits, Escape cancels.
      </p>
      <PointPicker
        image={image}
        scale={drawingScale(image)}
        guide={picture.axis}
        points={points}
        line={points}
        start={middle}
        label={`Draw the cut across ${name}`}
        describedBy={helpId}
        testIds={{ surface: 'cut-surface', guide: 'cut-axis', line: 'drawn-cut' }}
        onAdd={add}
        onRemoveLast={removeLast}
        onApply={apply}
        onCancel={cancel}
      />
      <div className="centre-line-buttons">
        <button type="button" disabled={points.length < 2 || busy} onClick={apply}>
          Split along this cut ({points.length} points)
        </button>
        <button type="button" disabled={points.length === 0} onClick={removeLast}>
          Remove last point
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
      <p role="status" className="centre-line-status" data-testid="cut-status">
        {message}
      </p>
    </div>
  );
}
