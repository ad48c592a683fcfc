import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../model/backend';
import { classifierParameters, ClassifierWeights } from '../../model/type-classifier/classifier-network';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';
import { spreadChromosomes } from '../testing/edited-spread';
import { SURE_TYPE_PROBABILITY } from './arranged-metaphase-cell';
import { splitChromosome } from './object-edits';
import { typedRemadeObjects } from './typed-remade-objects';

/** A classifier that reads every chromosome as `type` with a probability set by `margin` (logits). */
function classifierFor(type: ChromosomeType, margin: number): ClassifierWeights {
  const values = new Map(
    classifierParameters().map((p) => [p.name, new Float32Array(p.shape.reduce((a, b) => a * b, 1))]),
  );
  values.get('out.bias')?.set([margin], CHROMOSOME_TYPES.indexOf(type));
  return new ClassifierWeights(values);
}

describe('typing the objects a split or a join made', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });
  const chromosomes = spreadChromosomes();
  const long = chromosomes.reduce((a, b) => (b.samples > a.samples ? b : a));
  const others = chromosomes.filter((c) => c !== long);
  const parts = splitChromosome(long, [
    { x: 90 - ((long.box?.x0 ?? 0) - 3), y: 0 },
    { x: 90 - ((long.box?.x0 ?? 0) - 3), y: (long.axisPicture?.image.height ?? 1) - 1 },
  ]);

  it('keeps the given types without a classifier, sure, each after its type’s copies', async () => {
    const typed = await typedRemadeObjects(others, parts, { fallback: ['5', '6'], edit: 'a split' });
    expect(typed.map((c) => [c.type, c.confidence, c.typeDoubt])).toEqual([
      ['5', 1, undefined],
      ['6', 1, undefined],
    ]);
    expect(typed.every((c) => c.homolog > 1000)).toBe(true);
    expect(typed.every((c) => c.chromatidDisagreement !== undefined)).toBe(true);
  });

  it('types them with the classifier: a sure type stands, an unsure one is doubtful', async () => {
    const before = tf.memory().numTensors;
    const sure = classifierFor('7', 12);
    const unsure = classifierFor('7', 1);
    try {
      const typed = await typedRemadeObjects(others, parts, {
        classifier: { id: 'test', weights: sure },
        fallback: ['1', '1'],
        edit: 'a split',
      });
      expect(typed.map((c) => c.type)).toEqual(['7', '7']);
      expect(typed.every((c) => c.confidence >= SURE_TYPE_PROBABILITY && c.typeDoubt === undefined)).toBe(
        true,
      );
      const doubtful = await typedRemadeObjects(others, parts, {
        classifier: { id: 'test', weights: unsure },
        fallback: ['1', '1'],
        edit: 'a split',
      });
      expect(doubtful[0]?.typeDoubt).toMatch(
        /^typed 7 automatically after a split with probability 0\.\d\d$/,
      );
    } finally {
      sure.dispose();
      unsure.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
