import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import { centromereRegion, regionBandLabels } from '../../karyotype/region-bands';
import type { HeatmapTick } from '../../charts/heatmap';

/** One homolog's regions named by their bands (null past q-ter) and the ticks worth printing on an axis. */
export interface RegionAxis {
  readonly labels: readonly (string | null)[];
  readonly ticks: readonly HeatmapTick[];
}

/**
 * A readable subset of region labels for one axis: the centromere's region, the first, the last before
 * the padding (these first), then every `gap`-th region that is at least `gap` regions from every tick
 * already chosen. Regions past q-ter are never ticked.
 */
export function pickTicks(
  labels: readonly (string | null)[],
  centromere: number | null,
  gap: number,
): HeatmapTick[] {
  const step = Math.max(1, Math.round(gap));
  const labelled = labels.flatMap((label, index) => (label === null ? [] : [index]));
  const last = labelled.at(-1);
  const candidates = [centromere, labelled[0], last];
  for (let index = 0; index < labels.length; index += step) candidates.push(index);
  const chosen: number[] = [];
  for (const index of candidates) {
    if (index === undefined || index === null || labels[index] == null) continue;
    if (chosen.some((c) => Math.abs(c - index) < step)) continue;
    chosen.push(index);
  }
  return chosen.sort((a, b) => a - b).map((index) => ({ index, label: labels[index] ?? '' }));
}

/**
 * The bands of each of `regions` model regions of one homolog (its own length: `samples`, regions of
 * `regionSamples`) and the ticks to print, at least `gap` regions apart.
 */
export function regionAxis(
  type: ChromosomeType,
  level: BandLevel,
  samples: number,
  regionSamples: number,
  regions: number,
  gap: number,
): RegionAxis {
  const labels = regionBandLabels(type, level, samples, regionSamples, regions);
  return { labels, ticks: pickTicks(labels, centromereRegion(type, level, samples, regionSamples), gap) };
}
