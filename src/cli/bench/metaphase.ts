import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { decodeImage } from '../../imaging/decode/decode-image';
import { normalisePolarity } from '../../imaging/decode/polarity';
import { profileSegmentedMetaphase } from '../../imaging/metaphase/profile-segmented-metaphase';
import { segmentMetaphase } from '../../imaging/metaphase/segment-metaphase';
import { FREE_PAIRS_1_2_AND_A_3, syntheticMetaphase } from '../../imaging/testing/synthetic-metaphase';
import { assignCellTypes } from '../../karyotype/cell-type-assignment';
import { ClassifierWeights } from '../../model/type-classifier/classifier-network';
import { classifyChromosomes } from '../../model/type-classifier/classify-chromosomes';
import { cellTypeFeatures } from '../../model/type-classifier/type-features';
import { arrangeMetaphase } from '../../pipeline/profiles/arrange-metaphase';
import type { GrayImage } from '../../shared/gray-image';
import { createRandom } from '../../shared/random';
import { median } from '../../shared/statistics';
import { loadTypeClassifier } from '../classifier/classifier-folder';

/** The benchmark's metaphase: a real one of the second lab when ../shared/data is there. */
export const BENCH_METAPHASE = new URL('../../../../shared/data/tseng/10419/104191.jpg', import.meta.url);

/** One metaphase arranged without annotation, median ms over the runs (issue #24 item 5: ≤ 1,000 ms). */
export interface MetaphaseBench {
  readonly source: string;
  readonly objects: number;
  /** segmentMetaphase, profiles, classifier and assignment, orientation: what a cell costs the worker. */
  readonly arrangeMs: number;
  readonly segmentationMs: number;
  /** Each object's centre line, straightening and profiles at the cell's scale. */
  readonly profilesMs: number;
  /** The classifier's features, its two passes (each end up) and the cell's assignment. */
  readonly classifyMs: number;
  readonly classifier: string;
  readonly targetMs: number;
}

async function benchImage(): Promise<{ image: GrayImage; source: string }> {
  try {
    const page = decodeImage('104191.jpg', new Uint8Array(await readFile(BENCH_METAPHASE)))[0];
    if (page) return { image: normalisePolarity(page.image).image, source: 'tseng 10419/104191.jpg' };
  } catch {
    // Fall through to a drawn one.
  }
  const drawn = syntheticMetaphase(320, 240, FREE_PAIRS_1_2_AND_A_3);
  return { image: drawn.image, source: 'synthetic metaphase (6 chromosomes)' };
}

const round = (value: number): number => Math.round(value * 100) / 100;

/** Times arranging one metaphase (after a warm-up run), and each of its parts alone. */
export async function benchMetaphase(runs: number): Promise<MetaphaseBench> {
  const { image, source } = await benchImage();
  // The shipped classifier when there is one; its speed does not depend on its values.
  const shipped = await loadTypeClassifier();
  const classifier = shipped ?? {
    id: 'untrained (none shipped)',
    weights: ClassifierWeights.initial(createRandom(1)),
  };
  try {
    const times = {
      arrange: [] as number[],
      segmentation: [] as number[],
      profiles: [] as number[],
      classify: [] as number[],
    };
    let objects = 0;
    for (let i = 0; i <= runs; i++) {
      let start = performance.now();
      const arranged = await arrangeMetaphase(image, classifier.weights);
      const arrangeMs = performance.now() - start;
      objects = arranged.chromosomes.length;
      start = performance.now();
      segmentMetaphase(image);
      const segmentationMs = performance.now() - start;
      start = performance.now();
      const profiles = profileSegmentedMetaphase(image);
      const profilesMs = performance.now() - start - segmentationMs;
      start = performance.now();
      const features = cellTypeFeatures(
        profiles.chromosomes.map((c) => ({
          profile: c.profiled.profile,
          samples: c.profiled.samples,
          straightened: c.profiled.straightened,
        })),
      );
      assignCellTypes(await classifyChromosomes(classifier.weights, features));
      const classifyMs = performance.now() - start;
      if (i === 0) continue; // warm-up
      times.arrange.push(arrangeMs);
      times.segmentation.push(segmentationMs);
      times.profiles.push(profilesMs);
      times.classify.push(classifyMs);
    }
    return {
      source,
      objects,
      arrangeMs: round(median(times.arrange)),
      segmentationMs: round(median(times.segmentation)),
      profilesMs: round(median(times.profiles)),
      classifyMs: round(median(times.classify)),
      classifier: classifier.id,
      targetMs: 1000,
    };
  } finally {
    classifier.weights.dispose();
  }
}
