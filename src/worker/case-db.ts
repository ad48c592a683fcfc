import { storageFailure } from '../shared/error-text';
import { requestResult, transactionCommitted } from '../shared/indexeddb-request';

/**
 * The app's one IndexedDB database, opened from the page (reviews) and from the worker (results).
 * Both sides share this schema so that whichever opens it first creates every store.
 */
const DB_NAME = 'homnet-review';
const DB_VERSION = 1;

/** Object stores: analysis results with their input files (worker), reviews (page), flags (page). */
export type StoreName = 'results' | 'reviews' | 'meta';

let opening: Promise<IDBDatabase> | null = null;

export function openCaseDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of ['results', 'reviews', 'meta'] as const) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
      }
    };
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('cannot open IndexedDB'));
    };
  });
  return opening;
}

export async function dbGet<T>(store: StoreName, key: string): Promise<T | undefined> {
  const db = await openCaseDb();
  return requestResult(db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
}

/**
 * Writes `value` under `key`; resolves after the transaction commits, not merely when the put succeeds.
 * Rejects with a {@link storageFailure} whether the put throws (a value that cannot be cloned, a full
 * quota in some browsers) or the transaction aborts (a full quota in Chromium).
 */
export async function dbPut(store: StoreName, key: string, value: unknown): Promise<void> {
  const db = await openCaseDb();
  const tx = db.transaction(store, 'readwrite');
  const committed = transactionCommitted(tx);
  try {
    tx.objectStore(store).put(value, key);
  } catch (error) {
    tx.abort();
    committed.catch(() => undefined);
    throw storageFailure(error);
  }
  await committed;
}

export async function dbDelete(store: StoreName, key: string): Promise<void> {
  const db = await openCaseDb();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).delete(key);
  await transactionCommitted(tx);
}

export async function dbAll<T>(store: StoreName): Promise<T[]> {
  const db = await openCaseDb();
  return requestResult(db.transaction(store).objectStore(store).getAll()) as Promise<T[]>;
}

/** Every entry of a store with its key (in key order), for checking entries one by one. */
export async function dbEntries(store: StoreName): Promise<{ key: string; value: unknown }[]> {
  const db = await openCaseDb();
  const tx = db.transaction(store);
  const [keys, values] = await Promise.all([
    requestResult(tx.objectStore(store).getAllKeys()),
    requestResult(tx.objectStore(store).getAll()),
  ]);
  return keys.map((key, i) => ({
    key: typeof key === 'string' ? key : JSON.stringify(key),
    value: values[i] as unknown,
  }));
}
