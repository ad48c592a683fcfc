import { useAppStore } from '../../state/store';
import { isBandLevel } from '../../shared/chromosome-types';
import { useProgressiveCount } from '../common/use-progressive-count';
import { modelScoreText, verdictKind, verdictText } from '../common/verdict';
import { ALPHA_MEANING } from './PairRow';
import { AttentionPanel } from './AttentionPanel';
import { DecisionPanel } from './DecisionPanel';
import { IdeogramPanel } from './IdeogramPanel';
import { PairRow } from './PairRow';
import { useTypeView } from './use-type-view';

const DISPLAY_HEIGHT = 170;

/** The selected type: every cell's pair, the selected pair's alignment, the region and the decision. */
export function PairView() {
  const caseId = useAppStore((s) => s.currentCaseId);
  const type = useAppStore((s) => s.selectedType);
  const version = useAppStore((s) => s.resultsVersion);
  const hasImages = useAppStore((s) =>
    s.currentCaseId ? (s.cases[s.currentCaseId]?.summary.hasImages ?? false) : false,
  );
  const selectedCell = useAppStore((s) => s.selectedCell);
  const hover = useAppStore((s) => s.hover);
  const direction = useAppStore((s) => s.direction);
  const selectCell = useAppStore((s) => s.selectCell);
  const setHover = useAppStore((s) => s.setHover);
  const { view, error } = useTypeView(caseId, type, version, hasImages);
  // A case of many cells mounts its rows a few at a time (each row: canvases, charts, an SVG overlay).
  const rowsShown = useProgressiveCount(view?.cells.length ?? 0, `${caseId ?? ''}/${type ?? ''}`);
  if (!type) return null;
  if (!hasImages) {
    return (
      <section className="pair-view" data-testid="pair-view" aria-label={`Chromosome ${type}`}>
        <p className="muted">This case was imported from JSON: verdicts and decisions only, no images.</p>
        <DecisionPanel type={type} />
      </section>
    );
  }
  if (error)
    return (
      <section className="pair-view" data-testid="pair-view" aria-label={`Chromosome ${type}`}>
        <p role="alert">
          Cannot show chromosome {type}: {error}
        </p>
      </section>
    );
  if (!view) return <p role="status">Loading chromosome {type}…</p>;
  const maxSamples = Math.max(1, ...view.cells.flatMap((c) => c.chromosomes.map((ch) => ch.samples)));
  // One scale for every row (relative length is signal), magnifying images at most twice.
  const magnifications = view.cells.flatMap((c) =>
    c.chromosomes.map((ch) => (2 * ch.image.height) / Math.max(1, ch.samples)),
  );
  const scale = Math.min(DISPLAY_HEIGHT / maxSamples, ...magnifications);
  const paired = view.cells.filter((c) => c.pair);
  const strongest = [...paired].sort((a, b) => (b.pair?.alpha ?? 0) - (a.pair?.alpha ?? 0))[0];
  const current = view.cells.find((c) => c.cell === selectedCell && c.pair) ?? strongest;
  const kind = verdictKind(view.verdict);
  const score = view.verdict?.score;
  const level = current?.bandLevel ?? (isBandLevel(view.caseBandLevel) ? view.caseBandLevel : 400);
  return (
    <section className="pair-view" aria-labelledby="pair-title" data-testid="pair-view">
      <header className="pair-header">
        <h2 id="pair-title">Chromosome {type}</h2>
        <p className={`verdict verdict-${kind}`} data-testid="pair-verdict">
          <strong>{verdictText(view.verdict)}</strong>
          {score !== null && score !== undefined
            ? ` — score ${score.toFixed(2)} (${modelScoreText(view.verdict)}threshold ${view.threshold.toFixed(2)})`
            : ''}
        </p>
      </header>
      <p className="legend">
        Homologs p-arm up at one scale (relative length kept). <span className="swatch swatch-difference" />{' '}
        band mismatch with the other homolog (darker = matches worse; darkest = no counterpart), the evidence
        the suspected region is located from. Profiles: <span className="swatch swatch-h0" /> homolog 1,{' '}
        <span className="swatch swatch-h1" /> homolog 2; solid left half, dashed right half.{' '}
        <span data-testid="alpha-legend">{ALPHA_MEANING}</span>
      </p>
      <div className="pair-body">
        <ol className="pair-rows" aria-label="Pairs by cell">
          {view.cells.slice(0, rowsShown).map((cell) => (
            <PairRow
              key={cell.cell}
              view={cell}
              type={type}
              scale={scale}
              maxSamples={maxSamples}
              regionSamples={view.regionSamples}
              selected={cell.cell === current?.cell}
              hover={cell.cell === current?.cell ? hover : null}
              direction={direction}
              onSelect={() => {
                selectCell(cell.cell);
              }}
              onHover={setHover}
            />
          ))}
        </ol>
        <div className="pair-side">
          {current ? (
            <AttentionPanel view={current} type={type} level={level} regionSamples={view.regionSamples} />
          ) : (
            <p className="muted">No complete pair in any cell.</p>
          )}
          <IdeogramPanel type={type} level={level} region={view.verdict?.region ?? null} />
          <DecisionPanel type={type} />
        </div>
      </div>
    </section>
  );
}
