import type { HomNetModel } from '../src/model/homnet-model';
import { bandRangeLabel } from '../src/karyotype/band-names';
import { differenceRegion, REGION_BASELINE } from '../src/pipeline/verdict/difference-region';
import { DEFAULT_ALIGNMENT_COSTS, pairMismatch } from '../src/pipeline/verdict/profile-alignment';
import type { AlignmentCosts } from '../src/pipeline/verdict/profile-alignment';
import type { FractionSpan } from '../src/pipeline/verdict/region-truth';
import type { ScoredCase } from '../src/pipeline/verdict/score-case';
import type { BandLevel, ChromosomeType } from '../src/shared/chromosome-types';

/** A way to locate the region of one type of a scored case, for region-accuracy to compare. */
export type RegionLocator = (
  model: HomNetModel,
  scored: ScoredCase,
  type: ChromosomeType,
  level: BandLevel,
) => Promise<FractionSpan | null>;

/** The banding alignment with other costs or another noise baseline, to show how sensitive it is. */
function alignment(costs: AlignmentCosts, baseline: number): RegionLocator {
  return (_model, scored, type, level) => {
    const pairs = scored.details.get(type)?.pairs ?? [];
    const mismatch = pairs.map((p) => pairMismatch(p.homologs[0], p.homologs[1], costs));
    return Promise.resolve(differenceRegion(type, level, mismatch, baseline));
  };
}

/**
 * The locator before issue #6, kept as the baseline to beat: the model's ‖r̂^e‖ per region mapped onto
 * each homolog's own length, α-weighted over pairs, peak ± half maximum.
 */
const embeddingNorm: RegionLocator = (model, scored, type, level) => {
  const detail = scored.details.get(type);
  if (!detail) return Promise.resolve(null);
  const bins = 100;
  const regionSamples = model.architecture.mergeRange;
  const curve = new Float64Array(bins);
  detail.prediction.pairs.forEach((pair, k) => {
    for (let h = 0; h < 2; h++) {
      const samples = detail.pairs[k]?.homologs[h as 0 | 1].samples ?? 0;
      const diff = pair.difference[h as 0 | 1];
      for (let bin = 0; bin < bins && samples > 0; bin++) {
        const region = Math.min(
          diff.length - 1,
          Math.floor((((bin + 0.5) / bins) * samples) / regionSamples),
        );
        curve[bin] = (curve[bin] ?? 0) + pair.alpha * (diff[region] ?? 0);
      }
    }
  });
  let peak = 0;
  for (let bin = 1; bin < bins; bin++) if ((curve[bin] ?? 0) > (curve[peak] ?? 0)) peak = bin;
  const floor = Math.min(...curve);
  const half = floor + 0.5 * ((curve[peak] ?? 0) - floor);
  let first = peak;
  let last = peak;
  while (first > 0 && (curve[first - 1] ?? 0) >= half) first--;
  while (last < bins - 1 && (curve[last + 1] ?? 0) >= half) last++;
  const from = first / bins;
  const to = (last + 1) / bins;
  return Promise.resolve({ from, to, bands: bandRangeLabel(type, level, from, to) });
};

export const REGION_LOCATORS: Readonly<Record<string, RegionLocator>> = {
  /** What scoreCase puts in the verdict (the app and the analysis JSON show this). */
  shipped: (_model, scored, type) =>
    Promise.resolve(scored.types.find((t) => t.type === type)?.region ?? null),
  'embedding-norm': embeddingNorm,
  'alignment-gap0.06': alignment({ ...DEFAULT_ALIGNMENT_COSTS, gap: 0.06 }, REGION_BASELINE),
  'alignment-gap0.15': alignment({ ...DEFAULT_ALIGNMENT_COSTS, gap: 0.15 }, REGION_BASELINE),
  'alignment-warp0.04': alignment({ ...DEFAULT_ALIGNMENT_COSTS, warp: 0.04 }, REGION_BASELINE),
  'alignment-baseline0.35': alignment(DEFAULT_ALIGNMENT_COSTS, 0.35),
  'alignment-baseline0.25': alignment(DEFAULT_ALIGNMENT_COSTS, 0.25),
  /** The alignment before issue #23: a large length difference may be spread over many gaps and stretches. */
  'alignment-no-block': alignment(
    { ...DEFAULT_ALIGNMENT_COSTS, blockExcess: Number.POSITIVE_INFINITY },
    REGION_BASELINE,
  ),
  /** The block rule with each pair's block placed on its own (`shipped` places it once per type). */
  'alignment-block-per-pair': alignment(DEFAULT_ALIGNMENT_COSTS, REGION_BASELINE),
  'alignment-block-slack0.3': alignment({ ...DEFAULT_ALIGNMENT_COSTS, blockSlack: 0.3 }, REGION_BASELINE),
};
