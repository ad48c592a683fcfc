/** A fitted logistic regression on standardised features. */
export interface LogisticModel {
  readonly means: readonly number[];
  readonly scales: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability of the positive class for one feature row. */
export function predictLogistic(model: LogisticModel, row: readonly number[]): number {
  let z = model.bias;
  row.forEach((v, j) => {
    z += (model.weights[j] ?? 0) * ((v - (model.means[j] ?? 0)) / (model.scales[j] ?? 1));
  });
  return sigmoid(z);
}

/**
 * Fits L2-regularised logistic regression by full-batch gradient descent on standardised features
 * (small, deterministic, enough for the eight hand features of the baseline).
 */
export function fitLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: { iterations?: number; learningRate?: number; l2?: number } = {},
): LogisticModel {
  const width = rows[0]?.length ?? 0;
  const n = rows.length;
  const means = Array.from({ length: width }, (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / n);
  const scales = Array.from({ length: width }, (_, j) => {
    const v = rows.reduce((s, r) => s + ((r[j] ?? 0) - (means[j] ?? 0)) ** 2, 0) / n;
    return Math.sqrt(v) || 1;
  });
  const x = rows.map((r) => r.map((v, j) => (v - (means[j] ?? 0)) / (scales[j] ?? 1)));
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  const { iterations = 500, learningRate = 0.5, l2 = 1e-3 } = options;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(width).fill(0);
    let gradBias = 0;
    x.forEach((row, i) => {
      let z = bias;
      row.forEach((v, j) => (z += (weights[j] ?? 0) * v));
      const error = sigmoid(z) - (labels[i] ?? 0);
      row.forEach((v, j) => (grad[j] = (grad[j] ?? 0) + error * v));
      gradBias += error;
    });
    for (let j = 0; j < width; j++)
      weights[j] = (weights[j] ?? 0) - learningRate * ((grad[j] ?? 0) / n + l2 * (weights[j] ?? 0));
    bias -= (learningRate * gradBias) / n;
  }
  return { means, scales, weights, bias };
}
