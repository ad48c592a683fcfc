import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { VirtualFile } from './virtual-file';

/** Options of {@link readFolderAsVirtualFiles}. */
export interface ReadFolderOptions {
  /** Stop with an error past this many files, so that pointing at `/` fails fast. Default 200,000. */
  readonly maxFiles?: number;
}

/**
 * Node only: turns a file or a folder on disk into virtual files whose paths start with its own name
 * (`/data/case-7` gives `case-7/cell-1/1_0.tiff`, `…/k.bmp` gives `k.bmp`), sorted by path. Bytes are
 * read lazily. Symbolic links are followed (a folder of linked cases is a common way to pick some), each
 * real folder at most once, so that a link loop cannot trap the walk.
 */
export async function readFolderAsVirtualFiles(
  root: string,
  options: ReadFolderOptions = {},
): Promise<VirtualFile[]> {
  const maxFiles = options.maxFiles ?? 200_000;
  const files: VirtualFile[] = [];
  const add = (absolute: string, path: string): void => {
    if (files.length >= maxFiles) throw new Error(`${root}: more than ${maxFiles} files`);
    files.push({ path, bytes: async () => new Uint8Array(await readFile(absolute)) });
  };
  const rootName = basename(root);
  if (!(await stat(root)).isDirectory()) {
    add(root, rootName);
    return files;
  }
  const visited = new Set<string>();
  const walk = async (absolute: string, path: string): Promise<void> => {
    const real = await realpath(absolute);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await readdir(absolute, { withFileTypes: true });
    for (const entry of entries) {
      const childAbsolute = join(absolute, entry.name);
      const childPath = `${path}/${entry.name}`;
      if (entry.isDirectory()) await walk(childAbsolute, childPath);
      else if (entry.isFile()) add(childAbsolute, childPath);
      else if (entry.isSymbolicLink()) {
        // A dangling link is skipped like any other non-file.
        const target = await stat(childAbsolute).catch(() => null);
        if (target?.isDirectory() === true) await walk(childAbsolute, childPath);
        else if (target?.isFile() === true) add(childAbsolute, childPath);
      }
    }
  };
  await walk(root, rootName);
  return files.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
}
