/**
 * Error texts for people, shared by the page and the worker (layer 1: no DOM types, errors are read by
 * their shape). What the DOMException names mean, in words, for an error that brings only its name: IndexedDB rejects
 * a write with a DOMException whose message may be empty (a full disk reads "QuotaExceededError" and
 * nothing else), and comlink passes a worker's error to the page as its name and message only.
 */
const MEANINGS: Readonly<Record<string, string>> = {
  UnknownError:
    'browser storage failed for a reason it did not give (a disk or browser fault): reload the page',
  InvalidStateError:
    'browser storage was closed or is in the wrong state (site data cleared, or the page is closing): reload the page',
  VersionError: 'browser storage holds data of a newer version of the app: open the newer version',
  ReadOnlyError: 'browser storage refused a write in a read-only transaction',
  TransactionInactiveError: 'browser storage refused a write in a transaction that had already finished',
  ConstraintError: 'browser storage refused a write that breaks one of its constraints',
  DataError: 'browser storage refused a key or value it cannot hold',
  DataCloneError: 'the data cannot be copied (into browser storage or to the worker)',
  NotFoundError: 'browser storage has no such store or entry',
  SecurityError: 'the browser does not allow storage here (private browsing, or site data blocked)',
  AbortError: 'the operation was aborted',
  TimeoutError: 'the operation timed out',
  NotReadableError: 'the file could not be read (moved, deleted or not allowed)',
  OperationError: 'the operation failed',
};

/** A full quota says the cause and what to do about it, whatever message came with it. */
export const STORAGE_FULL = 'browser storage is full: free disk space, or export and delete old cases';

function nameOf(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('name' in error)) return '';
  return typeof error.name === 'string' ? error.name : '';
}

function messageOf(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('message' in error)) return String(error);
  return typeof error.message === 'string' ? error.message.trim() : '';
}

/**
 * Any thrown value as text for a person, never empty: a full browser storage (QuotaExceededError, or
 * Chromium's legacy code 22) as {@link STORAGE_FULL}; an error with a message as its message; a named
 * error without one (a DOMException from IndexedDB) as its name and what the name means.
 */
export function errorText(error: unknown): string {
  const name = nameOf(error);
  const message = messageOf(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (name === 'QuotaExceededError' || code === 22) return STORAGE_FULL;
  if (message !== '') return message;
  const meaning = MEANINGS[name];
  if (meaning !== undefined) return `${name}: ${meaning}`;
  return name !== '' && name !== 'Error' ? name : 'an error without a message';
}

/**
 * A storage failure as an Error whose message names it ({@link errorText}), keeping the DOMException's
 * name: whoever shows or wraps `error.message` (a job's "analysis failed: …", a model import) says what
 * happened, where IndexedDB's own message may be empty.
 */
export function storageFailure(error: unknown): Error {
  const failure = new Error(errorText(error), { cause: error });
  const name = nameOf(error);
  if (name !== '') failure.name = name;
  return failure;
}
