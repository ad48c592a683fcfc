import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCaseInput } from './prepare-case-input';
import { readFolderAsVirtualFiles } from './read-folder.node.js';

const scratch = mkdtempSync(join(tmpdir(), 'homnet-read-folder-'));
const root = join(scratch, 'case-9');
beforeAll(() => {
  mkdirSync(join(root, 'cell-1'), { recursive: true });
  writeFileSync(join(root, 'cell-1', '1_0.tif'), new Uint8Array([1, 2, 3]));
  writeFileSync(join(root, 'k.bmp'), new Uint8Array([4]));
  // A link back to the folder itself must not trap the walk.
  symlinkSync(root, join(root, 'cell-1', 'loop'));
  // A folder of linked cases, the way a lab picks some cases of an archive.
  mkdirSync(join(scratch, 'picked'));
  symlinkSync(root, join(scratch, 'picked', 'case-9'));
  symlinkSync(join(scratch, 'missing'), join(scratch, 'picked', 'dangling'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('readFolderAsVirtualFiles', () => {
  it('walks a folder into paths that start with its name, bytes read on demand', async () => {
    const files = await readFolderAsVirtualFiles(root);
    expect(files.map((file) => file.path)).toEqual(['case-9/cell-1/1_0.tif', 'case-9/k.bmp']);
    expect(await files[0]?.bytes()).toEqual(new Uint8Array([1, 2, 3]));
    const plan = await prepareCaseInput(files);
    expect(plan.cases.map((planned) => planned.cells.map((cell) => `${cell.kind}:${cell.id}`))).toEqual([
      ['crops:cell-1', 'karyogram:k'],
    ]);
  });

  it('follows linked case folders, each real folder once', async () => {
    const files = await readFolderAsVirtualFiles(join(scratch, 'picked'));
    expect(files.map((file) => file.path)).toEqual(['picked/case-9/cell-1/1_0.tif', 'picked/case-9/k.bmp']);
  });

  it('takes a single file as one virtual file named after it', async () => {
    const file = join(scratch, 'karyogram.BMP');
    writeFileSync(file, new Uint8Array([9]));
    const files = await readFolderAsVirtualFiles(file);
    expect(files.map((entry) => entry.path)).toEqual(['karyogram.BMP']);
  });

  it('refuses to walk more files than allowed', async () => {
    await expect(readFolderAsVirtualFiles(root, { maxFiles: 1 })).rejects.toThrow(/more than 1 files/);
  });
});
