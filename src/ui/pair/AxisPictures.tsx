import { useState } from 'react';
import type { AxisPicture } from '../../imaging/profile/axis-picture';
import { polylineLength } from '../../imaging/profile/medial-axis';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { applyCorrection } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type { ChromosomeRef, ChromosomeView } from '../../worker/analysis-api';
import { GrayCanvas } from '../common/GrayCanvas';
import { CentreLineEditor } from './CentreLineEditor';

/** Largest display size of a cut-out, CSS pixels (small crops are enlarged up to it, big ones reduced). */
const MAX_HEIGHT = 150;
const MAX_WIDTH = 180;
/** Radius of the p-ter mark, CSS pixels. */
const PTER_RADIUS = 3;

/**
 * The pair's chromosomes as they were found, each with the axis it was straightened along: the check a
 * reviewer needs before trusting a high score on a single cell, since an axis that runs diagonally across
 * splayed chromatids, loops round a pale interior or cuts across a fold makes a normal pair look unequal
 * (MODEL_CARD.md, known limits), and the straightened images alone do not show how they were made.
 * Behind a disclosure, open from the start where the straightening is doubtful; its pictures exist only
 * while it is open. Where the axis is wrong the reviewer draws the centre line (CentreLineEditor), and can
 * undo it line by line back to the automatic one; `type` is absent where corrections make no sense.
 */
export function AxisPictures({
  chromosomes,
  openAtFirst,
  cell,
  type,
}: {
  chromosomes: readonly ChromosomeView[];
  openAtFirst: boolean;
  cell: string;
  type?: ChromosomeType;
}) {
  const [open, setOpen] = useState(openAtFirst);
  const [drawing, setDrawing] = useState<number | null>(null);
  const pictures = chromosomes.flatMap((c, i) =>
    c.axisPicture ? [{ homolog: i, chromosome: c, picture: c.axisPicture }] : [],
  );
  if (pictures.length === 0) return null;
  return (
    <details
      className="axis-pictures"
      data-testid="axis-pictures"
      open={open}
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary>How it was straightened</summary>
      {open ? (
        <div className="axis-picture-list">
          {pictures.map(({ homolog, chromosome, picture }) => {
            const ref: ChromosomeRef | null =
              type === undefined ? null : { cell, type, homolog: chromosome.homolog };
            return drawing === homolog && ref ? (
              <CentreLineEditor
                key={homolog}
                picture={picture}
                chromosome={ref}
                onClose={() => {
                  setDrawing(null);
                }}
              />
            ) : (
              <AxisPictureFigure
                key={homolog}
                homolog={homolog}
                picture={picture}
                chromosome={chromosome}
                reference={ref}
                onDraw={() => {
                  setDrawing(homolog);
                }}
              />
            );
          })}
          <p className="axis-picture-key">
            Blue: the axis the profiles were sampled along, from the dot (p-ter); orange where the reviewer
            drew it. It should run down the middle of the chromosome from end to end; where it does not, draw
            it (the chromosome is straightened and its type scored again).
          </p>
        </div>
      ) : null}
    </details>
  );
}

function AxisPictureFigure({
  homolog,
  picture,
  chromosome,
  reference,
  onDraw,
}: {
  homolog: number;
  picture: AxisPicture;
  chromosome: ChromosomeView;
  reference: ChromosomeRef | null;
  onDraw: () => void;
}) {
  const busy = useAppStore((s) => s.job !== null);
  const { image, axis } = picture;
  const manual = chromosome.manualCentreLine;
  const scale = Math.min(MAX_HEIGHT / Math.max(1, image.height), MAX_WIDTH / Math.max(1, image.width));
  const width = image.width * scale;
  const height = image.height * scale;
  const length = Math.round(polylineLength(axis));
  const label =
    `homolog ${String(homolog + 1)} as found, with its ${manual ? "reviewer's centre line" : 'straightening axis'}` +
    ` (${String(length)} px)`;
  // Axis points are pixel coordinates; pixel (x, y) covers [x, x + 1) on the canvas, so its centre is +0.5.
  const points = axis.map((p) => `${(p.x + 0.5).toFixed(2)},${(p.y + 0.5).toFixed(2)}`).join(' ');
  const pter = axis[0];
  return (
    <figure className={`axis-picture${manual ? ' manual' : ''}`} data-testid="axis-picture">
      <div
        role="img"
        aria-label={label}
        className="axis-picture-frame"
        style={{ width: `${String(width)}px`, height: `${String(height)}px` }}
      >
        <GrayCanvas image={image} width={width} height={height} label="" />
        <svg
          viewBox={`0 0 ${String(image.width)} ${String(image.height)}`}
          width={width}
          height={height}
          aria-hidden="true"
        >
          <polyline points={points} data-testid="straightening-axis" vectorEffect="non-scaling-stroke" />
          {pter ? (
            <circle data-testid="pter-mark" cx={pter.x + 0.5} cy={pter.y + 0.5} r={PTER_RADIUS / scale} />
          ) : null}
        </svg>
      </div>
      <figcaption>
        homolog {homolog + 1}: {manual ? "reviewer's centre line" : 'axis'} {length} px
      </figcaption>
      {reference && chromosome.centreLineEditable ? (
        <div className="centre-line-actions">
          <button type="button" disabled={busy} onClick={onDraw}>
            Draw centre line
          </button>
          {manual ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => void applyCorrection({ kind: 'centre-line-undo', chromosome: reference })}
            >
              {manual.earlierLines > 0 ? 'Undo centre line' : 'Undo centre line (back to automatic)'}
            </button>
          ) : null}
        </div>
      ) : null}
    </figure>
  );
}
