import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelArtifacts } from '../../model/weights/manifest';
import { writeArtifactsToDirectory } from '../../model/weights/node-files';

/** Where the app and the CLI find the shipped model: public/models/index.json names the default. */
export const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/models');

interface ModelIndex {
  readonly default: string;
}

/** Folder of the shipped default model; a clear error when none is shipped. */
export async function shippedModelDirectory(): Promise<string> {
  let index: ModelIndex;
  try {
    index = JSON.parse(await readFile(join(MODELS_DIR, 'index.json'), 'utf8')) as ModelIndex;
  } catch {
    throw new Error(`no model is shipped in ${MODELS_DIR}; pass --model <dir>`);
  }
  return join(MODELS_DIR, index.default);
}

/** Copies a model to public/models/<id>/ and makes it the app's and the CLI's default. */
export async function shipModel(artifacts: ModelArtifacts): Promise<void> {
  const id = artifacts.manifest.id;
  await writeArtifactsToDirectory(join(MODELS_DIR, id), artifacts);
  await writeFile(join(MODELS_DIR, 'index.json'), `${JSON.stringify({ default: id }, null, 2)}\n`);
}
