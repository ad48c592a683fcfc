import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripedBands, syntheticMetaphase } from '../../imaging/testing/synthetic-metaphase';
import { rotateHalfTurn } from '../../imaging/profile/banding-orientation';
import { useBackend } from '../../model/backend';
import { ClassifierWeights } from '../../model/type-classifier/classifier-network';
import { createRandom } from '../../shared/random';
import { arrangeMetaphase } from './arrange-metaphase';
import { profileSegmentedMetaphase } from '../../imaging/metaphase/profile-segmented-metaphase';

/** Eight free chromosomes of four lengths, lying at different angles. */
const SPREAD = syntheticMetaphase(320, 260, [
  {
    label: 'A1',
    path: [
      { x: 20, y: 20 },
      { x: 140, y: 30 },
    ],
    bands: stripedBands(9),
  },
  {
    label: 'A1',
    path: [
      { x: 180, y: 20 },
      { x: 300, y: 40 },
    ],
    bands: stripedBands(9),
  },
  {
    label: 'C7',
    path: [
      { x: 30, y: 80 },
      { x: 30, y: 160 },
    ],
    bands: stripedBands(6),
  },
  {
    label: 'C7',
    path: [
      { x: 80, y: 80 },
      { x: 150, y: 120 },
    ],
    bands: stripedBands(6),
  },
  {
    label: 'E18',
    path: [
      { x: 200, y: 90 },
      { x: 250, y: 90 },
    ],
    bands: stripedBands(4),
  },
  {
    label: 'E18',
    path: [
      { x: 200, y: 140 },
      { x: 240, y: 170 },
    ],
    bands: stripedBands(4),
  },
  {
    label: 'G21',
    path: [
      { x: 60, y: 220 },
      { x: 90, y: 220 },
    ],
    bands: stripedBands(2),
  },
  {
    label: 'G21',
    path: [
      { x: 150, y: 210 },
      { x: 170, y: 235 },
    ],
    bands: stripedBands(2),
  },
]);

describe('arrangeMetaphase', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('profiles every object at one scale, keeping relative length', () => {
    const profiles = profileSegmentedMetaphase(SPREAD.image);
    expect(profiles.chromosomes).toHaveLength(8);
    const samples = profiles.chromosomes.map((c) => c.profiled.samples).sort((a, b) => b - a);
    // The two long ones about four times the two short ones (120 against 30 px drawn).
    expect((samples[0] ?? 0) / (samples[7] ?? 1)).toBeGreaterThan(2.5);
  });

  it('types every object, one type per object, numbering copies, and keeps no tensor', async () => {
    const classifier = ClassifierWeights.initial(createRandom(1));
    const before = tf.memory().numTensors;
    const arranged = await arrangeMetaphase(SPREAD.image, classifier);
    expect(tf.memory().numTensors).toBe(before);
    classifier.dispose();
    expect(arranged.chromosomes).toHaveLength(arranged.segmentation.objects.length);
    const byType = new Map<string, number[]>();
    for (const c of arranged.chromosomes) byType.set(c.type, [...(byType.get(c.type) ?? []), c.homolog]);
    for (const homologs of byType.values()) expect(homologs).toEqual(homologs.map((_, i) => i));
    for (const c of arranged.chromosomes) {
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.box).toEqual(arranged.segmentation.objects[c.object]?.box);
      expect(c.samples).toBeGreaterThan(0);
    }
  });

  it('turns a chromosome read from the other end as a whole: profile and straightened image together', async () => {
    const classifier = ClassifierWeights.initial(createRandom(2));
    const arranged = await arrangeMetaphase(SPREAD.image, classifier);
    classifier.dispose();
    const profiles = profileSegmentedMetaphase(SPREAD.image);
    for (const c of arranged.chromosomes) {
      const asLaid = profiles.chromosomes[c.object]?.profiled;
      if (!asLaid) throw new Error('no profile');
      const turned = c.profile[0] !== asLaid.profile[0] || c.profile[1] !== asLaid.profile[1];
      const expected = turned ? rotateHalfTurn(asLaid.straightened) : asLaid.straightened;
      expect(Array.from(c.straightened.pixels)).toEqual(Array.from(expected.pixels));
    }
  });
});
