import { BAND_LEVELS } from '../../shared/chromosome-types';
import { applyCorrection } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type { CaseSummary } from '../../worker/analysis-api';

/** The case's cells: band level (editable), chromosomes found, and whether the cell takes part. */
export function CellList({ summary }: { summary: CaseSummary }) {
  const busy = useAppStore((s) => s.job !== null);
  return (
    <table className="cells">
      <caption>Cells</caption>
      <thead>
        <tr>
          <th scope="col">Cell</th>
          <th scope="col">Chromosomes</th>
          <th scope="col">Band level</th>
          <th scope="col">Use</th>
          <th scope="col">Warnings</th>
        </tr>
      </thead>
      <tbody>
        {summary.cells.map((cell) => (
          <tr key={cell.id} className={cell.excluded ? 'excluded' : ''} title={cell.warnings.join('\n')}>
            <th scope="row">{cell.id}</th>
            <td>{cell.chromosomes}</td>
            <td>
              <select
                aria-label={`band level of ${cell.id}`}
                value={cell.bandLevel}
                disabled={busy || !summary.hasImages}
                onChange={(e) => {
                  const level = BAND_LEVELS.find((l) => l === Number(e.target.value));
                  if (level) void applyCorrection({ kind: 'band-level', cell: cell.id, level });
                }}
              >
                {BAND_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>{' '}
              <span className="muted">
                {cell.bandLevelOverridden
                  ? 'set by you'
                  : `estimated, ${Math.round(cell.bandLevelConfidence * 100)}%`}
              </span>
            </td>
            <td>
              <input
                type="checkbox"
                aria-label={`use ${cell.id}`}
                checked={!cell.excluded}
                disabled={busy || !summary.hasImages}
                onChange={(e) =>
                  void applyCorrection({ kind: 'exclude-cell', cell: cell.id, excluded: !e.target.checked })
                }
              />
            </td>
            <td>
              {cell.warnings.length > 0 ? (
                <>
                  <span
                    className="flag"
                    data-testid="cell-warnings"
                    title={cell.warnings.join('\n')}
                    aria-label={`warnings for ${cell.id}: ${cell.warnings.join('; ')}`}
                  >
                    ⚠ {cell.warnings.length}
                  </span>
                  {/* The text itself, not only on hover: a reviewer reads it before trusting the cell. */}
                  <ul className="cell-warning-list" data-testid="cell-warning-text" aria-hidden="true">
                    {cell.warnings.map((warning, i) => (
                      <li key={i}>{warning}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
