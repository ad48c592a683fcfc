import type { ChromosomeType } from '../../shared/chromosome-types';
import { analysisWorker } from '../../state/engine-actions';
import type { TypeView } from '../../worker/analysis-api';
import { useWorkerView } from '../common/use-worker-view';

/** Fetches a type's view (images, profiles, attention) from the worker; pixels stay out of the store. */
export function useTypeView(
  caseId: string | null,
  type: ChromosomeType | null,
  version: number,
  enabled: boolean,
) {
  return useWorkerView<TypeView>(caseId && type && enabled ? `${caseId}\n${type}` : null, version, () =>
    analysisWorker().api.typeView(caseId ?? '', type ?? '1'),
  );
}
