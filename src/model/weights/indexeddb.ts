import type { ModelArtifacts } from './manifest';
import { WeightsError, parseManifest } from './manifest';

const DATABASE = 'homnet-models';
const STORE = 'models';

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

function openDatabase(): Promise<IDBDatabase> {
  const open = indexedDB.open(DATABASE, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore(STORE);
  };
  return request(open);
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDatabase();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(run(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => {
        resolve();
      };
      tx.onerror = () => {
        reject(tx.error ?? new Error('IndexedDB transaction failed'));
      };
      tx.onabort = () => {
        reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      };
    });
    return result;
  } finally {
    db.close();
  }
}

/** Stores a model under a key (usually its id); resolves once the transaction has committed. */
export async function saveArtifactsToIndexedDB(key: string, artifacts: ModelArtifacts): Promise<void> {
  await withStore('readwrite', (store) =>
    store.put({ manifest: artifacts.manifest, weightData: artifacts.weightData }, key),
  );
}

/** Reads a stored model back; the checksum is verified when the model is loaded from it. */
export async function loadArtifactsFromIndexedDB(key: string): Promise<ModelArtifacts> {
  const record: unknown = await withStore('readonly', (store) => store.get(key));
  if (typeof record !== 'object' || record === null)
    throw new WeightsError(`no model "${key}" in this browser's storage`);
  const { manifest, weightData } = record as { manifest?: unknown; weightData?: unknown };
  if (!(weightData instanceof ArrayBuffer)) throw new WeightsError(`stored model "${key}" has no weights`);
  return { manifest: parseManifest(manifest, `stored model "${key}"`), weightData };
}

/** Keys of every stored model. */
export async function listIndexedDBModels(): Promise<string[]> {
  const keys = await withStore('readonly', (store) => store.getAllKeys());
  return keys.map(String);
}

export async function deleteArtifactsFromIndexedDB(key: string): Promise<void> {
  await withStore('readwrite', (store) => store.delete(key));
}
