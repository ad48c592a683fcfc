/** Where the reviewer's name is kept between visits (this browser only, like everything else). */
const KEY = 'homnet-review:reviewer';

/** The name typed last time, or '' (no storage, or storage refused, as in some private windows). */
export function loadReviewerName(): string {
  try {
    return typeof localStorage === 'undefined' ? '' : (localStorage.getItem(KEY) ?? '');
  } catch {
    return '';
  }
}

/** Keeps the name for the next visit; a refused storage only means it must be typed again. */
export function saveReviewerName(name: string): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, name);
  } catch {
    // Nothing lost but convenience.
  }
}

/** Why a decision without a reviewer's name is not recorded (every entry of the audit trail is signed). */
export const REVIEWER_NEEDED =
  'enter your name as Reviewer at the top of the page first: every decision is signed';
