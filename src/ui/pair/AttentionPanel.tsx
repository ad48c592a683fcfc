import { useMemo } from 'react';
import { renderHeatmap, renderHeatmapHighlight } from '../../charts/heatmap';
import { useAppStore } from '../../state/store';
import type { CellTypeView } from '../../worker/analysis-api';
import { useChart } from '../common/use-chart';

/** The selected pair's attention alignment: layer, head and direction pickers and the heatmap. */
export function AttentionPanel({ view }: { view: CellTypeView }) {
  const layer = useAppStore((s) => s.layer);
  const head = useAppStore((s) => s.head);
  const direction = useAppStore((s) => s.direction);
  const hover = useAppStore((s) => s.hover);
  const setAttention = useAppStore((s) => s.setAttention);
  const setHover = useAppStore((s) => s.setHover);
  const attention = view.pair?.attention ?? [];
  const layers = attention.length;
  const heads = attention[0]?.length ?? 0;
  const matrix = attention[Math.min(layer, layers - 1)]?.[Math.min(head, heads - 1)]?.[direction] ?? null;
  const n = Math.round(Math.sqrt(matrix?.length ?? 0));
  const data = useMemo(() => ({ matrix: matrix ?? new Float32Array(0), n }), [matrix, n]);
  const row = hover?.e ?? null;
  const column = hover?.z ?? null;
  const highlight = useMemo(() => ({ n, row, column }), [n, row, column]);
  const [one, two] = direction === 'oneToTwo' ? ['homolog 1', 'homolog 2'] : ['homolog 2', 'homolog 1'];
  const options = useMemo(
    () => ({
      size: 256,
      rowTitle: `${one} region e`,
      columnTitle: `${two} region z`,
      onHover: (cell: { e: number; z: number } | null) => {
        setHover(cell);
      },
    }),
    [one, two, setHover],
  );
  const ref = useChart(renderHeatmap, data, options);
  const highlightRef = useChart(renderHeatmapHighlight, highlight, options);
  if (!matrix) return <p className="muted">This cell has no complete pair, so there is no alignment to show.</p>;
  return (
    <section className="attention" aria-label="Attention alignment">
      <h3>Alignment of {view.cell}</h3>
      <div className="attention-controls">
        <label>
          Layer{' '}
          <select value={layer} onChange={(e) => { setAttention({ layer: Number(e.target.value) }); }}>
            {Array.from({ length: layers }, (_, i) => (
              <option key={i} value={i}>{i + 1}</option>
            ))}
          </select>
        </label>
        <label>
          Head{' '}
          <select value={head} data-testid="head-select" onChange={(e) => { setAttention({ head: Number(e.target.value) }); }}>
            {Array.from({ length: heads }, (_, i) => (
              <option key={i} value={i}>{i + 1}</option>
            ))}
          </select>
        </label>
        <label>
          Direction{' '}
          <select value={direction} onChange={(e) => { setAttention({ direction: e.target.value === 'twoToOne' ? 'twoToOne' : 'oneToTwo' }); }}>
            <option value="oneToTwo">homolog 1 → 2</option>
            <option value="twoToOne">homolog 2 → 1</option>
          </select>
        </label>
      </div>
      <div className="heatmap-wrap" data-testid="heatmap">
        <svg ref={ref} className="heatmap" role="img" aria-label={`attention heatmap, layer ${layer + 1}, head ${head + 1}`} />
        <svg ref={highlightRef} className="heatmap-highlight" aria-hidden="true" />
      </div>
      <p className="hint">Hover a cell to link region e of {one} with region z of {two}.</p>
    </section>
  );
}
