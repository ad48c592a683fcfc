import { FINE_TUNE_RECIPE } from '../model/train/finetune-recipe';
import type { FineTuneSettings } from '../worker/finetune-api';

/** The CLI's recipe as the app's starting settings. */
export const DEFAULT_FINE_TUNE_SETTINGS: FineTuneSettings = {
  tuningShare: FINE_TUNE_RECIPE.tuningShare,
  steps: FINE_TUNE_RECIPE.steps,
  batch: FINE_TUNE_RECIPE.batch,
  evaluationBags: FINE_TUNE_RECIPE.evaluationBags,
  earlyStoppingBags: FINE_TUNE_RECIPE.earlyStoppingBags,
  seed: 1,
};
