import { transactionCommitted } from '../shared/indexeddb-request';
import { openCaseDb } from '../worker/case-db';
import type { CaseRecord } from './review-types';

/** Thrown when the signal stopped the write: the transaction was aborted, so nothing of it was kept. */
export class WriteCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'WriteCancelled';
  }
}

/**
 * Writes every record to IndexedDB `reviews` in one transaction: all of them are kept or none (a full
 * disk, a closed tab or `signal` aborts the whole write). `onWritten` hears how many puts have succeeded,
 * every `every` records, so a large write can show progress.
 */
export async function putReviewsAtOnce(
  records: readonly CaseRecord[],
  options: { signal?: AbortSignal; onWritten?: (count: number) => void; every?: number } = {},
): Promise<void> {
  const { signal, onWritten, every = 100 } = options;
  if (signal?.aborted) throw new WriteCancelled();
  const db = await openCaseDb();
  if (signal?.aborted) throw new WriteCancelled();
  const tx = db.transaction('reviews', 'readwrite');
  const committed = transactionCommitted(tx);
  const store = tx.objectStore('reviews');
  let written = 0;
  for (const record of records) {
    store.put(record, record.id).onsuccess = () => {
      written += 1;
      if (written % every === 0 || written === records.length) onWritten?.(written);
    };
  }
  const abort = { done: false };
  const cancel = (): void => {
    try {
      tx.abort();
      abort.done = true;
    } catch {
      // Committing already (abort throws InvalidStateError): kept whole, as if Cancel came too late.
    }
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    await committed;
  } catch (error) {
    if (abort.done) throw new WriteCancelled();
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
