import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelArtifacts } from './manifest';
import { WeightsError, checkWeightsSize, parseManifest } from './manifest';

export const MANIFEST_FILE = 'manifest.json';

/** Writes manifest.json and the binary into a folder (created if needed). Node only. */
export async function writeArtifactsToDirectory(directory: string, artifacts: ModelArtifacts): Promise<void> {
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, artifacts.manifest.weightsFile), new Uint8Array(artifacts.weightData));
  await writeFile(join(directory, MANIFEST_FILE), `${JSON.stringify(artifacts.manifest, null, 2)}\n`);
}

/** Reads a model folder written by writeArtifactsToDirectory. Node only. */
export async function readArtifactsFromDirectory(directory: string): Promise<ModelArtifacts> {
  const manifestPath = join(directory, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch {
    throw new WeightsError(`${manifestPath}: no model manifest there`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WeightsError(`${manifestPath}: not valid JSON`);
  }
  const manifest = parseManifest(json, manifestPath);
  const weightsPath = join(directory, manifest.weightsFile);
  let bytes: Buffer;
  try {
    bytes = await readFile(weightsPath);
  } catch {
    throw new WeightsError(`${weightsPath}: the weights file named by the manifest is missing`);
  }
  // Checked here too (arithmetic, no allocation) so that a refusal names the file rather than the model id.
  checkWeightsSize(manifest, bytes.byteLength, weightsPath);
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { manifest, weightData };
}
