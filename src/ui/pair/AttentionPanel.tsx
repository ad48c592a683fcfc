import { useEffect, useMemo } from 'react';
import { renderHeatmap, renderHeatmapHighlight } from '../../charts/heatmap';
import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import { useAppStore } from '../../state/store';
import type { CellTypeView } from '../../worker/analysis-api';
import { useChart } from '../common/use-chart';
import { regionAxis } from './region-ticks';
import { sharpestHead } from './sharpest-head';

/** Side of the drawn matrix in pixels. */
const HEATMAP_SIZE = 224;
/** Least distance between two printed band names on an axis, in pixels (9 px text). */
const TICK_SPACING = 24;

/** How a region of one homolog reads in the hover line: its bands, or that it lies past q-ter. */
function stretchOf(label: string | null | undefined, homolog: string): string {
  return label ? `${label} of ${homolog}` : `padding past qter of ${homolog}`;
}

/** The alignment cell an arrow key moves to from (row, column), or null for other keys. */
function moveCell(
  key: string,
  row: number | null,
  column: number | null,
  n: number,
): { e: number; z: number } | null {
  const e = row ?? 0;
  const z = column ?? 0;
  const clamp = (v: number): number => Math.max(0, Math.min(n - 1, v));
  if (key === 'ArrowUp') return { e: clamp(e - 1), z };
  if (key === 'ArrowDown') return { e: clamp(e + 1), z };
  if (key === 'ArrowLeft') return { e, z: clamp(z - 1) };
  if (key === 'ArrowRight') return { e, z: clamp(z + 1) };
  return null;
}

/**
 * The selected pair's attention alignment: layer, head and direction pickers and the heatmap, its rows and
 * columns named by the ISCN bands each region covers on its own homolog at `level`.
 */
export function AttentionPanel({
  view,
  type,
  level,
  regionSamples,
}: {
  view: CellTypeView;
  type: ChromosomeType;
  level: BandLevel;
  /** Profile samples per model region (TypeView.regionSamples). */
  regionSamples: number;
}) {
  const layer = useAppStore((s) => s.layer);
  const head = useAppStore((s) => s.head);
  const direction = useAppStore((s) => s.direction);
  const hover = useAppStore((s) => s.hover);
  const setAttention = useAppStore((s) => s.setAttention);
  const setHover = useAppStore((s) => s.setHover);
  const picked = useAppStore((s) => s.attentionPicked);
  const attention = useMemo(() => view.pair?.attention ?? [], [view.pair]);
  const sharpest = useMemo(() => sharpestHead(attention), [attention]);
  // Until the reviewer picks one, open on the layer and head with the sharpest alignment of this pair.
  useEffect(() => {
    if (!picked && sharpest && (sharpest.layer !== layer || sharpest.head !== head))
      setAttention(sharpest, false);
  }, [picked, sharpest, layer, head, setAttention]);
  const layers = attention.length;
  const heads = attention[0]?.length ?? 0;
  const matrix = attention[Math.min(layer, layers - 1)]?.[Math.min(head, heads - 1)]?.[direction] ?? null;
  const n = Math.round(Math.sqrt(matrix?.length ?? 0));
  const data = useMemo(() => ({ matrix: matrix ?? new Float32Array(0), n }), [matrix, n]);
  const row = hover?.e ?? null;
  const column = hover?.z ?? null;
  const highlight = useMemo(() => ({ n, row, column }), [n, row, column]);
  const [one, two] = direction === 'oneToTwo' ? ['homolog 1', 'homolog 2'] : ['homolog 2', 'homolog 1'];
  // Rows are the query homolog's regions, columns the other's; each is named on its own length.
  const [rowSamples, columnSamples] = (direction === 'oneToTwo' ? [0, 1] : [1, 0]).map(
    (h) => view.chromosomes[h]?.samples ?? 0,
  );
  const gap = Math.ceil(TICK_SPACING / (HEATMAP_SIZE / Math.max(1, n)));
  const rowAxis = useMemo(
    () => regionAxis(type, level, rowSamples ?? 0, regionSamples, n, gap),
    [type, level, rowSamples, regionSamples, n, gap],
  );
  const columnAxis = useMemo(
    () => regionAxis(type, level, columnSamples ?? 0, regionSamples, n, gap),
    [type, level, columnSamples, regionSamples, n, gap],
  );
  const options = useMemo(
    () => ({
      size: HEATMAP_SIZE,
      rowTitle: `${one}, pter → qter`,
      columnTitle: `${two}, pter → qter`,
      rowTicks: rowAxis.ticks,
      columnTicks: columnAxis.ticks,
      onHover: (cell: { e: number; z: number } | null) => {
        setHover(cell);
      },
    }),
    [one, two, rowAxis, columnAxis, setHover],
  );
  const ref = useChart(renderHeatmap, data, options);
  const highlightRef = useChart(renderHeatmapHighlight, highlight, options);
  if (!matrix)
    return <p className="muted">This cell has no complete pair, so there is no alignment to show.</p>;
  return (
    <section className="attention" aria-label="Attention alignment">
      <h3>Alignment of {view.cell}</h3>
      <div className="attention-controls">
        <NumberSelect
          label="Layer"
          count={layers}
          value={layer}
          onChange={(value) => {
            setAttention({ layer: value });
          }}
        />
        <NumberSelect
          label="Head"
          count={heads}
          value={head}
          testId="head-select"
          onChange={(value) => {
            setAttention({ head: value });
          }}
        />
        <label>
          Direction{' '}
          <select
            value={direction}
            onChange={(e) => {
              setAttention({ direction: e.target.value === 'twoToOne' ? 'twoToOne' : 'oneToTwo' });
            }}
          >
            <option value="oneToTwo">homolog 1 → 2</option>
            <option value="twoToOne">homolog 2 → 1</option>
          </select>
        </label>
      </div>
      <div
        className="heatmap-wrap"
        data-testid="heatmap"
        tabIndex={0}
        role="group"
        aria-label={`attention heatmap, layer ${layer + 1}, head ${head + 1}; arrow keys move the linked cell`}
        onKeyDown={(event) => {
          const next = moveCell(event.key, row, column, n);
          if (!next) return;
          event.preventDefault();
          event.stopPropagation();
          setHover(next);
        }}
        onBlur={() => {
          setHover(null);
        }}
      >
        <svg ref={ref} className="heatmap" aria-hidden="true" />
        <svg ref={highlightRef} className="heatmap-highlight" aria-hidden="true" />
      </div>
      <p className="hint" data-testid="head-choice">
        {picked
          ? `Layer ${layer + 1}, head ${head + 1}: your choice.`
          : `Opened on layer ${layer + 1}, head ${head + 1}: of this pair's ${layers * heads} heads, the one whose regions attend to the fewest regions of the other homolog (lowest mean row entropy, both directions), where the alignment shows most.`}{' '}
        Each row is a stretch of {one}, each column a stretch of {two}, named by the bands it covers at the{' '}
        {level}-band level. Hover a cell (or focus the map and use the arrow keys) to link the two stretches.
      </p>
      <p className="hint" aria-live="polite" data-testid="linked-regions">
        {row !== null && column !== null
          ? `${stretchOf(rowAxis.labels[row], one)} ↔ ${stretchOf(columnAxis.labels[column], two)}: weight ${(matrix[row * n + column] ?? 0).toFixed(3)}`
          : row !== null
            ? stretchOf(rowAxis.labels[row], one)
            : column !== null
              ? stretchOf(columnAxis.labels[column], two)
              : ''}
      </p>
    </section>
  );
}

/** A choice among `count` items shown 1-based (layers, heads) whose value is the 0-based index. */
function NumberSelect({
  label,
  count,
  value,
  testId,
  onChange,
}: {
  label: string;
  count: number;
  value: number;
  testId?: string;
  onChange: (value: number) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select
        value={value}
        data-testid={testId}
        onChange={(e) => {
          onChange(Number(e.target.value));
        }}
      >
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i}>
            {i + 1}
          </option>
        ))}
      </select>
    </label>
  );
}
