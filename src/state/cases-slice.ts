import type { StateCreator } from 'zustand';
import type { ChromosomeType } from '../shared/chromosome-types';
import type { JobProgress } from '../worker/analysis-api';
import type { CaseRecord } from './review-types';

export interface JobState {
  readonly id: string;
  readonly label: string;
  readonly progress: JobProgress | null;
}

/** The worklist: saved cases, the open one, and the running job. */
export interface CasesState {
  readonly cases: Readonly<Record<string, CaseRecord>>;
  readonly worklistLoaded: boolean;
  readonly currentCaseId: string | null;
  readonly job: JobState | null;
  /** Last problem to show the user (a rejected file, a failed job). */
  readonly notice: { readonly kind: 'error' | 'info'; readonly text: string } | null;
  /** The types the last correction re-analysed. */
  readonly lastRescored: readonly ChromosomeType[] | null;
  /** Bumped whenever the open case's results change, so views fetch again. */
  readonly resultsVersion: number;
  putCase: (record: CaseRecord) => void;
  /** Puts many records with one copy of the worklist (putCase per record would copy it per record). */
  putCases: (records: readonly CaseRecord[]) => void;
  removeCase: (id: string) => void;
  setWorklist: (records: readonly CaseRecord[]) => void;
  openCase: (id: string | null) => void;
  setJob: (job: JobState | null) => void;
  setNotice: (notice: CasesState['notice']) => void;
  setLastRescored: (types: readonly ChromosomeType[] | null) => void;
}

export const createCasesSlice: StateCreator<CasesState, [], [], CasesState> = (set) => ({
  cases: {},
  worklistLoaded: false,
  currentCaseId: null,
  job: null,
  notice: null,
  lastRescored: null,
  resultsVersion: 0,
  putCase: (record) => {
    set((state) => ({
      cases: { ...state.cases, [record.id]: record },
      resultsVersion: state.resultsVersion + 1,
    }));
  },
  putCases: (records) => {
    if (records.length === 0) return;
    set((state) => {
      const cases = { ...state.cases };
      for (const record of records) cases[record.id] = record;
      return { cases, resultsVersion: state.resultsVersion + 1 };
    });
  },
  removeCase: (id) => {
    set((state) => {
      const { [id]: _removed, ...rest } = state.cases;
      return { cases: rest, currentCaseId: state.currentCaseId === id ? null : state.currentCaseId };
    });
  },
  setWorklist: (records) => {
    set({ cases: Object.fromEntries(records.map((r) => [r.id, r])), worklistLoaded: true });
  },
  openCase: (id) => {
    set({ currentCaseId: id, lastRescored: null });
  },
  setJob: (job) => {
    set({ job });
  },
  setNotice: (notice) => {
    set({ notice });
  },
  setLastRescored: (types) => {
    set({ lastRescored: types });
  },
});
