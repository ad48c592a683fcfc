import type { StateCreator } from 'zustand';
import type { ChromosomeType } from '../shared/chromosome-types';
import { loadReviewerName, saveReviewerName } from './reviewer-name';

export type Direction = 'oneToTwo' | 'twoToOne';

/** A hovered alignment cell: region e of the query homolog and region z of the other. */
export interface AlignmentHover {
  readonly e: number | null;
  readonly z: number | null;
}

/** What the reviewer looks at in the open case. */
export interface ReviewState {
  readonly selectedType: ChromosomeType | null;
  readonly selectedCell: string | null;
  readonly layer: number;
  readonly head: number;
  readonly direction: Direction;
  /**
   * Whether the reviewer picked the layer and head for the selected type; until then the pair view opens
   * on the sharpest alignment (ui/pair/sharpest-head).
   */
  readonly attentionPicked: boolean;
  readonly hover: AlignmentHover | null;
  /** The reviewer's name, kept between visits (reviewer-name). */
  readonly reviewer: string;
  /** The note typed for the selected type's next decision (buttons and the a / n / u keys use it). */
  readonly decisionNote: string;
  readonly showHelp: boolean;
  readonly screen: 'case' | 'teaching' | 'models';
  selectType: (type: ChromosomeType | null) => void;
  selectCell: (cell: string | null) => void;
  /** `picked` false: chosen by the pair view, not the reviewer (it will choose again for the next type). */
  setAttention: (
    attention: { layer?: number; head?: number; direction?: Direction },
    picked?: boolean,
  ) => void;
  setHover: (hover: AlignmentHover | null) => void;
  setReviewer: (name: string) => void;
  setDecisionNote: (note: string) => void;
  setShowHelp: (show: boolean) => void;
  setScreen: (screen: ReviewState['screen']) => void;
}

export const createReviewSlice: StateCreator<ReviewState, [], [], ReviewState> = (set) => ({
  selectedType: null,
  selectedCell: null,
  layer: 1,
  head: 0,
  direction: 'oneToTwo',
  attentionPicked: false,
  hover: null,
  reviewer: loadReviewerName(),
  decisionNote: '',
  showHelp: false,
  screen: 'case',
  selectType: (type) => {
    // A note is written for one type's decision: another type starts blank.
    set((state) =>
      state.selectedType === type ? { hover: null } : { selectedType: type, hover: null, decisionNote: '' },
    );
  },
  selectCell: (cell) => {
    set({ selectedCell: cell, hover: null });
  },
  setAttention: (attention, picked = true) => {
    set((state) => ({
      layer: attention.layer ?? state.layer,
      head: attention.head ?? state.head,
      direction: attention.direction ?? state.direction,
      attentionPicked: state.attentionPicked || picked,
    }));
  },
  setHover: (hover) => {
    // Equal hovers keep the old object, so nothing redraws while the pointer stays in one cell.
    set((state) =>
      state.hover?.e === hover?.e &&
      state.hover?.z === hover?.z &&
      (state.hover === null) === (hover === null)
        ? state
        : { hover },
    );
  },
  setReviewer: (reviewer) => {
    saveReviewerName(reviewer);
    set({ reviewer });
  },
  setDecisionNote: (decisionNote) => {
    set({ decisionNote });
  },
  setShowHelp: (showHelp) => {
    set({ showHelp });
  },
  setScreen: (screen) => {
    set({ screen });
  },
});
