import type { InputFile } from '../../worker/analysis-api';

async function fileBytes(file: File, path: string): Promise<InputFile> {
  return { path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => {
    entry.file(resolve, reject);
  });
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    reader.readEntries(resolve, reject);
  });
}

async function walk(entry: FileSystemEntry, prefix: string, out: InputFile[]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    out.push(await fileBytes(await entryFile(entry as FileSystemFileEntry), path));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most ~100 entries per call: read until it returns none.
  for (;;) {
    const batch = await readEntries(reader);
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, path, out);
  }
}

/** Files and folders dropped on the page, with paths relative to what was dropped. */
export async function readDataTransfer(transfer: DataTransfer): Promise<InputFile[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return readFileList(transfer.files);
  const out: InputFile[] = [];
  for (const entry of entries) await walk(entry, '', out);
  return out;
}

/** Files from a file picker; a folder picker (webkitdirectory) gives each file's relative path. */
export function readFileList(files: FileList | readonly File[]): Promise<InputFile[]> {
  return Promise.all([...files].map((file) => fileBytes(file, file.webkitRelativePath || file.name)));
}
