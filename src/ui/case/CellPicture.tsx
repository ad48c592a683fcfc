import type { ChromosomeType } from '../../shared/chromosome-types';
import type { CellKaryogramView, KaryogramChromosomeView } from '../../worker/analysis-api';
import { GrayCanvas } from '../common/GrayCanvas';

/** Widest the cell's picture is shown, CSS pixels. */
const PICTURE_WIDTH = 420;

/**
 * The cell as it was found (the metaphase spread, or the karyogram) with each chromosome's box and type
 * on it: where two objects lie against each other, which pieces belong together, what a cluster hides.
 * Clicking a box picks its chromosome, as clicking it in the rows does (the rows are the keyboard's way).
 */
export function CellPicture({
  view,
  selected,
  onPick,
}: {
  view: CellKaryogramView;
  selected: { readonly type: ChromosomeType; readonly homolog: number } | null;
  onPick: (c: KaryogramChromosomeView) => void;
}) {
  const { picture } = view;
  if (picture === undefined) return null;
  const { image, scale } = picture;
  const shown = Math.min(1.5, PICTURE_WIDTH / Math.max(1, image.width));
  const width = image.width * shown;
  const height = image.height * shown;
  const boxed = view.chromosomes.filter((c) => c.box !== undefined);
  return (
    <figure className="cell-picture" data-testid="cell-picture">
      <div
        className="cell-picture-frame"
        style={{ width: `${String(width)}px`, height: `${String(height)}px` }}
      >
        <GrayCanvas image={image} width={width} height={height} label={`Cell ${view.cell} as found`} />
        <svg viewBox={`0 0 ${String(image.width)} ${String(image.height)}`} width={width} height={height}>
          {boxed.map((c) => {
            const box = c.box ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
            const isSelected =
              selected !== null && selected.type === c.type && selected.homolog === c.homolog;
            const doubtful = c.typeDoubt !== undefined || c.cutOutDoubt !== undefined;
            return (
              <g
                key={`${c.type}-${String(c.homolog)}`}
                className={`cell-picture-box${isSelected ? ' selected' : ''}${doubtful ? ' doubtful' : ''}`}
                data-testid="cell-picture-box"
                data-type={c.type}
                data-homolog={c.homolog}
                onClick={() => {
                  onPick(c);
                }}
              >
                <title>{`${c.type} homolog ${String(c.homolog + 1)}`}</title>
                <rect
                  x={box.x0 * scale}
                  y={box.y0 * scale}
                  width={(box.x1 - box.x0) * scale}
                  height={(box.y1 - box.y0) * scale}
                  vectorEffect="non-scaling-stroke"
                />
                <text x={box.x0 * scale} y={box.y0 * scale} fontSize={11 / shown}>
                  {c.type}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="muted">
        Cell {view.cell} as found, each chromosome&apos;s box with its type; click one to select it.
      </figcaption>
    </figure>
  );
}
