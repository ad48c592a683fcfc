/**
 * Drawing that many components ask for at once (a 20-cell pair view mounts 40 chromosome canvases and 20
 * profile charts; the overview 46 thumbnails) runs from this queue a few milliseconds at a time, in its
 * own tasks, so that no single main-thread task grows with the size of the case (issue #7: ≤ 50 ms).
 */

/** Work per task before yielding, ms: well under the 50 ms long-task limit, leaving room for a frame. */
const SLICE_MS = 8;

const queue = new Set<() => void>();
let scheduled = false;

/**
 * Each slice is a timer task: the browser orders timers by when they are due, so a slice never jumps
 * ahead of the page's other timers that came due first (a message to ourselves, as React's scheduler
 * uses, can run many times in a row before a due timer gets its turn), and it may render a frame or
 * handle input in between.
 */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(runSlice, 0);
}

function runSlice(): void {
  scheduled = false;
  const start = performance.now();
  for (const draw of queue) {
    queue.delete(draw);
    try {
      draw();
    } catch (error) {
      // One failed drawing must not stop the others; report it like an uncaught error would be.
      reportError(error);
    }
    if (performance.now() - start >= SLICE_MS) break;
  }
  if (queue.size > 0) schedule();
}

/** Queues `draw` (first in, first out); returns a function that takes it off the queue if not yet run. */
export function queueDraw(draw: () => void): () => void {
  // A fresh wrapper, so that the same function queued twice is drawn twice and cancelled separately.
  const job = () => {
    draw();
  };
  queue.add(job);
  schedule();
  return () => {
    queue.delete(job);
  };
}
