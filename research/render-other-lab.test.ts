import { describe, expect, it } from 'vitest';
import type { LabFigures } from '../src/cli/evaluation/lab-figures';
import type { SplitResult } from './other-lab-experiment';
import { renderOtherLabHeader, renderSplit, renderSplitSummary } from './render-other-lab';

const figures = (auc: number): LabFigures => ({ auc, f1: 0.6, bestThreshold: 0.3, bestF1: 0.8 });

const SPLIT: SplitResult = {
  seed: 3,
  tuningCases: 5,
  heldBackCases: 19,
  onOriginal: figures(0.9),
  before: figures(0.8),
  after: figures(0.85),
  control: null,
};

describe('other-lab output', () => {
  it('starts with the lab and the recipe', () => {
    const header = renderOtherLabHeader({
      data: 'pki3',
      labName: 'other-lab',
      style: { inverted: true, gamma: 1.5, contrast: 0.75, blurPx: 1, scale: 1.35, maxRotationDeg: 6 },
      modelDir: 'm',
      lr: 0.0003,
      steps: 60,
      evalBags: 4000,
      control: false,
    });
    expect(header).toBe(
      'lab other-lab {"inverted":true,"gamma":1.5,"contrast":0.75,"blurPx":1,"scale":1.35,"maxRotationDeg":6}\n' +
        'lr 0.0003, 60 steps at most, 4000 bags per evaluation\n',
    );
  });

  it('gives a split its figures and the share of the loss fine-tuning won back', () => {
    const lines = renderSplit(SPLIT).split('\n');
    expect(lines[0]).toBe('split 3: 5 cases of the other lab to fine-tune on, 19 held back');
    expect(lines[2]).toContain('shipped model, same cases from the other lab: AUC 0.8000');
    expect(lines[4]).toBe('  AUC lost 0.1000, recovered +0.0500 (50.0 % of the loss)');
    const withControl = renderSplit({ ...SPLIT, control: figures(0.92) });
    expect(withControl).toContain('  control: fine-tuned on the same cases as imaged here: AUC 0.9200');
    expect(withControl).toContain('; control gain +0.0200');
  });

  it('sums up only several splits', () => {
    expect(renderSplitSummary([SPLIT])).toBe('');
    expect(renderSplitSummary([SPLIT, { ...SPLIT, seed: 4 }])).toContain('mean over 2 splits (seeds 3, 4)');
  });
});
