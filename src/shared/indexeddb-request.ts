import { storageFailure } from './error-text';

/**
 * Promises over IndexedDB's event callbacks, shared by the model store (model/weights) and the case
 * database (worker), which must agree on when a write counts as done. They reject with
 * {@link storageFailure}: IndexedDB's DOMException (a full quota) often has no message of its own.
 */

/** The result of one request (a get, a put, an open), or its error. */
export function requestResult<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(storageFailure(req.error ?? new Error('IndexedDB request failed')));
    };
  });
}

/**
 * Resolves once the transaction has committed: only then is a write safe from a closing tab, since a
 * successful put can still be rolled back by an abort (quota, a later failing request).
 */
export function transactionCommitted(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => {
      resolve();
    };
    tx.onerror = () => {
      reject(storageFailure(tx.error ?? new Error('IndexedDB transaction failed')));
    };
    tx.onabort = () => {
      reject(storageFailure(tx.error ?? new Error('IndexedDB transaction aborted')));
    };
  });
}
