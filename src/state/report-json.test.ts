import { describe, expect, it } from 'vitest';
import { importReviewFile } from './report-json';
import { MAX_IMPORT_BYTES } from './report-json-check';

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
});
