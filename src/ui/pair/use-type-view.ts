import { useEffect, useState } from 'react';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { analysisWorker } from '../../state/engine-actions';
import type { TypeView } from '../../worker/analysis-api';

/** Fetches a type's view (images, profiles, attention) from the worker; pixels stay out of the store. */
export function useTypeView(
  caseId: string | null,
  type: ChromosomeType | null,
  version: number,
  enabled: boolean,
) {
  const [view, setView] = useState<TypeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!caseId || !type || !enabled) return undefined;
    let live = true;
    analysisWorker()
      .api.typeView(caseId, type)
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
  }, [caseId, type, version, enabled]);
  return { view: view && view.caseId === caseId && view.type === type ? view : null, error };
}
