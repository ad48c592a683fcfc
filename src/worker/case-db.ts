/**
 * The app's one IndexedDB database, opened from the page (reviews) and from the worker (results).
 * Both sides share this schema so that whichever opens it first creates every store.
 */
const DB_NAME = 'homnet-review';
const DB_VERSION = 1;

/** Object stores: analysis results with their input files (worker), reviews (page), flags (page). */
export type StoreName = 'results' | 'reviews' | 'meta';

let opening: Promise<IDBDatabase> | null = null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('IndexedDB request failed'));
    };
  });
}

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
  return request(db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
}

export async function dbPut(store: StoreName, key: string, value: unknown): Promise<void> {
  const db = await openCaseDb();
  await request(db.transaction(store, 'readwrite').objectStore(store).put(value, key));
}

export async function dbDelete(store: StoreName, key: string): Promise<void> {
  const db = await openCaseDb();
  await request(db.transaction(store, 'readwrite').objectStore(store).delete(key));
}

export async function dbAll<T>(store: StoreName): Promise<T[]> {
  const db = await openCaseDb();
  return request(db.transaction(store).objectStore(store).getAll()) as Promise<T[]>;
}
