import type { StoreName } from '../case-db';

export type MemoryCaseDb = ReturnType<typeof memoryCaseDb>;

/**
 * An in-memory stand-in for case-db.ts with the same functions, for unit tests of the state layer.
 * Values are cloned like IndexedDB clones them.
 */
export function memoryCaseDb() {
  const stores = new Map<StoreName, Map<string, unknown>>(
    (['results', 'reviews', 'meta'] as const).map((name) => [name, new Map<string, unknown>()]),
  );
  const store = (name: StoreName): Map<string, unknown> => stores.get(name) ?? new Map<string, unknown>();
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

/**
 * case-db.ts's functions forwarding to whichever memory database `current` returns, so that each test
 * can start from an empty one: `vi.mock('../worker/case-db', () => forwardingCaseDb(() => db.current))`.
 */
export function forwardingCaseDb(current: () => MemoryCaseDb | null) {
  const db = (): MemoryCaseDb => {
    const found = current();
    if (!found) throw new Error('no test database');
    return found;
  };
  return {
    dbGet: <T>(name: StoreName, key: string) => db().dbGet<T>(name, key),
    dbPut: (name: StoreName, key: string, value: unknown) => db().dbPut(name, key, value),
    dbDelete: (name: StoreName, key: string) => db().dbDelete(name, key),
    dbAll: <T>(name: StoreName) => db().dbAll<T>(name),
    dbEntries: (name: StoreName) => db().dbEntries(name),
  };
}
