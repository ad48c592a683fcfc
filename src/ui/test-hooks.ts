import { proxy } from 'comlink';
import { packWeights } from '../model/weights/manifest';
import { analysisWorker } from '../state/engine-actions';
import type { SimulatedFault } from '../worker/health-api';
import { startWorker } from '../worker/client';

/**
 * Breaks the app's own analysis worker the way a crash or a GPU reset would. Returns at once: a crashed
 * worker never answers the call.
 */
function breakAnalysisWorker(fault: SimulatedFault): void {
  void analysisWorker().api.simulateFault(fault);
}

/**
 * A typed door for end-to-end tests (as tldraw does): lets a Playwright test start extra workers in
 * the real page, pass progress callbacks to their jobs (comlink's proxy) and inject faults into the
 * app's worker. It gives no access that the page's own code does not already have.
 */
export const testHooks = { startWorker, packWeights, proxy, breakAnalysisWorker };

export type TestHooks = typeof testHooks;

declare global {
  interface Window {
    __homnetTestHooks?: TestHooks;
  }
}

export function exposeTestHooks(): void {
  window.__homnetTestHooks = testHooks;
}
