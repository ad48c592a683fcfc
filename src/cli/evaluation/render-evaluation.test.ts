import { describe, expect, it } from 'vitest';
import type { EvaluationFigures } from './evaluation-figures';
import { renderEvaluation, renderRocPlot } from './render-evaluation';

const figure = (auc: number, f1: number) => ({ auc, f1, bestF1: f1 + 0.01, bestThreshold: 0.4 });

const FIGURES: EvaluationFigures = {
  modelId: 'homnet-0123456789ab',
  threshold: 0.61234,
  thresholdRule: 'lowest with ≤ 0.3 false flags per real normal validation case in every lab (pki3)',
  seed: 3,
  bagsPerSet: 40,
  dataDir: '../shared/data/pki3',
  validationCases: 56,
  shippedChanges: '100 % on images',
  sets: ['image standard', 'profile standard', 'image subtle', 'oblique standard'],
  methods: [
    {
      method: 'HomNet',
      figures: [figure(0.9, 0.8), figure(0.95, 0.85), figure(0.7, 0.6), figure(0.88, 0.77)],
    },
    {
      method: 'LR (A.3 hand features)',
      figures: [figure(0.6, 0.5), null, figure(0.55, 0.45), figure(0.5, 0.4)],
    },
  ],
  recall: [
    { kind: 'deleted (standard)', found: 9, total: 10 },
    { kind: 'inverted (subtle)', found: 1, total: 8 },
  ],
  falseFlags: { cases: 56, flags: 40, none: 30, median: 0, max: 5 },
  labs: [],
  rocs: [
    { method: 'HomNet', set: 'image subtle', points: [] },
    { method: 'LR', set: 'image standard', points: [] },
  ],
  lengthGroups: {
    sets: ['image standard'],
    groups: [{ group: 'A', cells: [{ auc: 0.5, abnormal: 3, normal: 4 }] }],
  },
  cellCounts: { bagsPerSet: 10, pooled: [{ cells: 5, standard: { auc: 1, f1: 1 }, subtle: null }], own: [] },
  budgets: [
    {
      label: 'HomNet (shipped)',
      modelId: 'homnet-0123456789ab',
      network: '+ pair measures',
      mergeRange: 32,
      input: 'pair',
      changes: '100 % on images',
      steps: 3000,
      maxSteps: 3000,
      bestStep: 2800,
      batch: 48,
      minutes: 85,
    },
  ],
  notRun: [{ label: 'range#8', reason: 'not given with --ablation' }],
  karyograms: null,
};

describe('docs/evaluation.md', () => {
  const page = renderEvaluation(FIGURES, 'evaluation-roc.svg');
  const lines = page.split('\n');

  it('names the model, its threshold, the split and the set size', () => {
    expect(lines[2]).toBe(
      'Model `homnet-0123456789ab` (threshold 0.612), 56 validation cases of `../shared/data/pki3` held out by case',
    );
    expect(lines[3]).toContain(
      '(seed 3; no cell of a validation case was seen in training). 40 bags per set',
    );
    expect(page).toContain('(the shipped model: 100 % on images)');
  });

  it("puts each set's figures in its own table, in %, with a dash where a method has none", () => {
    /** The table below a heading (after any paragraph). */
    const table = (heading: string): string[] => {
      const header = lines.findIndex((l, i) => i > lines.indexOf(heading) && l.startsWith('| Method'));
      return lines.slice(header, lines.indexOf('', header));
    };
    expect(table('### Changes cut along the rows of the crop')).toEqual([
      '| Method | image standard AUC | image standard F1 | image standard best F1 | image subtle AUC | image subtle F1 | image subtle best F1 |',
      '|---|---:|---:|---:|---:|---:|---:|',
      '| HomNet | 90.00 | 80.00 | 81.00 | 70.00 | 60.00 | 61.00 |',
      '| LR (A.3 hand features) | 60.00 | 50.00 | 51.00 | 55.00 | 45.00 | 46.00 |',
    ]);
    expect(table("### Changes made on the profiles (the training sampler's own)")).toContain(
      '| LR (A.3 hand features) | — | — | — |',
    );
    expect(table('### Changes cut along slanted lines (10–25°), a generator training never uses')).toContain(
      '| HomNet | 88.00 | 77.00 | 78.00 |',
    );
  });

  it('gives recall per kind and the false flags per real case', () => {
    expect(lines).toContain('| deleted (standard) | 9/10 (90.0 %) |');
    expect(lines).toContain('| inverted (subtle) | 1/8 (12.5 %) |');
    expect(lines).toContain('| 56 | 40 | 30 | 0 | 5 |');
    expect(page).toContain('F1 at the shipped threshold 0.612 (lowest with ≤ 0.3 false flags');
  });

  it('links the plot and ends with the later sections', () => {
    expect(lines).toContain('![ROC curves](evaluation-roc.svg)');
    expect(lines).toContain('| A | 1, 2, 3 | 50.00 (3/4) |');
    expect(lines).toContain('| 5 | 100.00 | 100.00 | – | – |');
    expect(page).toContain(
      '| HomNet (shipped) | `homnet-0123456789ab` | + pair measures | 32 | pair | 100 % on images | 3000 | 2800 | 48 | 85 |',
    );
    expect(page).toContain('- **range#8**: not given with --ablation.\n');
    expect(page.endsWith('[ablations.md](ablations.md).\n')).toBe(true);
  });

  it('draws each curve in its colour with its label', () => {
    const svg = renderRocPlot(FIGURES);
    expect(svg).toContain('stroke="#d55e00"');
    expect(svg).toContain('>HomNet, image subtle</text>');
    expect(svg).toContain('fill="#56b4e9"');
    expect(svg).toContain('>LR, image standard</text>');
  });
});
