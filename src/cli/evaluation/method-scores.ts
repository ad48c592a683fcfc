import type { HomNetModel } from '../../model/homnet-model';
import type { ScoredExample } from '../../model/eval/metrics';
import { bagFeatures } from '../../model/eval/hand-features';
import type { LogisticModel } from '../../model/eval/logistic-regression';
import { fitLogistic, predictLogistic } from '../../model/eval/logistic-regression';
import type { DatasetCase } from '../../model/train/dataset';
import type { SampledBag } from '../../model/train/bag-sampler';
import { DEFAULT_SAMPLER, sampleBag } from '../../model/train/bag-sampler';
import { chromosomeSamples } from '../../model/profile-tracks';
import { createRandom } from '../../shared/random';
import type { AblationModel } from './ablations';
import { ablationScores } from './ablations';
import type { KindRecall, MethodRow, SetRoc } from './evaluation-figures';
import type { ScoredSet } from './report';
import { figuresOf, rocPoints } from './report';

/** The appendix A.3 hand features of a bag (the LR baseline's input). */
function featuresOf(bag: SampledBag): number[] {
  return bagFeatures(
    bag.bag.pairs.map((p) => [
      { profile: p.homologs[0], samples: chromosomeSamples(p.homologs[0]) },
      { profile: p.homologs[1], samples: chromosomeSamples(p.homologs[1]) },
    ]),
  );
}

/** HomNet's scores of bags; `firstPairOnly` is the "w/o Bag" row (one pair per bag). */
export async function homnetScores(
  model: HomNetModel,
  bags: readonly SampledBag[],
  firstPairOnly = false,
): Promise<ScoredExample[]> {
  const inputs = bags.map((b) => (firstPairOnly ? { ...b.bag, pairs: b.bag.pairs.slice(0, 1) } : b.bag));
  const predictions = await model.predict(inputs, { details: false });
  return predictions.map((p, i) => ({ score: p.probability, abnormal: bags[i]?.label === 1 }));
}

/** The LR baseline on the appendix A.3 features, fitted on 3,000 bags of training cases only. */
export function fitBaseline(training: readonly DatasetCase[], seed: number): LogisticModel {
  const random = createRandom(seed + 99);
  const bags = Array.from({ length: 3000 }, () => sampleBag(training, random, DEFAULT_SAMPLER));
  return fitLogistic(
    bags.map(featuresOf),
    bags.map((b) => b.label),
  );
}

/** Every method's figures on every set, and what the later sections need of HomNet's image-set scores. */
export interface ScoredSets {
  readonly methods: MethodRow[];
  readonly rocs: SetRoc[];
  readonly recall: KindRecall[];
  /** HomNet's scores on the "image" sets, with their bags. */
  readonly imageSets: ScoredSet[];
}

/**
 * Scores each set with HomNet, HomNet on one pair per bag, the LR baseline (F1 at 0.5) and each ablation
 * model (F1 at its own manifest threshold). On the "image" sets it also keeps ROC points (HomNet and LR)
 * and HomNet's recall per kind of change at `threshold`.
 */
export async function scoreSets(
  model: HomNetModel,
  baseline: LogisticModel,
  ablations: readonly AblationModel[],
  sets: ReadonlyMap<string, readonly SampledBag[]>,
  threshold: number,
): Promise<ScoredSets> {
  const names = [...sets.keys()];
  const rows: { method: string; figures: MethodRow['figures'][number][] }[] = [
    { method: 'HomNet', figures: [] },
    { method: 'HomNet w/o Bag (one pair)', figures: [] },
    { method: 'LR (A.3 hand features)', figures: [] },
    ...ablations.map((a) => ({ method: a.label, figures: [] })),
  ];
  const rocs: SetRoc[] = [];
  const recall = new Map<string, { found: number; total: number }>();
  const imageSets: ScoredSet[] = [];
  for (const name of names) {
    const bags = sets.get(name) ?? [];
    const homnet = await homnetScores(model, bags);
    rows[0]?.figures.push(figuresOf(homnet, threshold));
    rows[1]?.figures.push(figuresOf(await homnetScores(model, bags, true), threshold));
    const lrScores = bags.map((b) => ({
      score: predictLogistic(baseline, featuresOf(b)),
      abnormal: b.label === 1,
    }));
    rows[2]?.figures.push(figuresOf(lrScores, 0.5));
    for (const [i, ablation] of ablations.entries()) {
      const scores = await ablationScores(ablation, bags, names.indexOf(name));
      rows[3 + i]?.figures.push(figuresOf(scores, ablation.model.info.threshold));
    }
    if (!name.startsWith('image')) continue;
    imageSets.push({ name, bags, scores: homnet });
    rocs.push({ method: 'HomNet', set: name, points: rocPoints(homnet) });
    rocs.push({ method: 'LR', set: name, points: rocPoints(lrScores) });
    bags.forEach((b, i) => {
      if (b.label !== 1) return;
      const key = `${b.kind} (${name.replace('image ', '')})`;
      const entry = recall.get(key) ?? { found: 0, total: 0 };
      entry.total++;
      if ((homnet[i]?.score ?? 0) >= threshold) entry.found++;
      recall.set(key, entry);
    });
  }
  return {
    methods: rows,
    rocs,
    // By code unit, as a plain sort() of the kinds orders them.
    recall: [...recall]
      .map(([kind, r]) => ({ kind, ...r }))
      .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)),
    imageSets,
  };
}
