import { useState } from 'react';
import type { AxisPicture } from '../../imaging/profile/axis-picture';
import { polylineLength } from '../../imaging/profile/medial-axis';
import type { ChromosomeView } from '../../worker/analysis-api';
import { GrayCanvas } from '../common/GrayCanvas';

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
 * while it is open.
 */
export function AxisPictures({
  chromosomes,
  openAtFirst,
}: {
  chromosomes: readonly ChromosomeView[];
  openAtFirst: boolean;
}) {
  const [open, setOpen] = useState(openAtFirst);
  const pictures = chromosomes.flatMap((c, i) =>
    c.axisPicture ? [{ homolog: i, picture: c.axisPicture }] : [],
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
          {pictures.map(({ homolog, picture }) => (
            <AxisPictureFigure key={homolog} homolog={homolog} picture={picture} />
          ))}
          <p className="axis-picture-key">
            Blue: the axis the profiles were sampled along, from the dot (p-ter). It should run down the
            middle of the chromosome from end to end.
          </p>
        </div>
      ) : null}
    </details>
  );
}

function AxisPictureFigure({ homolog, picture }: { homolog: number; picture: AxisPicture }) {
  const { image, axis } = picture;
  const scale = Math.min(MAX_HEIGHT / Math.max(1, image.height), MAX_WIDTH / Math.max(1, image.width));
  const width = image.width * scale;
  const height = image.height * scale;
  const length = Math.round(polylineLength(axis));
  const label = `homolog ${String(homolog + 1)} as found, with its straightening axis (${String(length)} px)`;
  // Axis points are pixel coordinates; pixel (x, y) covers [x, x + 1) on the canvas, so its centre is +0.5.
  const points = axis.map((p) => `${(p.x + 0.5).toFixed(2)},${(p.y + 0.5).toFixed(2)}`).join(' ');
  const pter = axis[0];
  return (
    <figure className="axis-picture" data-testid="axis-picture" role="img" aria-label={label}>
      <div
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
        homolog {homolog + 1}: axis {length} px
      </figcaption>
    </figure>
  );
}
