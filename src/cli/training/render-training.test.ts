import { describe, expect, it } from 'vitest';
import type { LabFigures } from '../evaluation/lab-figures';
import type { FineTuneFigures } from './fine-tune-lab';
import {
  renderEvaluationStep,
  renderFineTune,
  renderTrainingData,
  renderTrainingSummary,
} from './render-training';

describe('train output', () => {
  it('names unreadable files, then each lab with its training and validation cases', () => {
    expect(
      renderTrainingData(
        ['tseng/p1/c1.xml: no boxes'],
        [
          { lab: 'pki3', cases: 278, validation: 56 },
          { lab: 'tseng', cases: 309, validation: 62 },
        ],
      ),
    ).toBe(
      'error: tseng/p1/c1.xml: no boxes\n' +
        'pki3: 278 cases, 222 for training, 56 for validation (split by case)\n' +
        'tseng: 309 cases, 247 for training, 62 for validation (split by case)\n',
    );
  });

  it('escapes control characters in a file name, so it cannot forge a line', () => {
    expect(renderTrainingData(['lab/a.png\nerror: b.png: forged\u001b[2J: not an image'], [])).toBe(
      'error: lab/a.png\\nerror: b.png: forged\\x1b[2J: not an image\n',
    );
  });

  it('reports a validation pass on its own line', () => {
    const record = {
      step: 250,
      trainLoss: 0.51234,
      auc: 0.81236,
      f1AtHalf: 0.7,
      bestThreshold: 0.5,
      bestF1: 0.7,
    };
    expect(renderEvaluationStep(record)).toBe(
      '\nstep 250: loss 0.5123 validation AUC 0.8124 best F1 0.7000\n',
    );
  });

  it('ends with the model, its validation figures and threshold', () => {
    const line = renderTrainingSummary(
      {
        modelId: 'homnet-48ebacfc4fc7',
        bestStep: 2800,
        threshold: 0.63807,
        validation: { auc: 0.81234, f1: 0.7, standardAuc: 0.9, subtleAuc: 0.66667, subtleF1: 0.5 },
      },
      3725,
    );
    expect(line).toBe(
      'done in 62m05s: model homnet-48ebacfc4fc7, best step 2800, validation AUC 0.8123 ' +
        '(standard 0.9000, subtle 0.6667), threshold 0.638\n',
    );
  });
});

describe('finetune output', () => {
  it('gives the held-back figures before and after, and the new threshold', () => {
    const figures = (auc: number): LabFigures => ({ auc, f1: 0.5, bestThreshold: 0.25, bestF1: 0.75 });
    const result: FineTuneFigures = {
      parentId: 'homnet-aaaaaaaaaaaa',
      modelId: 'homnet-bbbbbbbbbbbb',
      before: figures(0.8),
      after: figures(0.85),
      threshold: 0.7444,
    };
    expect(renderFineTune(result, 'out/lab')).toBe(
      'before (homnet-aaaaaaaaaaaa): AUC 0.8000, F1 0.5000 at its threshold, best F1 0.7500 at 0.250\n' +
        'after  (homnet-bbbbbbbbbbbb): AUC 0.8500, F1 0.5000 at its threshold, best F1 0.7500 at 0.250\n' +
        'new threshold 0.744; model written to out/lab\n',
    );
  });
});
