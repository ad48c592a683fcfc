/**
 * A point in long synchronous work where a cancel may land. Awaited often; it costs nothing until
 * `everyMs` have passed since it last let other work in.
 */
export type Checkpoint = () => Promise<void>;

/** A macrotask: queued messages (a cancel posted to a worker) run before it resolves; a microtask would not. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}

/**
 * A {@link Checkpoint} for `signal`: at most every `everyMs` of work it yields one macrotask, so that the
 * worker's message loop can deliver a cancel, then throws the signal's reason if it was aborted. Without
 * it, a cancel waits for the whole stage it arrived in (55 s on a hostile image).
 */
export function checkpointFor(signal: AbortSignal | undefined, everyMs = 50): Checkpoint {
  let last = performance.now();
  return async () => {
    if (performance.now() - last >= everyMs) {
      await macrotask();
      last = performance.now();
    }
    if (signal?.aborted === true) {
      throw signal.reason instanceof Error
        ? signal.reason
        : new DOMException('analysis aborted', 'AbortError');
    }
  };
}
