import type { ModelArtifacts } from './manifest';
import { WeightsError, parseManifest } from './manifest';

/**
 * Fetches a manifest and the binary it names (relative to the manifest URL). Any fetch-compatible
 * function may be passed, e.g. one that reads from a cache first.
 */
export async function fetchArtifacts(
  manifestUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ModelArtifacts> {
  const manifestResponse = await fetchImpl(manifestUrl);
  if (!manifestResponse.ok) {
    throw new WeightsError(
      `${manifestUrl}: HTTP ${manifestResponse.status} while loading the model manifest`,
    );
  }
  let json: unknown;
  try {
    json = await manifestResponse.json();
  } catch {
    throw new WeightsError(`${manifestUrl}: the model manifest is not valid JSON`);
  }
  const manifest = parseManifest(json, manifestUrl);
  const base = typeof location === 'undefined' ? undefined : location.href;
  const weightsUrl = new URL(manifest.weightsFile, new URL(manifestUrl, base)).toString();
  const weightsResponse = await fetchImpl(weightsUrl);
  if (!weightsResponse.ok)
    throw new WeightsError(`${weightsUrl}: HTTP ${weightsResponse.status} while loading the weights`);
  return { manifest, weightData: await weightsResponse.arrayBuffer() };
}
