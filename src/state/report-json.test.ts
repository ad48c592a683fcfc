import { describe, expect, it } from 'vitest';
import type { ImportProgress } from './report-json';
import { ImportCancelled, importReviewDocument, importReviewFile } from './report-json';
import { MAX_IMPORT_BYTES } from './report-json-check';
import { useAppStore } from './store';

/** A document of `count` minimal valid cases (no cells, no types), `broken` (if given) missing its cells. */
function documentText(count: number, broken?: number): string {
  const cases = Array.from({ length: count }, (_, i) =>
    i === broken
      ? { case: `c${i}`, types: [], errors: [] }
      : { case: `c${i}`, cells: [], types: [], errors: [] },
  );
  return JSON.stringify({
    schema: 'homnet-review/analysis@1',
    model: { id: 'm', sha256: '' },
    backend: 'cpu',
    cases,
  });
}

describe('importReviewFile', () => {
  it('refuses a file over the size limit before reading it', async () => {
    // Generated here, in memory: one megabyte over the limit.
    const file = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1024 ** 2)]);
    await expect(importReviewFile(file)).rejects.toThrow(
      'the file is 65 MB, more than the 64 MB that can be imported at once (export fewer cases per file)',
    );
  });

  it('says a file that is not JSON is not JSON', async () => {
    await expect(importReviewFile(new Blob(['{"schema":']))).rejects.toThrow(/^is not valid JSON \(/);
  });

  it('checks in steps with progress, and stops at the first bad case before storing any', async () => {
    const seen: ImportProgress[] = [];
    await expect(
      importReviewDocument(documentText(300, 250), { onProgress: (p) => seen.push(p) }),
    ).rejects.toThrow('cases[250].cells is missing');
    expect(seen.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
      'checking 0/300',
      'checking 100/300',
      'checking 200/300',
    ]);
    expect(useAppStore.getState().cases).toEqual({});
  });

  it('a Cancel while checking stops the import before anything is stored', async () => {
    const controller = new AbortController();
    await expect(
      importReviewDocument(documentText(300), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done >= 100) controller.abort();
        },
      }),
    ).rejects.toThrow(ImportCancelled);
    expect(useAppStore.getState().cases).toEqual({});
  });
});
