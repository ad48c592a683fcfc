import type { Page, Worker } from '@playwright/test';

/** Runs in the page or worker: every put and add throws, as on a disk whose quota is used up. */
function breakWrites(): void {
  const full = (): never => {
    throw new DOMException('', 'QuotaExceededError');
  };
  IDBObjectStore.prototype.put = full;
  IDBObjectStore.prototype.add = full;
}

/**
 * Makes every IndexedDB put and add in `target` (the page, or a worker) throw what Chromium throws when
 * the origin's quota is used up: a DOMException named QuotaExceededError with an empty message. Reads
 * still work. A reload (or a new worker) has the browser's own methods back.
 */
export async function fillStorage(target: Page | Worker): Promise<void> {
  if ('goto' in target) await target.evaluate(breakWrites);
  else await target.evaluate(breakWrites);
}
