import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HomNetModel } from '../../model/homnet-model';
import type { AdamW, AdamWState } from '../../model/train/adamw';
import type { TrainerState } from '../../model/train/trainer';
import { packWeights } from '../../model/weights/manifest';
import { readArtifactsFromDirectory, writeArtifactsToDirectory } from '../../model/weights/node-files';
import type { ModelArtifacts } from '../../model/weights/manifest';

/** What a checkpoint folder holds besides the weights. */
interface CheckpointMeta {
  readonly trainer: Omit<TrainerState, 'best'>;
  readonly optimizer: { step: number; learningRate: number; names: string[]; sizes: number[] };
  readonly config: Record<string, unknown>;
  /** Wall-clock seconds spent by all sessions of the run up to this checkpoint (absent in old ones). */
  readonly elapsedSeconds?: number;
}

/**
 * Writes a resumable checkpoint: current weights, best weights, optimiser moments and trainer state.
 * Written to a new folder and renamed into place, so an interruption never leaves a half checkpoint.
 */
export async function saveCheckpoint(
  directory: string,
  model: HomNetModel,
  optimizer: AdamW,
  state: TrainerState,
  config: Record<string, unknown>,
  elapsedSeconds = 0,
): Promise<void> {
  const staging = `${directory}.tmp`;
  await mkdir(staging, { recursive: true });
  await writeArtifactsToDirectory(join(staging, 'current'), await model.exportArtifacts());
  if (state.best) {
    await writeArtifactsToDirectory(join(staging, 'best'), await packWeights(model.architecture, state.best));
  }
  const optimizerState = await optimizer.exportState(model.weights.names());
  const names = Object.keys(optimizerState.moments);
  const sizes = names.map((n) => optimizerState.moments[n]?.m.length ?? 0);
  const packed = new Float32Array(sizes.reduce((a, b) => a + 2 * b, 0));
  let offset = 0;
  for (const name of names) {
    const moments = optimizerState.moments[name];
    if (!moments) continue;
    packed.set(moments.m, offset);
    packed.set(moments.v, offset + moments.m.length);
    offset += 2 * moments.m.length;
  }
  await writeFile(join(staging, 'optimizer.bin'), new Uint8Array(packed.buffer));
  const { best: _best, ...trainer } = state;
  const meta: CheckpointMeta = {
    trainer,
    optimizer: { step: optimizerState.step, learningRate: optimizerState.learningRate, names, sizes },
    config,
    elapsedSeconds,
  };
  await writeFile(join(staging, 'state.json'), JSON.stringify(meta));
  await rename(directory, `${directory}.old`).catch(() => undefined);
  await rename(staging, directory);
  await import('node:fs/promises').then((fs) => fs.rm(`${directory}.old`, { recursive: true, force: true }));
}

export interface LoadedCheckpoint {
  readonly current: ModelArtifacts;
  readonly best: Map<string, Float32Array> | null;
  readonly trainer: TrainerState;
  readonly optimizer: AdamWState;
  readonly config: Record<string, unknown>;
  /** Wall-clock seconds the run had spent when the checkpoint was written (0 when unrecorded). */
  readonly elapsedSeconds: number;
}

/** Reads a checkpoint written by saveCheckpoint, or null when there is none. */
export async function loadCheckpoint(directory: string): Promise<LoadedCheckpoint | null> {
  let meta: CheckpointMeta;
  try {
    meta = JSON.parse(await readFile(join(directory, 'state.json'), 'utf8')) as CheckpointMeta;
  } catch {
    return null;
  }
  const current = await readArtifactsFromDirectory(join(directory, 'current'));
  let best: Map<string, Float32Array> | null = null;
  try {
    const bestArtifacts = await readArtifactsFromDirectory(join(directory, 'best'));
    const { unpackWeights } = await import('../../model/weights/manifest');
    best = await unpackWeights(bestArtifacts);
  } catch {
    best = null;
  }
  const bytes = await readFile(join(directory, 'optimizer.bin'));
  const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const moments: AdamWState['moments'] = {};
  let offset = 0;
  meta.optimizer.names.forEach((name, i) => {
    const size = meta.optimizer.sizes[i] ?? 0;
    moments[name] = {
      m: values.slice(offset, offset + size),
      v: values.slice(offset + size, offset + 2 * size),
    };
    offset += 2 * size;
  });
  return {
    current,
    best,
    trainer: { ...meta.trainer, best },
    optimizer: { step: meta.optimizer.step, learningRate: meta.optimizer.learningRate, moments },
    config: meta.config,
    elapsedSeconds: meta.elapsedSeconds ?? 0,
  };
}

/**
 * Settings whose value differs between a checkpoint and the command that wants to resume it (keys the
 * checkpoint does not record are taken as unchanged, so checkpoints of older versions still resume).
 */
export function configDifferences(saved: Record<string, unknown>, wanted: Record<string, unknown>): string[] {
  return Object.keys(wanted).filter(
    (key) => key in saved && JSON.stringify(saved[key]) !== JSON.stringify(wanted[key]),
  );
}
