/**
 * The steps of a karyogram's analysis a profile tells apart (docs/performance.md, `imaging.steps` of
 * bench): the layout's segmentation and parsing, then per chromosome its raster, centre line and
 * straightening. The stage marks of analyseKaryogram's progress reports are too coarse to say which of
 * them is at its limit.
 */
export const IMAGING_STEPS = [
  // Layout: segmenting the page.
  'background and darkness',
  'threshold',
  'rule lines',
  'components',
  'distance',
  // Layout: reading it.
  'classify components',
  'rows',
  'slots',
  'split and build',
  // Profiles, chromosome by chromosome.
  'raster',
  'thinning',
  'skeleton paths',
  'centre line',
  'axis geometry',
  'profile sampling',
  'straightened image',
  'profile blur',
] as const;
export type ImagingStep = (typeof IMAGING_STEPS)[number];

/** Told when a marked step starts and ends (a nested step ends before the step around it). */
export interface ImagingStepListener {
  enter(step: ImagingStep): void;
  exit(): void;
}

let listener: ImagingStepListener | null = null;

/** Listens to the marks until the returned function is called; only a profile does (one at a time). */
export function listenToImagingSteps(next: ImagingStepListener): () => void {
  if (listener) throw new Error('a profile is already listening to the imaging steps');
  listener = next;
  return () => {
    listener = null;
  };
}

/** Runs `part` as the step `step`: a plain call unless a profile listens. */
export function inImagingStep<T>(step: ImagingStep, part: () => T): T {
  const current = listener;
  if (!current) return part();
  current.enter(step);
  try {
    return part();
  } finally {
    current.exit();
  }
}
