import type { Random } from '../../shared/random';
import type { BagInput, PairInput } from '../inputs';

/**
 * How a model sees each cell: 'pair' (both homologs, HomNet) or 'single-chromosome' (the "w/o Pair"
 * ablation of the paper's Table 4: one chromosome per cell, bags of cells kept). Written into a trained
 * model's manifest (`training.input`) so that evaluation feeds the model the way it was trained.
 */
export type ModelInput = 'pair' | 'single-chromosome';

/**
 * One homolog of the pair, chosen at random, fed as both homologs: HomNet's input shape is kept, but the
 * alignment compares a chromosome with itself, so nothing about the partner reaches the network. Which
 * homolog is kept is random because in a karyogram nobody knows which one carries a change.
 */
export function singleChromosomePair(pair: PairInput, random: Random): PairInput {
  const kept = pair.homologs[random.int(0, 1)] ?? pair.homologs[0];
  return { homologs: [kept, kept], bandLevel: pair.bandLevel };
}

/** A bag with every pair reduced to one chromosome (see singleChromosomePair). */
export function singleChromosomeBag(bag: BagInput, random: Random): BagInput {
  return { type: bag.type, pairs: bag.pairs.map((pair) => singleChromosomePair(pair, random)) };
}

/** The input a trained model expects, from its manifest's training metadata (pairs when unrecorded). */
export function inputOfTraining(training: Readonly<Record<string, unknown>> | undefined): ModelInput {
  return training?.input === 'single-chromosome' ? 'single-chromosome' : 'pair';
}
