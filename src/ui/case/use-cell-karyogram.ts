import { useEffect, useState } from 'react';
import { analysisWorker } from '../../state/engine-actions';
import type { CellKaryogramView } from '../../worker/analysis-api';

/**
 * Fetches one cell's arranged karyogram from the worker while `enabled` (the panel is open), again
 * whenever the case's results change (`version`: a correction, added cells); pixels stay out of the store.
 */
export function useCellKaryogram(caseId: string, cell: string, version: number, enabled: boolean) {
  const [view, setView] = useState<CellKaryogramView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    analysisWorker()
      .api.cellKaryogram(caseId, cell)
      .then((next) => {
        if (live) {
          setView(next);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [caseId, cell, version, enabled]);
  return { view: view && view.caseId === caseId && view.cell === cell ? view : null, error };
}
