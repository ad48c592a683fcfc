import type { BagInput } from './inputs';
import type { BagPrediction, HeadAttention, PairPrediction } from './prediction';

/** Values read back from the backend for one call (flat, row-major as the tensors were). */
export interface ForwardValues {
  readonly logits: Float32Array;
  readonly alphas: Float32Array;
  /** Per layer, [2P, n_h, n_r, n_r]. */
  readonly attention: readonly Float32Array[] | null;
  /** [2P, n_r]. */
  readonly differenceNorms: Float32Array | null;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Splits one call's flat outputs into per-bag, per-pair plain objects (copies, no shared buffers). */
export function toBagPredictions(
  bags: readonly BagInput[],
  values: ForwardValues,
  regions: number,
  heads: number,
): BagPrediction[] {
  const pairTotal = values.alphas.length;
  const matrix = regions * regions;
  const attentionOf = (row: number, layer: Float32Array, head: number): Float32Array => {
    const start = (row * heads + head) * matrix;
    return layer.slice(start, start + matrix);
  };
  let pairIndex = 0;
  return bags.map((bag, b) => {
    const logit = values.logits[b] ?? Number.NaN;
    const pairs: PairPrediction[] = [];
    for (let i = 0; i < bag.pairs.length; i++, pairIndex++) {
      const alpha = values.alphas[pairIndex] ?? Number.NaN;
      if (!values.attention || !values.differenceNorms) {
        continue;
      }
      const attention = values.attention.map((layer) => {
        const perHead: HeadAttention[] = [];
        for (let h = 0; h < heads; h++) {
          perHead.push({
            oneToTwo: attentionOf(pairIndex, layer, h),
            twoToOne: attentionOf(pairTotal + pairIndex, layer, h),
          });
        }
        return perHead;
      });
      const norms = values.differenceNorms;
      pairs.push({
        alpha,
        attention,
        difference: [
          norms.slice(pairIndex * regions, (pairIndex + 1) * regions),
          norms.slice((pairTotal + pairIndex) * regions, (pairTotal + pairIndex + 1) * regions),
        ],
      });
    }
    return { probability: sigmoid(logit), logit, pairs };
  });
}

/** Groups bags into calls of at most `maxPairs` pairs (a larger bag gets a call of its own). */
export function chunkBags(bags: readonly BagInput[], maxPairs: number): BagInput[][] {
  const chunks: BagInput[][] = [];
  let current: BagInput[] = [];
  let pairs = 0;
  for (const bag of bags) {
    if (current.length > 0 && pairs + bag.pairs.length > maxPairs) {
      chunks.push(current);
      current = [];
      pairs = 0;
    }
    current.push(bag);
    pairs += bag.pairs.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
