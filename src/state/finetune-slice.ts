import type { StateCreator } from 'zustand';
import type {
  FineTuneProgress,
  FineTuneResult,
  FineTuneSettings,
  LabModelSummary,
} from '../worker/finetune-api';

export type FineTuneJob =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly jobId: string; readonly progress: FineTuneProgress | null }
  /** Finished: the candidate waits for the lab's decision. */
  | { readonly phase: 'done'; readonly result: FineTuneResult; readonly parentId: string }
  | { readonly phase: 'failed'; readonly message: string };

/** Fine-tuning and the lab's models: the job, the picked cases, and the models stored in this browser. */
export interface FineTuneState {
  readonly fineTuneJob: FineTuneJob;
  /** Case ids picked for fine-tuning; null until the lab changes the default pick. */
  readonly fineTunePicks: readonly string[] | null;
  readonly fineTuneSettings: FineTuneSettings;
  readonly labModels: readonly LabModelSummary[];
  /** The model the app ships (the one loaded at start), to switch back to. */
  readonly shippedModelId: string | null;
  /** A model being loaded by a switch. */
  readonly switchingTo: string | null;
  /** What the last model action said (an import refused, a switch done). */
  readonly modelsNotice: { readonly kind: 'error' | 'info'; readonly text: string } | null;
  setFineTuneJob: (job: FineTuneJob) => void;
  setFineTunePicks: (picks: readonly string[] | null) => void;
  setFineTuneSettings: (settings: Partial<FineTuneSettings>) => void;
  setLabModels: (models: readonly LabModelSummary[]) => void;
  setShippedModelId: (id: string | null) => void;
  setSwitchingTo: (id: string | null) => void;
  setModelsNotice: (notice: FineTuneState['modelsNotice']) => void;
}

export const createFineTuneSlice =
  (defaults: FineTuneSettings): StateCreator<FineTuneState, [], [], FineTuneState> =>
  (set) => ({
    fineTuneJob: { phase: 'idle' },
    fineTunePicks: null,
    fineTuneSettings: defaults,
    labModels: [],
    shippedModelId: null,
    switchingTo: null,
    modelsNotice: null,
    setFineTuneJob: (fineTuneJob) => {
      set({ fineTuneJob });
    },
    setFineTunePicks: (fineTunePicks) => {
      set({ fineTunePicks });
    },
    setFineTuneSettings: (settings) => {
      set((state) => ({ fineTuneSettings: { ...state.fineTuneSettings, ...settings } }));
    },
    setLabModels: (labModels) => {
      set({ labModels });
    },
    setShippedModelId: (shippedModelId) => {
      set({ shippedModelId });
    },
    setSwitchingTo: (switchingTo) => {
      set({ switchingTo });
    },
    setModelsNotice: (modelsNotice) => {
      set({ modelsNotice });
    },
  });
