import type { CellTypeView } from '../../worker/analysis-api';
import { DIFFERENCE_COLOUR, HIGHLIGHT_COLOUR } from '../../charts/palette';
import type { AlignmentHover, Direction } from '../../state/review-slice';
import { GrayCanvas } from '../common/GrayCanvas';

interface Props {
  readonly view: CellTypeView;
  readonly type: string;
  /** Display pixels per profile sample, shared by every row of the type. */
  readonly scale: number;
  readonly regionSamples: number;
  /** Hover linking is live only on the selected pair (the one the heatmap shows). */
  readonly hover: AlignmentHover | null;
  readonly direction: Direction;
  readonly interactive: boolean;
  readonly onHover: (hover: AlignmentHover | null) => void;
}

const STRIP = 8;
const GAP = 44;
/** Profile samples per drawn step of the mismatch strip (a band is about 10 samples or more). */
const STRIP_SAMPLES = 4;

/** Mean of values[from, to), for one step of the strip. */
function meanOf(values: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++) sum += values[k] ?? 0;
  return to > from ? sum / (to - from) : 0;
}

/**
 * The two homologs of one cell side by side, p-arm up, at one scale; outside each, a strip of its band
 * mismatch with the other homolog (opacity = mismatch in [0, 1], the evidence of the suspected region); the hovered alignment (a region of the query homolog and one of the other, as the heatmap names them by bands) outlined and
 * linked by a line.
 */
export function PairFigure({
  view,
  type,
  scale,
  regionSamples,
  hover,
  direction,
  interactive,
  onHover,
}: Props) {
  const chromosomes = view.chromosomes.slice(0, 2);
  const sizes = chromosomes.map((c) => {
    const height = Math.max(4, c.samples * scale);
    return { height, width: Math.max(4, (c.image.width / Math.max(1, c.image.height)) * height) };
  });
  const x0 = STRIP + 4;
  const x1 = x0 + (sizes[0]?.width ?? 20) + GAP;
  const lefts = [x0, x1];
  const width = x1 + (sizes[1]?.width ?? 20) + STRIP + 4;
  const height = Math.max(...sizes.map((s) => s.height), 20);
  const regionBox = (h: number, r: number) => {
    const c = chromosomes[h];
    if (!c) return null;
    const from = r * regionSamples;
    if (from >= c.samples) return null;
    const to = Math.min(c.samples, from + regionSamples);
    return { x: lefts[h] ?? 0, y: from * scale, w: sizes[h]?.width ?? 0, h: (to - from) * scale };
  };
  const query = direction === 'oneToTwo' ? 0 : 1;
  const boxE = hover && hover.e !== null ? regionBox(query, hover.e) : null;
  const boxZ = hover && hover.z !== null ? regionBox(1 - query, hover.z) : null;
  const regions = Array.from({ length: Math.ceil(512 / regionSamples) }, (_, r) => r);
  return (
    <div className="pair-figure" style={{ width, height }} data-testid={`pair-figure-${view.cell}`}>
      {chromosomes.map((c, h) => (
        <div key={h} className="homolog-slot" style={{ left: lefts[h] ?? 0 }}>
          <GrayCanvas
            image={c.image}
            width={sizes[h]?.width ?? 0}
            height={sizes[h]?.height ?? 0}
            label={`chromosome ${type}, homolog ${h + 1} of ${view.cell}, p-arm up`}
            className={`homolog homolog-${h}`}
          />
        </div>
      ))}
      <svg className="pair-overlay" width={width} height={height} aria-hidden="true">
        {chromosomes.map((_c, h) => {
          const mismatch = view.pair?.mismatch[h as 0 | 1];
          if (!mismatch) return null;
          const stripX = h === 0 ? (lefts[0] ?? 0) - STRIP - 2 : (lefts[1] ?? 0) + (sizes[1]?.width ?? 0) + 2;
          const steps = Array.from({ length: Math.ceil(mismatch.length / STRIP_SAMPLES) }, (_, s) => s);
          return (
            <g key={`mismatch-${h}`} data-testid={`mismatch-strip-${h}`}>
              {steps.map((s) => {
                const from = s * STRIP_SAMPLES;
                const to = Math.min(mismatch.length, from + STRIP_SAMPLES);
                return (
                  <rect
                    key={s}
                    className="mismatch"
                    x={stripX}
                    y={from * scale}
                    width={STRIP}
                    height={(to - from) * scale}
                    fill={DIFFERENCE_COLOUR}
                    opacity={meanOf(mismatch, from, to)}
                  />
                );
              })}
            </g>
          );
        })}
        {chromosomes.map((c, h) =>
          regions.map((r) => {
            const box = regionBox(h, r);
            if (!box) return null;
            return (
              <g key={`${h}-${r}`}>
                {interactive && c.samples > 0 ? (
                  <rect
                    className="region-hit"
                    data-homolog={h}
                    data-region={r}
                    x={box.x}
                    y={box.y}
                    width={box.w}
                    height={box.h}
                    fill="transparent"
                    onMouseEnter={() => {
                      onHover(h === query ? { e: r, z: null } : { e: null, z: r });
                    }}
                    onMouseLeave={() => {
                      onHover(null);
                    }}
                  />
                ) : null}
              </g>
            );
          }),
        )}
        {[boxE, boxZ].map((box, k) =>
          box ? (
            <rect
              key={k}
              className="region-highlight"
              x={box.x - 1}
              y={box.y}
              width={box.w + 2}
              height={box.h}
              fill={HIGHLIGHT_COLOUR}
              fillOpacity={0.25}
              stroke={HIGHLIGHT_COLOUR}
              strokeWidth={2}
              pointerEvents="none"
            />
          ) : null,
        )}
        {boxE && boxZ ? (
          <line
            className="alignment-link"
            x1={query === 0 ? boxE.x + boxE.w : boxZ.x + boxZ.w}
            y1={query === 0 ? boxE.y + boxE.h / 2 : boxZ.y + boxZ.h / 2}
            x2={query === 0 ? boxZ.x : boxE.x}
            y2={query === 0 ? boxZ.y + boxZ.h / 2 : boxE.y + boxE.h / 2}
            stroke={HIGHLIGHT_COLOUR}
            strokeWidth={2.5}
            pointerEvents="none"
          />
        ) : null}
      </svg>
    </div>
  );
}
