import type { StateCreator } from 'zustand';
import type { ChromosomeType } from '../shared/chromosome-types';

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
  readonly hover: AlignmentHover | null;
  readonly reviewer: string;
  readonly showHelp: boolean;
  readonly screen: 'case' | 'teaching' | 'models';
  selectType: (type: ChromosomeType | null) => void;
  selectCell: (cell: string | null) => void;
  setAttention: (attention: { layer?: number; head?: number; direction?: Direction }) => void;
  setHover: (hover: AlignmentHover | null) => void;
  setReviewer: (name: string) => void;
  setShowHelp: (show: boolean) => void;
  setScreen: (screen: ReviewState['screen']) => void;
}

export const createReviewSlice: StateCreator<ReviewState, [], [], ReviewState> = (set) => ({
  selectedType: null,
  selectedCell: null,
  layer: 1,
  head: 0,
  direction: 'oneToTwo',
  hover: null,
  reviewer: '',
  showHelp: false,
  screen: 'case',
  selectType: (type) => {
    set({ selectedType: type, hover: null });
  },
  selectCell: (cell) => {
    set({ selectedCell: cell, hover: null });
  },
  setAttention: (attention) => {
    set((state) => ({
      layer: attention.layer ?? state.layer,
      head: attention.head ?? state.head,
      direction: attention.direction ?? state.direction,
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
    set({ reviewer });
  },
  setShowHelp: (showHelp) => {
    set({ showHelp });
  },
  setScreen: (screen) => {
    set({ screen });
  },
});
