import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { HomNetArchitecture } from '../architecture';
import type * as Parameters from '../parameters';
import { DEFAULT_ARCHITECTURE, validateArchitecture } from '../architecture';
import type { ModelArtifacts, TensorEntry, WeightsManifest } from './manifest';
import { parseManifest } from './manifest';
import { decodeModelFile, encodeModelFile } from './model-file';
import { readArtifactsFromDirectory } from './node-files';
import { sha256Hex } from './sha256';

/**
 * parameterSpecs, watched. Building the spec list of an absurd architecture is exactly what takes
 * gigabytes (1e8 alignment layers: a billion spec objects), so the watch refuses to build one for more
 * than a few hundred layers or channels: the test then fails with "built specs" instead of running out
 * of memory, on code that would build them.
 */
const specsBuilt = vi.hoisted(() => ({ architectures: [] as HomNetArchitecture[] }));
vi.mock('../parameters', async (importOriginal) => {
  const actual = await importOriginal<typeof Parameters>();
  return {
    ...actual,
    parameterSpecs: (arch: HomNetArchitecture) => {
      specsBuilt.architectures.push(arch);
      if (arch.alignmentLayers > 256 || arch.regionChannels > 4096 || arch.pairWidth > 4096)
        throw new Error('built specs for an absurd architecture');
      return actual.parameterSpecs(arch);
    },
  };
});

const SHIPPED_DIR = new URL('../../../public/models/', import.meta.url);

/** The model this build ships, read from public/models as the app serves it. */
function shippedArtifacts(): ModelArtifacts {
  const index = JSON.parse(readFileSync(new URL('index.json', SHIPPED_DIR), 'utf8')) as { default: string };
  const folder = new URL(`${index.default}/`, SHIPPED_DIR);
  const manifest = parseManifest(JSON.parse(readFileSync(new URL('manifest.json', folder), 'utf8')));
  const bytes = readFileSync(new URL(manifest.weightsFile, folder));
  return {
    manifest,
    weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  };
}

/**
 * The shipped model file with its manifest changed, the checksum computed again over the weights exactly
 * as the loader does (it covers the weights, not the manifest), so that only the architecture is at fault.
 */
async function craftedFile(
  change: (manifest: WeightsManifest) => Record<string, unknown>,
): Promise<{ text: string; bytes: number }> {
  const shipped = shippedArtifacts();
  const manifest = { ...change(shipped.manifest), sha256: await sha256Hex(shipped.weightData) };
  const text = encodeModelFile({
    manifest: manifest as unknown as WeightsManifest,
    weightData: shipped.weightData,
  });
  return { text, bytes: text.length };
}

const withArchitecture = (changes: Record<string, number>) => (manifest: WeightsManifest) => ({
  ...manifest,
  architecture: { ...manifest.architecture, ...changes },
});

/**
 * Sixteen alignment layers (within the limit) whose tensors all alias the shipped first layer's bytes:
 * every entry lies inside the file and has the right size, but the file holds the weights of two.
 */
function aliasedLayers(manifest: WeightsManifest): Record<string, unknown> {
  const aliased: TensorEntry[] = [];
  for (let layer = 2; layer < 16; layer++) {
    for (const entry of manifest.tensors.filter((t) => t.name.startsWith('hom.align0.')))
      aliased.push({ ...entry, name: entry.name.replace('align0', `align${layer}`) });
  }
  return {
    ...manifest,
    architecture: { ...manifest.architecture, alignmentLayers: 16 },
    tensors: [...manifest.tensors, ...aliased],
  };
}

describe('model files with hostile architecture numbers', () => {
  it.each([
    [{ alignmentLayers: 1e8 }, 'architecture.alignmentLayers 100000000 is above the limit of 16'],
    [
      { regionChannels: 4_000_000, heads: 4 },
      'architecture.regionChannels 4000000 is above the limit of 512',
    ],
    [{ heads: 64, regionChannels: 64 }, 'architecture.heads 64 is above the limit of 32'],
    [{ pairWidth: 1e7 }, 'architecture.pairWidth 10000000 is above the limit of 1024'],
    [{ bagWeightHidden: 1e7 }, 'architecture.bagWeightHidden 10000000 is above the limit of 512'],
    // 512 regions of one sample each: cms.global is n_r × 2n_r, attention n_r × n_r per head.
    [{ mergeRange: 1 }, 'architecture.mergeRange 1 gives 512 regions, above the limit of 128'],
  ])('refuses %j by name and limit before building anything', async (changes, message) => {
    specsBuilt.architectures.length = 0;
    const file = await craftedFile(withArchitecture(changes));
    await expect(decodeModelFile(file.text, 'big.homnet.json')).rejects.toThrow(
      `big.homnet.json: ${message}`,
    );
    expect(specsBuilt.architectures).toEqual([]);
  });

  it('refuses numbers each within their limit that together imply too many weights', () => {
    const arch = { ...DEFAULT_ARCHITECTURE, mergeRange: 4, regionChannels: 512, pairWidth: 1024 };
    expect(() => {
      validateArchitecture(arch);
    }).toThrow('architecture implies 139,942,405 weights, above the limit of 16,777,216');
  });

  it('refuses an architecture whose weights are not in the file, before building its tensor list', async () => {
    const file = await craftedFile(aliasedLayers);
    specsBuilt.architectures.length = 0;
    await expect(decodeModelFile(file.text, 'aliased.homnet.json')).rejects.toThrow(
      /^aliased\.homnet\.json was refused: model homnet-\w+: the architecture implies 656,181 weights \(2\.6 MB\), the weights file holds 364,981 \(1\.5 MB\)$/,
    );
    expect(specsBuilt.architectures).toEqual([]);
  });

  it('refuses the same model folder for the command line (--model), naming its weights file', async () => {
    const file = JSON.parse((await craftedFile(aliasedLayers)).text) as {
      manifest: unknown;
      weights: string;
    };
    const folder = mkdtempSync(join(tmpdir(), 'homnet-aliased-'));
    try {
      writeFileSync(join(folder, 'manifest.json'), JSON.stringify(file.manifest));
      writeFileSync(join(folder, 'weights.bin'), Buffer.from(file.weights, 'base64'));
      specsBuilt.architectures.length = 0;
      await expect(readArtifactsFromDirectory(folder)).rejects.toThrow(
        `${join(folder, 'weights.bin')}: the architecture implies 656,181 weights`,
      );
      expect(specsBuilt.architectures).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('still accepts the shipped model file as it is', async () => {
    const file = await craftedFile((manifest) => ({ ...manifest }));
    const artifacts = await decodeModelFile(file.text, 'shipped.homnet.json');
    expect(artifacts.manifest.architecture).toEqual(shippedArtifacts().manifest.architecture);
  });
});
