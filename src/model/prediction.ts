/** Attention of one head of one alignment layer, both directions, as n_r × n_r row-major matrices. */
export interface HeadAttention {
  /** Row e: how region e of homolog 1 spreads its attention over regions z of homolog 2 (rows sum to 1). */
  readonly oneToTwo: Float32Array;
  /** Row e: how region e of homolog 2 spreads its attention over regions z of homolog 1. */
  readonly twoToOne: Float32Array;
}

/** What the model says about one pair of a bag. */
export interface PairPrediction {
  /** Bag weight α_i in (0, 1): how much this pair counts towards the bag's verdict (Eq. 9). */
  readonly alpha: number;
  /** attention[layer][head], each matrix n_r × n_r (16 × 16 by default). */
  readonly attention: readonly (readonly HeadAttention[])[];
  /** Per region (n_r, p-ter first), ‖r̂^e‖ of homolog 1 and of homolog 2: where the pair differs. */
  readonly difference: readonly [Float32Array, Float32Array];
}

/** What the model says about one bag (one chromosome type of one case). */
export interface BagPrediction {
  /** Abnormal probability Ŷ in [0, 1]. */
  readonly probability: number;
  /** The logit behind it (probability = sigmoid(logit)), for calibration and evaluation. */
  readonly logit: number;
  /** One entry per input pair, in input order; empty when details were not requested. */
  readonly pairs: readonly PairPrediction[];
}

export interface PredictOptions {
  /** Read back attention matrices and difference sizes (default true); scoring alone is faster. */
  readonly details?: boolean;
  /** Upper bound of pairs per backend call; larger inputs are split between bags (default 512). */
  readonly maxPairsPerCall?: number;
}
