import { describe, expect, it } from 'vitest';
import { createRandom } from '../../shared/random';
import { createModel, loadModel } from '../load-model';
import { testBag } from '../testing/synthetic-bags';
import { decodeModelFile, encodeModelFile } from './model-file';
import { modelsDisposedAfterEach, SMALL_ARCHITECTURE } from '../testing/small-models';

describe('model files (export and import within a lab)', () => {
  const models = modelsDisposedAfterEach();

  it('round-trips a fine-tuned model: same manifest, same bits, identical predictions', async () => {
    const original = await createModel({ seed: 31, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    models.push(original);
    const artifacts = await original.exportArtifacts({
      id: 'homnet-lab-1',
      parentId: 'homnet-shipped',
      threshold: 0.73,
      training: { cases: { tuning: 2, heldBack: 8 } },
    });
    const text = encodeModelFile(artifacts);
    const back = await decodeModelFile(text, 'lab.homnet.json');
    expect(back.manifest).toEqual(artifacts.manifest);
    expect(new Uint8Array(back.weightData)).toEqual(new Uint8Array(artifacts.weightData));

    const imported = await loadModel({ weights: back, backend: 'wasm' });
    models.push(imported);
    expect(imported.info.parentId).toBe('homnet-shipped');
    expect(imported.info.threshold).toBe(0.73);
    const random = createRandom(4);
    const bags = [
      testBag(random, '5', 3, true),
      testBag(random, '9', 1, false),
      testBag(random, 'X', 2, false),
    ];
    const a = await original.predict(bags, { details: false });
    const b = await imported.predict(bags, { details: false });
    expect(b.map((p) => p.probability)).toEqual(a.map((p) => p.probability));
  });

  it('refuses a file whose weights do not match the checksum, and says so', async () => {
    const model = await createModel({ seed: 32, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    models.push(model);
    const artifacts = await model.exportArtifacts();
    const bytes = new Uint8Array(artifacts.weightData.slice(0));
    bytes[40] = (bytes[40] ?? 0) ^ 0x01;
    const tampered = encodeModelFile({ ...artifacts, weightData: bytes.buffer });
    await expect(decodeModelFile(tampered, 'shared.homnet.json')).rejects.toThrow(
      /^shared\.homnet\.json was refused: .*checksum mismatch/,
    );
  });

  it('refuses what is not a model file with the file name', async () => {
    await expect(decodeModelFile('{"cases": []', 'report.json')).rejects.toThrow(
      'report.json: not a HomNet model file (not JSON)',
    );
    await expect(decodeModelFile('{"format": "homnet-review/report@1"}', 'report.json')).rejects.toThrow(
      /report\.json: not a HomNet model file \(format "homnet-review\/report@1"/,
    );
  });
});
