import { chromosomeSamples } from '../../model/profile-tracks';
import { NORMAL_PAIR_SPREAD, PAIR_MEASURES, rawPairMeasures } from '../../model/pair-measures';
import type { ChromosomeProfile } from '../../shared/profile';

/** How a measure of this pair compares with normal pairs of the training cases. */
export type CueLevel = 'typical' | 'unusual' | 'rare';

export interface PairCue {
  readonly name: keyof typeof NORMAL_PAIR_SPREAD;
  /** What the reviewer reads, e.g. "homolog 2 is 12 % shorter". */
  readonly text: string;
  /** typical: below the 90th percentile of normal pairs; unusual: 90th–99th; rare: beyond the 99th. */
  readonly level: CueLevel;
}

function levelOf(name: PairCue['name'], value: number): CueLevel {
  const spread = NORMAL_PAIR_SPREAD[name];
  if (value >= spread.p99) return 'rare';
  return value >= spread.p90 ? 'unusual' : 'typical';
}

/**
 * The whole-pair measures HomNet reads (when its architecture has them), in words: relative length, how
 * well the bands correlate when the order is kept, and the worst local band mismatch, each graded against
 * normal pairs. They explain a verdict; they are not one.
 */
export function pairCues(first: ChromosomeProfile, second: ChromosomeProfile): PairCue[] {
  const measures = rawPairMeasures(first, second);
  const at = (name: PairCue['name']): number => measures[PAIR_MEASURES.indexOf(name)] ?? 0;
  const lengths = [chromosomeSamples(first), chromosomeSamples(second)] as const;
  const shorter = lengths[1] < lengths[0] ? 2 : 1;
  const percentShorter = Math.round(100 * (1 - Math.min(...lengths) / Math.max(...lengths)));
  const correlation = 1 - at('band decorrelation');
  return [
    {
      name: 'length ratio',
      text: percentShorter === 0 ? 'same length' : `homolog ${shorter} is ${percentShorter} % shorter`,
      level: levelOf('length ratio', at('length ratio')),
    },
    {
      name: 'band decorrelation',
      text: `bands in order: r = ${correlation.toFixed(2)}`,
      level: levelOf('band decorrelation', at('band decorrelation')),
    },
    {
      name: 'local mismatch',
      text: `worst local band mismatch ${at('local mismatch').toFixed(2)}`,
      level: levelOf('local mismatch', at('local mismatch')),
    },
  ];
}
