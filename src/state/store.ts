import { create } from 'zustand';
import type { EngineState } from './engine-slice';
import { createEngineSlice } from './engine-slice';

/** The app's one store, built from slices; components read it through fine selectors. */
export type AppState = EngineState;

export const useAppStore = create<AppState>()((...args) => ({
  ...createEngineSlice(...args),
}));
