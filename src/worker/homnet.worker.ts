import { expose } from 'comlink';
import type { AnalysisWorkerApi } from './analysis-api';
import { createAnalysisService } from './analysis/analysis-service';
import type { FineTuneWorkerApi } from './finetune-api';
import { createFineTuneService } from './finetune/finetune-service';
import type { HealthWorkerApi } from './health-api';
import { createHealthService } from './health-service';
import type { ModelWorkerApi } from './model-api';
import { createModelService } from './model-service';

/** The worker's whole API; the page imports only its type (see client.ts). */
export type HomNetWorkerApi = ModelWorkerApi & AnalysisWorkerApi & FineTuneWorkerApi & HealthWorkerApi;

const health = createHealthService();
const { service, access } = createModelService({ onBackendChange: health.watchGpuDevice });
const api: HomNetWorkerApi = {
  ...service,
  ...createAnalysisService(access),
  ...createFineTuneService(access),
  ...health.api,
};
expose(api);
