import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Fetches a view from the worker for `identity` (which case and type, or case and cell; null: nothing to
 * fetch), again whenever `version` changes (results changed: a correction, added cells). The last view
 * stays shown while the next is fetched, but never as another identity's; pixels stay out of the store.
 */
export function useWorkerView<T>(
  identity: string | null,
  version: number,
  fetch: () => Promise<T>,
): { view: T | null; error: string | null } {
  const [state, setState] = useState<{ identity: string; view: T } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The fetch of this render, called from the effect without making each new closure a reason to fetch.
  const fetchNow = useEffectEvent(fetch);
  useEffect(() => {
    if (identity === null) return undefined;
    let live = true;
    fetchNow()
      .then((view) => {
        if (live) {
          setState({ identity, view });
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [identity, version]);
  return { view: state !== null && state.identity === identity ? state.view : null, error };
}
