import { useId } from 'react';
import { CHROMOSOME_TYPES, isChromosomeType } from '../../shared/chromosome-types';
import { applyCorrection } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type { CellTypeView } from '../../worker/analysis-api';

/** Fixes for one cell of a type: swap or flip homologs, move one to another type, exclude. */
export function CorrectionButtons({ view, type }: { view: CellTypeView; type: string }) {
  const busy = useAppStore((s) => s.job !== null);
  const id = useId();
  if (!isChromosomeType(type)) return null;
  const ref = (homolog: number) => ({ cell: view.cell, type, homolog });
  return (
    <details className="corrections">
      <summary>Correct</summary>
      <div className="correction-buttons">
        {view.chromosomes.length >= 2 ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void applyCorrection({ kind: 'swap', cell: view.cell, type })}
          >
            Swap homologs
          </button>
        ) : null}
        {view.chromosomes.map((c) => (
          <button
            key={`flip-${c.homolog}`}
            type="button"
            disabled={busy}
            onClick={() => void applyCorrection({ kind: 'flip', chromosome: ref(c.homolog) })}
          >
            Flip homolog {c.homolog + 1}
          </button>
        ))}
        {view.chromosomes.map((c) => (
          <button
            key={`exclude-${c.homolog}`}
            type="button"
            disabled={busy}
            onClick={() => void applyCorrection({ kind: 'exclude-chromosome', chromosome: ref(c.homolog) })}
          >
            Exclude homolog {c.homolog + 1}
          </button>
        ))}
        {view.chromosomes.map((c) => (
          <span className="move" key={`move-${c.homolog}`}>
            <label htmlFor={`${id}-${c.homolog}`}>Move homolog {c.homolog + 1} to type</label>
            <select
              id={`${id}-${c.homolog}`}
              disabled={busy}
              value=""
              onChange={(event) => {
                const to = event.target.value;
                if (isChromosomeType(to))
                  void applyCorrection({ kind: 'move', chromosome: ref(c.homolog), to });
              }}
            >
              <option value="">…</option>
              {CHROMOSOME_TYPES.filter((t) => t !== type).map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </span>
        ))}
      </div>
    </details>
  );
}
