import type { Page } from '@playwright/test';

/**
 * Reads and writes the app's IndexedDB entries from a test, as a damaged disk, another app version or a
 * crash mid-write would leave them. `database` defaults to the app's case database.
 */
export function readEntry(
  page: Page,
  store: string,
  key: string,
  database = 'homnet-review',
): Promise<unknown> {
  return page.evaluate(
    ({ database, store, key }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => {
          reject(new Error(`cannot open ${database}`));
        };
        open.onsuccess = () => {
          const get = open.result.transaction(store).objectStore(store).get(key);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
        };
      }),
    { database, store, key },
  );
}

/** Keys of one store. */
export function storeKeys(page: Page, store: string, database = 'homnet-review'): Promise<string[]> {
  return page.evaluate(
    ({ database, store }) =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open(database);
        open.onsuccess = () => {
          const get = open.result.transaction(store).objectStore(store).getAllKeys();
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result.map(String));
          };
        };
      }),
    { database, store },
  );
}

function rewriteInPage(
  where: { database: string; store: string; key: string },
  change: (entry: unknown) => unknown,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(where.database);
    open.onsuccess = () => {
      const tx = open.result.transaction(where.store, 'readwrite');
      const objects = tx.objectStore(where.store);
      const get = objects.get(where.key);
      get.onsuccess = () => {
        objects.put(change(get.result), where.key);
      };
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => {
        reject(tx.error ?? new Error('write failed'));
      };
    };
  });
}

/**
 * Rewrites one entry in the page with `change` (given the stored value, returns the value to write).
 * `change` runs in the page, so it may use nothing from the test's scope. The call is sent as source
 * text: Playwright evaluates it outside the page's Content-Security-Policy, which forbids eval.
 */
export function rewriteEntry(
  page: Page,
  store: string,
  key: string,
  change: (entry: unknown) => unknown,
  database = 'homnet-review',
): Promise<void> {
  const where = JSON.stringify({ database, store, key });
  return page.evaluate(`(${rewriteInPage.toString()})(${where}, ${change.toString()})`);
}
