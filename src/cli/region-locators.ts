import type { HomNetModel } from '../model';
import type { FractionSpan } from '../pipeline/region-truth';
import type { ScoredCase } from '../pipeline/score-case';
import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';

/** A way to locate the region of one type of a scored case, for region-accuracy to compare. */
export type RegionLocator = (
  model: HomNetModel,
  scored: ScoredCase,
  type: ChromosomeType,
  level: BandLevel,
) => Promise<FractionSpan | null>;

export const REGION_LOCATORS: Readonly<Record<string, RegionLocator>> = {
  /** What scoreCase puts in the verdict (the app and the analysis JSON show this). */
  shipped: (_model, scored, type) =>
    Promise.resolve(scored.types.find((t) => t.type === type)?.region ?? null),
};
