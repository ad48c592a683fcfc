import { startTransition, useEffect, useState } from 'react';

/** If no frame comes (a hidden tab draws none), the next items mount after this long anyway, ms. */
const NO_FRAME_FALLBACK_MS = 250;

/** Runs `next` in a task after the next frame (so that what is mounted so far is laid out and painted first). */
function afterNextFrame(next: () => void): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const go = () => {
    if (done) return;
    done = true;
    next();
  };
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(go, 0);
  });
  const fallback = setTimeout(go, NO_FRAME_FALLBACK_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}

/**
 * How many of a list's `total` items to mount: `first` at once, then `step` more after each frame until
 * all are in, so that building, styling and laying out a long list (a 20-cell pair view: thousands of
 * elements) is spread over several short main-thread tasks instead of one long one. Starts again from
 * `first` when `key` changes (another list); stays when only the items change (the same list updated).
 */
export function useProgressiveCount(total: number, key: string, first = 4, step = 3): number {
  const [shown, setShown] = useState({ key, count: first });
  // A new list: start again during this render (React's pattern for state that follows a prop).
  if (shown.key !== key) setShown({ key, count: first });
  const count = shown.key === key ? shown.count : first;
  useEffect(() => {
    if (count >= total) return undefined;
    return afterNextFrame(() => {
      // A transition: React may yield while it renders the next items, and input goes first.
      startTransition(() => {
        setShown((s) => (s.key === key ? { key, count: s.count + step } : s));
      });
    });
  }, [count, total, key, step]);
  return Math.min(count, total);
}
