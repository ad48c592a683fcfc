import * as tf from '@tensorflow/tfjs-core';
import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { prepareCaseInput } from '../imaging/case-input/prepare-case-input';
import { virtualFile } from '../imaging/case-input/virtual-file';
import { generateCase } from '../karyotype/synthetic-case';
import { createModel } from '../model/load-model';
import { useBackend } from '../model/backend';
import { caseDocument } from './analysis-json';
import { profileCase } from './profiles/profile-case-files';
import { scoreCase } from './verdict/score-case';

const KARYOTYPES = ['46,XY,del(5)(p14)', '46,XX', '47,XX,+21', '46,XY,inv(9)(p12q13)', '45,X'];

/** Ten different 2-cell cases as dropped PNG files: different karyotypes, so bags of different sizes. */
function caseFiles(): { path: string; bytes: Uint8Array }[][] {
  return Array.from({ length: 10 }, (_, index) =>
    generateCase({
      karyotype: KARYOTYPES[index % KARYOTYPES.length] ?? '46,XX',
      cells: 2,
      level: 400,
      seed: 500 + index,
      width: 640,
      height: 564,
    }).cells.map((cell) => {
      const { width, height, pixels } = cell.karyogram.image;
      return {
        path: `case-${index}/${cell.id}.png`,
        bytes: encode({ width, height, data: pixels, channels: 1, depth: 8 }),
      };
    }),
  );
}

describe('100 cases in a row (issue #7)', () => {
  it('leave tf.memory() as it was after warm-up: no tensor and no byte left behind', async () => {
    await useBackend('wasm');
    const before = tf.memory().numTensors;
    const model = await createModel({ seed: 11, backend: 'wasm' });
    const loaded = tf.memory();
    const cases = caseFiles();
    let afterWarmUp: tf.MemoryInfo | null = null;
    let scoredTypes = 0;
    for (let index = 1; index <= 100; index++) {
      const files = cases[index % cases.length] ?? [];
      const plan = await prepareCaseInput(files.map((f) => virtualFile(f.path, f.bytes)));
      const planned = plan.cases[0];
      if (!planned) throw new Error(`case ${index} was not planned`);
      const scored = await scoreCase(model, await profileCase(planned));
      scoredTypes += caseDocument(scored).types.filter((t) => t.score !== null).length;
      if (index === 10) afterWarmUp = tf.memory();
    }
    const end = tf.memory();
    // Every case really went through the model (about 22 scored types each).
    expect(scoredTypes).toBeGreaterThan(100 * 20);
    expect(afterWarmUp?.numTensors).toBe(loaded.numTensors);
    expect(end.numTensors).toBe(loaded.numTensors);
    expect(end.numBytes).toBe(loaded.numBytes);
    expect(end.numDataBuffers).toBe(loaded.numDataBuffers);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 240_000);
});
