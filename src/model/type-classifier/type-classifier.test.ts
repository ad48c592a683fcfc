import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import { createRandom, type Random } from '../../shared/random';
import { useBackend } from '../backend';
import { ClassifierWeights, TYPE_CLASSES } from './classifier-network';
import { decodeClassifier, encodeClassifier } from './classifier-file';
import { classifyChromosomes } from './classify-chromosomes';
import { trainClassifier, type ClassifierExample } from './train-classifier';
import {
  CELL_FIGURES,
  TRACK_CHANNELS,
  TRACK_POINTS,
  turnedFeatures,
  type TypeFeatures,
} from './type-features';

/**
 * A made-up chromosome of type `type`: one dark band at a place that depends on the type (which end is
 * which left to chance), a length that grows with the type, noise everywhere.
 */
function madeUp(type: number, random: Random): TypeFeatures {
  const tracks = new Float32Array(TRACK_POINTS * TRACK_CHANNELS);
  const band = 4 + Math.floor((type * (TRACK_POINTS / 2 - 6)) / TYPE_CLASSES);
  for (let i = 0; i < TRACK_POINTS; i++) {
    const dark = Math.abs(i - band) <= 1 ? 1.6 : 0.8;
    tracks[i * TRACK_CHANNELS] = dark + random.normal() * 0.05;
    tracks[i * TRACK_CHANNELS + 1] = dark + random.normal() * 0.05;
    tracks[i * TRACK_CHANNELS + 2] = 1 + random.normal() * 0.05;
  }
  const length = 0.4 + type * 0.07;
  const features = { tracks, figures: Float32Array.of(length, Math.log(length), 1, 1) };
  return random.next() < 0.5 ? turnedFeatures(features) : features;
}

describe('type classifier', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('gives each chromosome a probability per type, the same whichever end is up, and leaks no tensor', async () => {
    const random = createRandom(1);
    const weights = ClassifierWeights.initial(random);
    const before = tf.memory().numTensors;
    const features = [madeUp(0, random), madeUp(10, random), madeUp(23, random)];
    const asGiven = await classifyChromosomes(weights, features);
    const turned = await classifyChromosomes(weights, features.map(turnedFeatures));
    expect(tf.memory().numTensors).toBe(before);
    expect(asGiven).toHaveLength(3);
    for (const [i, p] of asGiven.entries()) {
      expect(p).toHaveLength(CHROMOSOME_TYPES.length);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      for (let t = 0; t < TYPE_CLASSES; t++) expect(turned[i]?.[t]).toBeCloseTo(p[t] ?? NaN, 5);
    }
    expect(await classifyChromosomes(weights, [])).toEqual([]);
    weights.dispose();
  });

  it('learns types told apart by band position and length, whichever end is up', async () => {
    const random = createRandom(2);
    const examples: ClassifierExample[] = [];
    for (let i = 0; i < 480; i++) {
      const type = i % TYPE_CLASSES;
      examples.push({ type, features: madeUp(type, random) });
    }
    const before = tf.memory().numTensors;
    const weights = await trainClassifier(examples, createRandom(3), {
      epochs: 10,
      batch: 32,
      learningRate: 3e-3,
      weightDecay: 1e-4,
      dropout: 0.1,
      labelSmoothing: 0.05,
      lengthJitter: 0.02,
    });
    const held = Array.from({ length: 240 }, (_, i) => ({
      type: i % TYPE_CLASSES,
      features: madeUp(i % TYPE_CLASSES, random),
    }));
    const probabilities = await classifyChromosomes(
      weights,
      held.map((e) => e.features),
    );
    const right = probabilities.filter((p, i) => p.indexOf(Math.max(...p)) === held[i]?.type).length;
    expect(right / held.length).toBeGreaterThan(0.9);
    weights.dispose();
    // Only the weights' variables lived between the steps: the optimizer's moments are gone too.
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('writes and reads its weights, refusing a changed file', async () => {
    const weights = ClassifierWeights.initial(createRandom(4));
    const values = await weights.read();
    weights.dispose();
    const { manifest, weightData } = await encodeClassifier(values, { note: 'test' });
    expect(manifest.id).toMatch(/^type-classifier-[0-9a-f]{12}$/);
    expect(manifest.trackPoints).toBe(TRACK_POINTS);
    expect(manifest.cellFigures).toBe(CELL_FIGURES);
    const read = await decodeClassifier(JSON.parse(JSON.stringify(manifest)), weightData, 'm.json');
    for (const [name, data] of values)
      expect(Array.from(read.values.get(name) ?? [])).toEqual(Array.from(data));

    const changed = weightData.slice(0);
    new Float32Array(changed)[7] = 123;
    await expect(decodeClassifier(manifest, changed, 'm.json')).rejects.toThrow(/m.json: .*checksum/);
    await expect(decodeClassifier(manifest, weightData.slice(4), 'm.json')).rejects.toThrow(/bytes/);
    await expect(decodeClassifier({ ...manifest, trackPoints: 32 }, weightData, 'm.json')).rejects.toThrow(
      /other inputs/,
    );
    await expect(
      decodeClassifier({ ...manifest, tensors: manifest.tensors.slice(1) }, weightData, 'm.json'),
    ).rejects.toThrow(/tensors/);
    await expect(decodeClassifier({ format: 'x' }, weightData, 'm.json')).rejects.toThrow(
      /not a type classifier/,
    );
  });
});
