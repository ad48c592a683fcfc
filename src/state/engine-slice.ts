import type { StateCreator } from 'zustand';
import type { BackendChoice, ModelInfo } from '../model';

/** What runs the analysis: the worker's backend and model, as the header shows them. */
export interface EngineState {
  readonly engine:
    | { readonly phase: 'starting' }
    | { readonly phase: 'ready'; readonly backend: BackendChoice; readonly model: ModelInfo | null }
    | { readonly phase: 'failed'; readonly message: string };
  setEngine: (engine: EngineState['engine']) => void;
}

export const createEngineSlice: StateCreator<EngineState, [], [], EngineState> = (set) => ({
  engine: { phase: 'starting' },
  setEngine: (engine) => {
    set({ engine });
  },
});
