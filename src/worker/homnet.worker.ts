import { expose } from 'comlink';
import { createModelService } from './model-service';

/** The worker's whole API; the page imports only its type (see client.ts). */
export type HomNetWorkerApi = ReturnType<typeof createModelService>;

expose(createModelService());
