import type { ModelArtifacts } from './manifest';
import { WeightsError, parseManifest, unpackWeights } from './manifest';

/** One-file form of a model, for sharing within a lab: the manifest and its binary in base64. */
export const MODEL_FILE_FORMAT = 'homnet-review/model-file@1';

/**
 * Largest model file read: the most weights an architecture may imply (2^24 float32, 64 MiB) is 85 MiB in
 * base64, plus its manifest. Checked from the file's size before it is read as text.
 */
export const MAX_MODEL_FILE_BYTES = 96 * 1024 * 1024;

/** File name extension of an exported model (JSON inside). */
export const MODEL_FILE_SUFFIX = '.homnet.json';

/** btoa takes a "binary string"; building it in chunks keeps the argument list of fromCharCode short. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function fromBase64(text: string, source: string): ArrayBuffer {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new WeightsError(`${source}: the weights are not valid base64`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** A model as one JSON text: `{ format, manifest, weights }` (weights: base64 of the binary). */
export function encodeModelFile(artifacts: ModelArtifacts): string {
  return JSON.stringify({
    format: MODEL_FILE_FORMAT,
    manifest: artifacts.manifest,
    weights: toBase64(new Uint8Array(artifacts.weightData)),
  });
}

/**
 * Reads a model file and checks it completely before anyone stores it: its form, its manifest, the
 * checksum of its weights, and every tensor's name and shape. Refusals are WeightsErrors that name
 * `source` (the file name) and say what is wrong.
 */
export async function decodeModelFile(text: string, source: string): Promise<ModelArtifacts> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WeightsError(`${source}: not a HomNet model file (not JSON)`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new WeightsError(`${source}: not a HomNet model file`);
  const { format, manifest, weights } = json as Record<string, unknown>;
  if (format !== MODEL_FILE_FORMAT) {
    throw new WeightsError(
      `${source}: not a HomNet model file (format ${JSON.stringify(format)}, expected "${MODEL_FILE_FORMAT}")`,
    );
  }
  if (typeof weights !== 'string') throw new WeightsError(`${source}: the file holds no weights`);
  const artifacts: ModelArtifacts = {
    manifest: parseManifest(manifest, source),
    weightData: fromBase64(weights, source),
  };
  try {
    await unpackWeights(artifacts);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new WeightsError(`${source} was refused: ${message}`);
  }
  return artifacts;
}
