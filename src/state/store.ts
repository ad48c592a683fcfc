import { create } from 'zustand';
import type { CasesState } from './cases-slice';
import { createCasesSlice } from './cases-slice';
import type { EngineState } from './engine-slice';
import { createEngineSlice } from './engine-slice';
import type { ReviewState } from './review-slice';
import { createReviewSlice } from './review-slice';

/** The app's one store, built from slices; components read it through fine selectors. */
export type AppState = EngineState & CasesState & ReviewState;

export const useAppStore = create<AppState>()((...args) => ({
  ...createEngineSlice(...args),
  ...createCasesSlice(...args),
  ...createReviewSlice(...args),
}));
