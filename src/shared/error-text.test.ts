import { describe, expect, it } from 'vitest';
import { STORAGE_FULL, errorText, storageFailure } from './error-text';

describe('errorText', () => {
  it('names a full browser storage and what to do, even when its message is empty', () => {
    expect(STORAGE_FULL).toBe('browser storage is full: free disk space, or export and delete old cases');
    expect(errorText(new DOMException('', 'QuotaExceededError'))).toBe(STORAGE_FULL);
    expect(errorText(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(
      STORAGE_FULL,
    );
  });

  it('reads a quota error that crossed from the worker (comlink keeps its name and message only)', () => {
    const crossed = Object.assign(new Error(''), { name: 'QuotaExceededError', message: '' });
    expect(errorText(crossed)).toBe(STORAGE_FULL);
  });

  it('gives an unnamed-message DOMException its name and meaning', () => {
    expect(errorText(new DOMException('', 'UnknownError'))).toBe(
      'UnknownError: browser storage failed for a reason it did not give (a disk or browser fault): reload the page',
    );
    expect(errorText(new DOMException('', 'InvalidStateError'))).toMatch(
      /^InvalidStateError: browser storage was closed/,
    );
    expect(errorText(new DOMException('', 'SomeNewError'))).toBe('SomeNewError');
  });

  it('keeps a message when there is one, and is never empty', () => {
    expect(errorText(new Error('case x is not stored in this browser'))).toBe(
      'case x is not stored in this browser',
    );
    expect(errorText(new DOMException('Data cannot be cloned, out of memory.', 'DataCloneError'))).toBe(
      'Data cannot be cloned, out of memory.',
    );
    expect(errorText('a thrown string')).toBe('a thrown string');
    expect(errorText(new Error(''))).toBe('an error without a message');
    expect(errorText(new Error('  '))).toBe('an error without a message');
  });

  it('turns a storage failure into an Error whose message says it, keeping the name and the cause', () => {
    const quota = new DOMException('', 'QuotaExceededError');
    const failure = storageFailure(quota);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.message).toBe(STORAGE_FULL);
    expect(failure.name).toBe('QuotaExceededError');
    expect(failure.cause).toBe(quota);
    expect(`analysis failed: ${failure.message}`).toBe(`analysis failed: ${STORAGE_FULL}`);
    expect(storageFailure(new DOMException('', 'UnknownError')).message).toMatch(/^UnknownError: /);
  });
});
