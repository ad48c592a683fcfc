import { decodeClassifier, type ClassifierManifest } from './classifier-file';

/** A type classifier's checked weights as plain arrays (variables are made from them where they are used). */
export interface ClassifierValues {
  readonly manifest: ClassifierManifest;
  readonly values: ReadonlyMap<string, Float32Array>;
}

/**
 * Fetches a type classifier's manifest and the weights file it names (relative to the manifest URL) and
 * checks them (decodeClassifier); a missing file or a mismatch throws naming the URL.
 */
export async function fetchClassifier(
  manifestUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ClassifierValues> {
  const response = await fetchImpl(manifestUrl);
  if (!response.ok) throw new Error(`${manifestUrl}: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(`${manifestUrl}: not valid JSON`);
  }
  const weightsFile = (json as { weightsFile?: unknown } | null)?.weightsFile;
  if (typeof weightsFile !== 'string' || !/^[\w.-]+$/.test(weightsFile))
    throw new Error(`${manifestUrl}: names no weights file`);
  const weightsUrl = new URL(weightsFile, manifestUrl).toString();
  const weights = await fetchImpl(weightsUrl);
  if (!weights.ok) throw new Error(`${weightsUrl}: HTTP ${weights.status}`);
  const { manifest, values } = await decodeClassifier(json, await weights.arrayBuffer(), manifestUrl);
  return { manifest, values };
}
