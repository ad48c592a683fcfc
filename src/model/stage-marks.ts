/**
 * The parts of the network a profile tells apart (docs/performance.md). Kernels carry only their own
 * names, and GELU, layer norms and the residual adds all run the same Add and Multiply kernels, so the
 * model marks where each part starts and ends.
 */
export const MARKED_STAGES = [
  'input calibration',
  'layer norm',
  'GELU',
  'attention',
  'attention softmax',
] as const;
export type MarkedStage = (typeof MARKED_STAGES)[number];

/** Told when a marked part starts and ends (nested parts end before their parent). */
export interface StageListener {
  enter(stage: MarkedStage): void;
  exit(): void;
}

let listener: StageListener | null = null;

/** Listens to the marks until the returned function is called; only the profile does (one at a time). */
export function listenToStages(next: StageListener): () => void {
  if (listener) throw new Error('a profile is already listening to the model stages');
  listener = next;
  return () => {
    listener = null;
  };
}

/** Runs `part` as the stage `stage`: a plain call unless a profile listens. */
export function inStage<T>(stage: MarkedStage, part: () => T): T {
  const current = listener;
  if (!current) return part();
  current.enter(stage);
  try {
    return part();
  } finally {
    current.exit();
  }
}
