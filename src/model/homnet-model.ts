import * as tf from '@tensorflow/tfjs-core';
import type { HomNetArchitecture } from './architecture';
import { regionCount } from './architecture';
import type { BackendChoice } from './backend';
import { activeBackend } from './backend';
import { forward } from './forward';
import type { BagInput } from './inputs';
import { toBatchTensors, validateBags } from './inputs';
import type { BagPrediction, PredictOptions } from './prediction';
import { chunkBags, toBagPredictions } from './read-prediction';
import type { ModelArtifacts, PackOptions } from './weights/manifest';
import { packWeights } from './weights/manifest';
import type { CaseCalibration } from './case-calibration';
import type { WeightStore } from './weights-store';

/** Facts about a loaded model that the app and the CLI report with every result. */
export interface ModelInfo {
  readonly id: string;
  readonly parentId?: string;
  readonly sha256: string;
  readonly threshold: number;
  readonly createdAt: string;
  readonly architecture: HomNetArchitecture;
  readonly training?: Readonly<Record<string, unknown>>;
  /** How its scores are calibrated to their case; absent: they are not. */
  readonly caseCalibration?: CaseCalibration;
}

/** A loaded HomNet: plain objects in, plain objects out; tensors never leave it. */
export class HomNetModel {
  constructor(
    readonly info: ModelInfo,
    readonly weights: WeightStore,
    readonly backend: BackendChoice,
  ) {}

  get id(): string {
    return this.info.id;
  }

  get architecture(): HomNetArchitecture {
    return this.info.architecture;
  }

  /**
   * Scores bags (any number, each with m ≥ 1 pairs) in as few backend calls as the pair limit allows.
   * Results are in input order.
   */
  async predict(bags: readonly BagInput[], options: PredictOptions = {}): Promise<BagPrediction[]> {
    this.assertBackend();
    validateBags(bags);
    const details = options.details ?? true;
    const results: BagPrediction[] = [];
    for (const chunk of chunkBags(bags, options.maxPairsPerCall ?? 512)) {
      results.push(...(await this.predictChunk(chunk, details)));
    }
    return results;
  }

  private async predictChunk(bags: readonly BagInput[], details: boolean): Promise<BagPrediction[]> {
    const outputs = tf.tidy(() => {
      // The faster GELU form (see GeluForm): prediction need not repeat training's rounding.
      const out = forward(
        toBatchTensors(bags, this.architecture.pairMeasures),
        this.weights,
        this.architecture,
        'sigmoid',
      );
      return details
        ? [out.logits, out.alphas, out.differenceNorms, ...out.attention]
        : [out.logits, out.alphas];
    });
    try {
      const data = await Promise.all(outputs.map((t) => t.data() as Promise<Float32Array>));
      const [logits, alphas, differenceNorms, ...attention] = data;
      if (!logits || !alphas) throw new Error('model produced no output');
      return toBagPredictions(
        bags,
        { logits, alphas, differenceNorms: differenceNorms ?? null, attention: details ? attention : null },
        regionCount(this.architecture),
        this.architecture.heads,
      );
    } finally {
      tf.dispose(outputs);
    }
  }

  /** Current weights as a manifest + binary (for saving, export, IndexedDB). */
  async exportArtifacts(options: PackOptions = {}): Promise<ModelArtifacts> {
    const values = await this.weights.read();
    return packWeights(this.architecture, values, {
      id: options.id ?? this.info.id,
      threshold: options.threshold ?? this.info.threshold,
      createdAt: options.createdAt ?? this.info.createdAt,
      ...(options.parentId !== undefined || this.info.parentId !== undefined
        ? { parentId: options.parentId ?? this.info.parentId ?? '' }
        : {}),
      ...(options.training !== undefined || this.info.training !== undefined
        ? { training: options.training ?? this.info.training ?? {} }
        : {}),
      // The calibration belongs to these weights: a model derived from them (a parent named) measures its own.
      ...(options.caseCalibration !== undefined
        ? { caseCalibration: options.caseCalibration }
        : options.parentId === undefined && this.info.caseCalibration !== undefined
          ? { caseCalibration: this.info.caseCalibration }
          : {}),
    });
  }

  /** Frees every weight on the backend; the model cannot be used afterwards. */
  dispose(): void {
    this.weights.dispose();
  }

  private assertBackend(): void {
    const active = activeBackend();
    if (active !== this.backend.name) {
      throw new Error(
        `model ${this.id} was loaded on ${this.backend.name} but tfjs now runs ${active}; load it again to switch`,
      );
    }
  }
}
