import { describe, expect, it } from 'vitest';
import { inImagingStep, listenToImagingSteps } from '../../imaging/step-marks';
import { imagingStepTimer, stageOfStep } from './imaging-step-timer';

describe("the bench's timer of a karyogram's marked steps", () => {
  it('gives each step its own time, a nested step taken out of the step around it', () => {
    let clock = 0;
    const timer = imagingStepTimer(() => clock);
    const stop = listenToImagingSteps(timer.listener);
    try {
      inImagingStep('centre line', () => {
        clock += 2;
        inImagingStep('thinning', () => {
          clock += 5;
        });
        inImagingStep('skeleton paths', () => {
          clock += 3;
        });
        clock += 1;
      });
      inImagingStep('thinning', () => {
        clock += 4;
      });
    } finally {
      stop();
    }
    expect(timer.totals['centre line']).toBe(3);
    expect(timer.totals.thinning).toBe(9);
    expect(timer.totals['skeleton paths']).toBe(3);
    expect(timer.totals.raster).toBe(0);
  });

  it('runs a step as a plain call when nobody listens, and lets one profile listen at a time', () => {
    expect(inImagingStep('rows', () => 7)).toBe(7);
    const stop = listenToImagingSteps(imagingStepTimer(() => 0).listener);
    try {
      expect(() => listenToImagingSteps(imagingStepTimer(() => 0).listener)).toThrow(/already listening/);
    } finally {
      stop();
    }
  });

  it('puts segmentation and parsing in the layout, the rest in the profiles', () => {
    expect(stageOfStep('distance')).toBe('layout');
    expect(stageOfStep('split and build')).toBe('layout');
    expect(stageOfStep('raster')).toBe('profiles');
    expect(stageOfStep('profile blur')).toBe('profiles');
  });
});
