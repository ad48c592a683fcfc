import { useEffect } from 'react';
import { applyCorrection, recordDecision } from '../state/case-actions';
import { errorText } from '../shared/error-text';
import type { DecisionValue } from '../state/review-types';
import { useAppStore } from '../state/store';
import type { ChromosomeType } from '../shared/chromosome-types';
import { focusReviewerIfMissing } from './common/reviewer-field';

/** Shortcuts the `?` overlay lists: [keys, what they do]. */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['→ / ←', 'next / previous chromosome type'],
  ['↓ / ↑', 'next / previous cell of the type'],
  ['f', 'flip homolog 2 of the selected cell (p-arm up again)'],
  ['s', 'swap the homologs of the selected cell'],
  ['a / n / u', 'decide abnormal / normal / unsure (with the note typed; needs your name as Reviewer)'],
  ['h', 'next attention head'],
  ['arrows on the heatmap', 'move the linked alignment cell (after focusing the map with Tab)'],
  [
    'Enter / Space on a chromosome of the arranged karyogram',
    'select it; then type a type (7, X…) in "Move to type" and press Enter, or Exclude, Split…, Join with…',
  ],
  [
    'arrows, Enter, Ctrl+Enter on a drawing',
    'move the cross, add a point, apply a centre line or a cut (Backspace removes a point, Escape cancels)',
  ],
  ['?', 'show or hide this list'],
];

function step<T>(items: readonly T[], current: T | null, by: number): T | undefined {
  if (items.length === 0) return undefined;
  const index = current === null ? -1 : items.indexOf(current);
  return items[(index + by + items.length) % items.length];
}

/**
 * A decision from the keyboard, with the note typed in the note field; refused without a reviewer's name
 * (the notice says so and the cursor goes to the name).
 */
function decide(type: ChromosomeType, decision: DecisionValue): void {
  recordDecision(type, decision).catch((error: unknown) => {
    useAppStore.getState().setNotice({
      kind: 'error',
      text: `Decision not saved: ${errorText(error)}`,
    });
    focusReviewerIfMissing();
  });
}

/** Installs the app's keyboard shortcuts (ignored while typing in a field). */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target;
      if (target instanceof HTMLElement && target.closest('input, textarea, select')) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const state = useAppStore.getState();
      const record = state.currentCaseId ? state.cases[state.currentCaseId] : undefined;
      const types = record?.summary.types.map((t) => t.type) ?? [];
      const type = state.selectedType;
      // The cells whose pair the verdict rests on, as the pair view selects them: a left-out pair has no
      // attention to show. The pair view opens on the pair with the largest weight.
      const pairs = record?.summary.types.find((t) => t.type === type)?.pairs ?? [];
      const cells = pairs.map((p) => p.cell);
      const strongest = [...pairs].sort((a, b) => b.alpha - a.alpha)[0]?.cell ?? null;
      const cell =
        state.selectedCell !== null && cells.includes(state.selectedCell) ? state.selectedCell : strongest;
      const act: Record<string, () => void> = {
        '?': () => {
          state.setShowHelp(!state.showHelp);
        },
        Escape: () => {
          state.setShowHelp(false);
        },
        ArrowRight: () => {
          state.selectType(step(types, type, 1) ?? null);
        },
        ArrowLeft: () => {
          state.selectType(step(types, type, -1) ?? null);
        },
        ArrowDown: () => {
          state.selectCell(step(cells, cell, 1) ?? null);
        },
        ArrowUp: () => {
          state.selectCell(step(cells, cell, -1) ?? null);
        },
        h: () => {
          state.setAttention({ head: (state.head + 1) % 4 });
        },
        f: () => {
          if (type && cell) void applyCorrection({ kind: 'flip', chromosome: { cell, type, homolog: 1 } });
        },
        s: () => {
          if (type && cell) void applyCorrection({ kind: 'swap', cell, type });
        },
        a: () => {
          if (type) decide(type, 'abnormal');
        },
        n: () => {
          if (type) decide(type, 'normal');
        },
        u: () => {
          if (type) decide(type, 'unsure');
        },
      };
      const action = act[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
