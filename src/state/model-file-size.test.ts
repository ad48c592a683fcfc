import { describe, expect, it, vi } from 'vitest';
import { MAX_MODEL_FILE_BYTES } from '../model/weights/model-file';
import { reviewModelBlob } from './model-actions';
import { useAppStore } from './store';

describe('a model file larger than any model can be', () => {
  it('is refused from its size, never read into memory', async () => {
    const text = vi.fn(() => Promise.resolve(''));
    // A 2 GB "file": only its size and name are ever looked at.
    const file = { name: 'huge.homnet.json', size: 2 * 1024 ** 3, text } as unknown as Blob & {
      name: string;
    };
    expect(file.size).toBeGreaterThan(MAX_MODEL_FILE_BYTES);
    await expect(reviewModelBlob(file)).resolves.toBeNull();
    expect(text).not.toHaveBeenCalled();
    expect(useAppStore.getState().modelsNotice).toEqual({
      kind: 'error',
      text: 'huge.homnet.json: 2,048 MB, larger than any model file can be (96 MB); not read',
    });
  });
});
