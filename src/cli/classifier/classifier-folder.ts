import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeClassifier, type ClassifierManifest } from '../../model/type-classifier/classifier-file';
import { MANIFEST_FILE } from '../../model/weights/node-files';
import { ClassifierWeights } from '../../model/type-classifier/classifier-network';
import type { TypeClassifier } from '../../pipeline/profiles/arranged-metaphase-cell';

/** Where the app and the CLI find the shipped type classifier. */
export const SHIPPED_CLASSIFIER_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../public/models/type-classifier',
);

/** Writes a classifier's manifest.json and weights into `directory` (created if needed). */
export async function writeClassifierDirectory(
  directory: string,
  manifest: ClassifierManifest,
  weightData: ArrayBuffer,
): Promise<void> {
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, manifest.weightsFile), new Uint8Array(weightData));
  await writeFile(join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Reads and checks a classifier folder written by writeClassifierDirectory. */
export async function readClassifierDirectory(directory: string): ReturnType<typeof decodeClassifier> {
  const manifestPath = join(directory, MANIFEST_FILE);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch {
    throw new Error(`${manifestPath}: no type classifier manifest there`);
  }
  const weightsFile = (json as { weightsFile?: unknown }).weightsFile;
  const weightsPath = join(
    directory,
    typeof weightsFile === 'string' ? basename(weightsFile) : 'weights.bin',
  );
  let bytes: Buffer;
  try {
    bytes = await readFile(weightsPath);
  } catch {
    throw new Error(`${weightsPath}: the weights file named by the manifest is missing`);
  }
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return decodeClassifier(json, weightData, manifestPath);
}

/**
 * The shipped type classifier with its weights as variables on the active backend, or null when none is
 * shipped (a metaphase without annotation is then refused, as before there was one).
 */
export async function loadTypeClassifier(directory = SHIPPED_CLASSIFIER_DIR): Promise<TypeClassifier | null> {
  try {
    await access(join(directory, MANIFEST_FILE));
  } catch {
    if (directory === SHIPPED_CLASSIFIER_DIR) return null;
    throw new Error(`${directory}: no type classifier there`);
  }
  const { manifest, values } = await readClassifierDirectory(directory);
  return { id: manifest.id, weights: new ClassifierWeights(values) };
}
