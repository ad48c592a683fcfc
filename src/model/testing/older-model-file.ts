import type { ModelArtifacts } from '../weights/manifest';
import { sha256Hex } from '../weights/sha256';

/**
 * The same model as a file made before some of its tensors existed: those tensors left out of the
 * manifest and the weight data, the other offsets moved up, the checksum recomputed.
 */
export async function withoutTensors(
  artifacts: ModelArtifacts,
  names: readonly string[],
): Promise<ModelArtifacts> {
  let { manifest, weightData } = artifacts;
  for (const name of names) {
    const entry = manifest.tensors.find((t) => t.name === name);
    if (!entry) throw new Error(`no tensor ${name} to remove`);
    const bytes = new Uint8Array(weightData);
    const kept = new Uint8Array(bytes.length - entry.byteLength);
    kept.set(bytes.subarray(0, entry.byteOffset));
    kept.set(bytes.subarray(entry.byteOffset + entry.byteLength), entry.byteOffset);
    const tensors = manifest.tensors
      .filter((t) => t !== entry)
      .map((t) =>
        t.byteOffset > entry.byteOffset ? { ...t, byteOffset: t.byteOffset - entry.byteLength } : t,
      );
    weightData = kept.buffer;
    manifest = { ...manifest, tensors };
  }
  return { manifest: { ...manifest, sha256: await sha256Hex(weightData) }, weightData };
}
