import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModel } from '../../model/load-model';
import { AdamW } from '../../model/train/adamw';
import { initialTrainerState } from '../../model/train/trainer';
import { configDifferences, loadCheckpoint, saveCheckpoint } from './checkpoint';

describe('training checkpoints', () => {
  it('keep the merge range, the trainer step and the wall clock of earlier sessions', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'checkpoint-'));
    const model = await createModel({ seed: 2, backend: 'wasm', architecture: { mergeRange: 64 } });
    const optimizer = new AdamW({ learningRate: 1e-3, weightDecay: 0 });
    try {
      const state = { ...initialTrainerState(), step: 300 };
      await saveCheckpoint(join(directory, 'checkpoint'), model, optimizer, state, { steps: 1500 }, 912.5);
      const loaded = await loadCheckpoint(join(directory, 'checkpoint'));
      expect(loaded?.trainer.step).toBe(300);
      expect(loaded?.elapsedSeconds).toBe(912.5);
      expect(loaded?.current.manifest.architecture.mergeRange).toBe(64);
      expect(loaded?.config).toEqual({ steps: 1500 });
      expect(await loadCheckpoint(join(directory, 'none'))).toBeNull();
    } finally {
      model.dispose();
      optimizer.dispose();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('name the settings a resume would change, ignoring ones an older checkpoint did not record', () => {
    const saved = { steps: 1500, batch: 48, sampler: { augment: 1 } };
    expect(
      configDifferences(saved, { steps: 1500, batch: 48, sampler: { augment: 1 }, mergeRange: 8 }),
    ).toEqual([]);
    expect(
      configDifferences(saved, { steps: 1500, batch: 32, sampler: { augment: 1, singleChromosome: true } }),
    ).toEqual(['batch', 'sampler']);
  });
});
