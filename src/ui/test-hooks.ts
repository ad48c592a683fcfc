import { proxy } from 'comlink';
import { packWeights } from '../model/weights/manifest';
import { startWorker } from '../worker/client';

/**
 * A typed door for end-to-end tests (as tldraw does): lets a Playwright test start extra workers in
 * the real page. It gives no access that the page's own code does not already have.
 */
export const testHooks = {
  startWorker,
  packWeights,
  /** comlink's proxy, so that a test can pass a progress callback to a worker job. */
  proxy,
};

export type TestHooks = typeof testHooks;

declare global {
  interface Window {
    __homnetTestHooks?: TestHooks;
  }
}

export function exposeTestHooks(): void {
  window.__homnetTestHooks = testHooks;
}
