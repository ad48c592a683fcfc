import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../shared/random';
import type { HomNetModel } from '../homnet-model';
import { createModel, loadModel } from '../load-model';
import { testBag } from '../testing/synthetic-bags';
import { readArtifactsFromDirectory, writeArtifactsToDirectory } from './node-files';
import type { ModelArtifacts, WeightsManifest } from './manifest';
import { parseManifest, unpackWeights } from './manifest';
import { fetchArtifacts } from './url';

describe('weights manifest and files', () => {
  let model: HomNetModel;
  let artifacts: ModelArtifacts;
  let directory: string;
  beforeAll(async () => {
    model = await createModel({ seed: 21, backend: 'wasm' });
    artifacts = await model.exportArtifacts({ threshold: 0.37 });
    directory = await mkdtemp(join(tmpdir(), 'homnet-weights-'));
  });
  afterAll(async () => {
    model.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  it('describes every tensor with name, shape, dtype and the checksum', () => {
    const { manifest } = artifacts;
    expect(manifest.id).toMatch(/^homnet-[0-9a-f]{12}$/);
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.threshold).toBe(0.37);
    expect(manifest.architecture.mergeRange).toBe(32);
    const merge = manifest.tensors.find((t) => t.name === 'cms.merge.kernel');
    expect(merge).toMatchObject({
      shape: [64, 64],
      dtype: 'float32',
      // After the three coefficients of the input calibration, the first tensor of the file.
      byteOffset: 3 * 4,
      byteLength: 64 * 64 * 4,
    });
    const total = manifest.tensors.reduce((sum, t) => sum + t.byteLength, 0);
    expect(total).toBe(artifacts.weightData.byteLength);
    expect(artifacts.weightData.byteLength).toBeLessThan(3 * 1024 * 1024);
  });

  it('keeps a case calibration with its weights, and drops it for a model derived from them', async () => {
    const calibration = { quantile: 0.75, referenceLogit: -0.85, minTypes: 8 };
    const calibrated = await loadModel({
      weights: { ...artifacts, manifest: { ...artifacts.manifest, caseCalibration: calibration } },
      backend: 'wasm',
    });
    try {
      expect(calibrated.info.caseCalibration).toEqual(calibration);
      const again = await calibrated.exportArtifacts();
      expect(parseManifest(JSON.parse(JSON.stringify(again.manifest))).caseCalibration).toEqual(calibration);
      const derived = await calibrated.exportArtifacts({ parentId: calibrated.id });
      expect(derived.manifest.caseCalibration).toBeUndefined();
      // A malformed one is dropped, not refused: the model works without it.
      const odd = parseManifest({ ...artifacts.manifest, caseCalibration: { quantile: 3 } });
      expect(odd.caseCalibration).toBeUndefined();
    } finally {
      calibrated.dispose();
    }
  });

  it('saves to files and loads back with identical predictions', async () => {
    await writeArtifactsToDirectory(directory, artifacts);
    const reloaded = await loadModel({
      weights: await readArtifactsFromDirectory(directory),
      backend: 'wasm',
    });
    try {
      expect(reloaded.id).toBe(model.id);
      expect(reloaded.info.threshold).toBe(0.37);
      const random = createRandom(8);
      const bags = [testBag(random, '2', 3, true), testBag(random, '22', 1, false)];
      const [a, b] = [await model.predict(bags), await reloaded.predict(bags)];
      expect(b.map((r) => r.probability)).toEqual(a.map((r) => r.probability));
      expect(Array.from(b[0]?.pairs[2]?.attention[1]?.[2]?.twoToOne ?? [])).toEqual(
        Array.from(a[0]?.pairs[2]?.attention[1]?.[2]?.twoToOne ?? []),
      );
    } finally {
      reloaded.dispose();
    }
  });

  it('loads from a URL through fetch, resolving the binary next to the manifest', async () => {
    const served = new Map<string, ArrayBuffer | string>([
      ['http://models.test/m1/manifest.json', JSON.stringify(artifacts.manifest)],
      ['http://models.test/m1/weights.bin', artifacts.weightData],
    ]);
    const fakeFetch = (input: string): Promise<Response> => {
      const body = served.get(input);
      return Promise.resolve(body === undefined ? new Response('', { status: 404 }) : new Response(body));
    };
    const fetched = await fetchArtifacts(
      'http://models.test/m1/manifest.json',
      fakeFetch as unknown as typeof fetch,
    );
    expect(fetched.manifest.sha256).toBe(artifacts.manifest.sha256);
    await expect(
      fetchArtifacts('http://models.test/none/manifest.json', fakeFetch as unknown as typeof fetch),
    ).rejects.toThrow(/HTTP 404 while loading the model manifest/);
  });

  it('refuses a binary whose checksum does not match', async () => {
    const corrupt = artifacts.weightData.slice(0);
    const bytes = new Uint8Array(corrupt);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    await expect(unpackWeights({ manifest: artifacts.manifest, weightData: corrupt })).rejects.toThrow(
      /checksum mismatch/,
    );
  });

  it('refuses a manifest whose shapes do not fit the architecture', async () => {
    const manifest: WeightsManifest = {
      ...artifacts.manifest,
      tensors: artifacts.manifest.tensors.map((t) =>
        t.name === 'bag.out.kernel' ? { ...t, shape: [64, 2] } : t,
      ),
    };
    await expect(unpackWeights({ manifest, weightData: artifacts.weightData })).rejects.toThrow(
      /"bag.out.kernel" has shape \[64, 2\], the architecture needs \[128, 1\]/,
    );
    const missing = {
      ...artifacts.manifest,
      tensors: artifacts.manifest.tensors.filter((t) => t.name !== 'cms.merge.kernel'),
    };
    await expect(unpackWeights({ manifest: missing, weightData: artifacts.weightData })).rejects.toThrow(
      /"cms.merge.kernel" is missing/,
    );
  });

  it('refuses malformed manifests and missing files with the path in the message', async () => {
    expect(() => parseManifest({ format: 'other' }, 'x.json')).toThrow(/x.json: format is "other"/);
    expect(() => parseManifest({ ...artifacts.manifest, sha256: 'abc' }, 'x.json')).toThrow(
      /not a hex digest/,
    );
    expect(() => parseManifest({ ...artifacts.manifest, id: '' }, 'x.json')).toThrow('x.json: id is missing');
    expect(() => parseManifest({ ...artifacts.manifest, threshold: 2 }, 'x.json')).toThrow(
      'x.json: threshold is not in [0, 1]',
    );
    const [first, ...rest] = artifacts.manifest.tensors;
    expect(() =>
      parseManifest({ ...artifacts.manifest, tensors: [{ ...first, dtype: 'float16' }, ...rest] }, 'x.json'),
    ).toThrow(`x.json: tensor "${first?.name ?? ''}" has dtype float16, only float32 is supported`);
    expect(() => parseManifest({ ...artifacts.manifest, tensors: [...rest, 7] }, 'x.json')).toThrow(
      `x.json: tensors[${rest.length}] is not an object`,
    );
    expect(() =>
      parseManifest({
        ...artifacts.manifest,
        architecture: { ...artifacts.manifest.architecture, heads: 5 },
      }),
    ).toThrow(/heads 5 must divide regionChannels 64/);
    const broken = await mkdtemp(join(tmpdir(), 'homnet-broken-'));
    await writeFile(join(broken, 'manifest.json'), JSON.stringify(artifacts.manifest));
    await expect(readArtifactsFromDirectory(broken)).rejects.toThrow(
      /weights.bin: the weights file named by the manifest is missing/,
    );
    await rm(broken, { recursive: true, force: true });
  });
});
