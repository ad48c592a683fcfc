import { analysisWorker } from '../../state/engine-actions';
import type { CellKaryogramView } from '../../worker/analysis-api';
import { useWorkerView } from '../common/use-worker-view';

/**
 * One cell's arranged karyogram from the worker while `enabled` (the panel is open), fetched again
 * whenever the case's results change (`version`: a correction, added cells).
 */
export function useCellKaryogram(caseId: string, cell: string, version: number, enabled: boolean) {
  return useWorkerView<CellKaryogramView>(enabled ? `${caseId}\n${cell}` : null, version, () =>
    analysisWorker().api.cellKaryogram(caseId, cell),
  );
}
