/**
 * The per-lab fine-tuning recipe that `npm run finetune` and the app share, so that a lab gets the same
 * training on the command line and in the browser. Only the recipe lives here; `fineTune()` runs it.
 */
export const FINE_TUNE_RECIPE = {
  /** Share of the lab's cases fine-tuned on; the rest are held back and scored before and after (1:4). */
  tuningShare: 0.2,
  /** The paper's fine-tuning rate (section 4.1). */
  learningRate: 1e-5,
  steps: 600,
  /** Bags per step. */
  batch: 32,
  evaluateEvery: 50,
  /** Evaluations without a better early-stopping AUC before training stops. */
  patience: 10,
  /** Bags scored before and after on the held-back cases. */
  evaluationBags: 600,
  /** Bags from the tuning cases whose AUC decides early stopping (and the new threshold). */
  earlyStoppingBags: 300,
} as const;

export type FineTuneRecipe = typeof FINE_TUNE_RECIPE;
