import { IMAGING_STEPS, type ImagingStep, type ImagingStepListener } from '../../imaging/step-marks';

/** The layout's marked steps; the rest of IMAGING_STEPS are the profiles'. */
const LAYOUT_STEPS: readonly ImagingStep[] = IMAGING_STEPS.slice(0, IMAGING_STEPS.indexOf('raster'));

/** Ms spent in each marked step, its nested steps' time left out (what the step itself costs). */
export type StepTotals = Record<ImagingStep, number>;

/** Which stage of analyseKaryogram a marked step belongs to. */
export function stageOfStep(step: ImagingStep): 'layout' | 'profiles' {
  return LAYOUT_STEPS.includes(step) ? 'layout' : 'profiles';
}

/**
 * A listener that adds up the time of each marked step, each only for itself: a nested step's time is
 * taken out of the step around it (the centre line's thinning is thinning's, not the centre line's).
 */
export function imagingStepTimer(now: () => number): {
  readonly listener: ImagingStepListener;
  readonly totals: StepTotals;
} {
  const totals = Object.fromEntries(IMAGING_STEPS.map((step) => [step, 0])) as StepTotals;
  const open: { step: ImagingStep; start: number; nested: number }[] = [];
  return {
    totals,
    listener: {
      enter(step) {
        open.push({ step, start: now(), nested: 0 });
      },
      exit() {
        const done = open.pop();
        if (!done) return;
        const elapsed = now() - done.start;
        totals[done.step] += elapsed - done.nested;
        const outer = open[open.length - 1];
        if (outer) outer.nested += elapsed;
      },
    },
  };
}
