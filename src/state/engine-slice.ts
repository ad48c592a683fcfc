import type { StateCreator } from 'zustand';
import type { BackendChoice } from '../model/backend';
import type { ModelInfo } from '../model/homnet-model';
import type { TypeClassifierStatus } from '../worker/model-api';

/** What runs the analysis: the worker's backend and model, as the header shows them. */
export interface EngineState {
  readonly engine:
    | { readonly phase: 'starting' }
    | {
        readonly phase: 'ready';
        readonly backend: BackendChoice;
        /** Null when this build ships no model; `modelProblem` then says why. */
        readonly model: ModelInfo | null;
        readonly modelProblem?: string;
        /** The type classifier's id, or why it did not load; absent until a model is loaded. */
        readonly typeClassifier?: TypeClassifierStatus;
        /** Set after the worker was lost and replaced: what happened, for the user. */
        readonly recovery?: string;
      }
    | { readonly phase: 'failed'; readonly message: string };
  setEngine: (engine: EngineState['engine']) => void;
}

export const createEngineSlice: StateCreator<EngineState, [], [], EngineState> = (set) => ({
  engine: { phase: 'starting' },
  setEngine: (engine) => {
    set({ engine });
  },
});
