import { create } from 'zustand';
import type { CasesState } from './cases-slice';
import { createCasesSlice } from './cases-slice';
import type { EngineState } from './engine-slice';
import { createEngineSlice } from './engine-slice';
import { DEFAULT_FINE_TUNE_SETTINGS } from './finetune-settings';
import type { FineTuneState } from './finetune-slice';
import { createFineTuneSlice } from './finetune-slice';
import type { ReviewState } from './review-slice';
import { createReviewSlice } from './review-slice';

/** The app's one store, built from slices; components read it through fine selectors. */
export type AppState = EngineState & CasesState & ReviewState & FineTuneState;

export const useAppStore = create<AppState>()((...args) => ({
  ...createEngineSlice(...args),
  ...createCasesSlice(...args),
  ...createReviewSlice(...args),
  ...createFineTuneSlice(DEFAULT_FINE_TUNE_SETTINGS)(...args),
}));
