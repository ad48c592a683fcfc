import { useAppStore } from '../../state/store';

/** The id of the page's Reviewer name field. */
export const REVIEWER_FIELD_ID = 'reviewer-name';

/** Puts the cursor in the Reviewer field when no name is typed (a decision was refused for want of one). */
export function focusReviewerIfMissing(): void {
  if (useAppStore.getState().reviewer.trim() !== '') return;
  document.getElementById(REVIEWER_FIELD_ID)?.focus();
}
