import type { StoreName } from '../case-db';

/**
 * An in-memory stand-in for case-db.ts with the same functions, for unit tests of the state layer
 * (`vi.mock('../worker/case-db', () => db)`). Values are cloned like IndexedDB clones them.
 */
export function memoryCaseDb() {
  const stores = new Map<StoreName, Map<string, unknown>>(
    (['results', 'reviews', 'meta'] as const).map((name) => [name, new Map()]),
  );
  const store = (name: StoreName): Map<string, unknown> => stores.get(name) ?? new Map();
  return {
    stores,
    dbGet: <T>(name: StoreName, key: string): Promise<T | undefined> =>
      Promise.resolve(structuredClone(store(name).get(key)) as T | undefined),
    dbPut: (name: StoreName, key: string, value: unknown): Promise<void> => {
      store(name).set(key, structuredClone(value));
      return Promise.resolve();
    },
    dbDelete: (name: StoreName, key: string): Promise<void> => {
      store(name).delete(key);
      return Promise.resolve();
    },
    dbAll: <T>(name: StoreName): Promise<T[]> =>
      Promise.resolve([...store(name).values()].map((v) => structuredClone(v) as T)),
    dbEntries: (name: StoreName): Promise<{ key: string; value: unknown }[]> =>
      Promise.resolve(
        [...store(name)]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, value]) => ({ key, value: structuredClone(value) })),
      ),
  };
}
