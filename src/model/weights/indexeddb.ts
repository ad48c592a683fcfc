import { requestResult, transactionCommitted } from '../../shared/indexeddb-request';
import type { ModelArtifacts } from './manifest';
import { WeightsError, parseManifest } from './manifest';

const DATABASE = 'homnet-models';
const STORE = 'models';

function openDatabase(): Promise<IDBDatabase> {
  const open = indexedDB.open(DATABASE, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore(STORE);
  };
  return requestResult(open);
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDatabase();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await requestResult(run(tx.objectStore(STORE)));
    await transactionCommitted(tx);
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
