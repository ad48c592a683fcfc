import { useId, useState } from 'react';
import { CHROMOSOME_TYPES, isChromosomeType, type ChromosomeType } from '../../shared/chromosome-types';
import { applyCorrection } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type { CellTypeView } from '../../worker/analysis-api';

/**
 * Fixes for one cell of a type, behind a "Correct" disclosure. Its controls (two selects of 23 types
 * each, buttons) exist only while it is open: a 20-cell pair view would otherwise build, style and
 * update about a thousand hidden elements every time it is drawn or a job starts or ends.
 */
export function CorrectionButtons({ view, type }: { view: CellTypeView; type: string }) {
  const [open, setOpen] = useState(false);
  if (!isChromosomeType(type)) return null;
  return (
    <details
      className="corrections"
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary>Correct</summary>
      {open ? <CorrectionActions view={view} type={type} /> : null}
    </details>
  );
}

/** Swap or flip homologs, move one to another type, exclude one. */
function CorrectionActions({ view, type }: { view: CellTypeView; type: ChromosomeType }) {
  const busy = useAppStore((s) => s.job !== null);
  const id = useId();
  const ref = (homolog: number) => ({ cell: view.cell, type, homolog });
  return (
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
  );
}
