import type { RocPoint, ScoredExample } from '../../model/eval/metrics';
import { bestF1Threshold, f1AtThreshold, rocAuc, rocCurve } from '../../model/eval/metrics';
import type { SampledBag } from '../../model/train/bag-sampler';
import type { LengthGroup } from '../../shared/chromosome-types';
import { LENGTH_GROUPS, lengthGroupOf } from '../../shared/chromosome-types';

/** Figures of one method on one evaluation set. */
export interface MethodFigures {
  readonly auc: number;
  /** F1 at the shipped threshold (HomNet) or 0.5 (baselines). */
  readonly f1: number;
  readonly bestF1: number;
  readonly bestThreshold: number;
}

export function figuresOf(scored: readonly ScoredExample[], threshold: number): MethodFigures {
  const best = bestF1Threshold(scored);
  return {
    auc: rocAuc(scored),
    f1: f1AtThreshold(scored, threshold).f1,
    bestF1: best.f1,
    bestThreshold: best.threshold,
  };
}

const pct = (v: number): string => (100 * v).toFixed(2);

/** A Markdown table row per method: AUC, F1 at threshold, best F1, for each set. */
export function resultsTable(
  sets: readonly string[],
  rows: readonly { method: string; figures: readonly (MethodFigures | null)[] }[],
): string {
  const header = `| Method | ${sets.map((s) => `${s} AUC | ${s} F1 | ${s} best F1`).join(' | ')} |`;
  const rule = `|---|${sets.map(() => '---:|---:|---:').join('|')}|`;
  const body = rows.map(
    (r) =>
      `| ${r.method} | ${r.figures.map((f) => (f ? `${pct(f.auc)} | ${pct(f.f1)} | ${pct(f.bestF1)}` : '— | — | —')).join(' | ')} |`,
  );
  return [header, rule, ...body].join('\n');
}

/** One method's ROC curve on one set, as the plot draws it. */
export interface RocCurve {
  readonly label: string;
  /** A CSS colour. */
  readonly colour: string;
  readonly points: readonly RocPoint[];
}

/** ROC curves as a standalone SVG (no scripts, no fonts beyond the default). */
export function rocSvg(curves: readonly RocCurve[]): string {
  const size = 360;
  const pad = 44;
  const x = (v: number): number => pad + v * (size - 2 * pad);
  const y = (v: number): number => size - pad - v * (size - 2 * pad);
  const paths = curves.map(
    (c) =>
      `<path d="${c.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.falsePositiveRate).toFixed(1)},${y(p.truePositiveRate).toFixed(1)}`).join('')}" fill="none" stroke="${c.colour}" stroke-width="2"/>`,
  );
  const legend = curves.map(
    (c, i) =>
      `<rect x="${x(0.45)}" y="${y(0.3) + i * 16}" width="12" height="3" fill="${c.colour}"/><text x="${x(0.45) + 16}" y="${y(0.3) + i * 16 + 5}" font-size="11">${c.label}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" font-family="sans-serif">`,
    `<rect width="${size}" height="${size}" fill="white"/>`,
    `<path d="M${x(0)},${y(0)}L${x(1)},${y(1)}" stroke="#bbb" stroke-dasharray="4 4"/>`,
    `<rect x="${x(0)}" y="${y(1)}" width="${x(1) - x(0)}" height="${y(0) - y(1)}" fill="none" stroke="#333"/>`,
    `<text x="${size / 2}" y="${size - 10}" text-anchor="middle" font-size="12">False positive rate</text>`,
    `<text x="14" y="${size / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${size / 2})">True positive rate</text>`,
    ...paths,
    ...legend,
    '</svg>',
  ].join('\n');
}

export function rocPoints(scored: readonly ScoredExample[]): RocPoint[] {
  return rocCurve(scored);
}

/** HomNet's scores on one image set, with the bags they belong to. */
export interface ScoredSet {
  readonly name: string;
  readonly bags: readonly SampledBag[];
  readonly scores: readonly ScoredExample[];
}

/** HomNet's AUC on one set's bags of one length group; null when the group lacks a class. */
export interface GroupCell {
  /** In [0, 1], or null. */
  readonly auc: number | null;
  /** Abnormal and normal bags of the group. */
  readonly abnormal: number;
  readonly normal: number;
}

/** AUC per ISCN length group (rows) on each image set (columns, in `sets` order). */
export interface LengthGroupFigures {
  readonly sets: readonly string[];
  readonly groups: readonly { readonly group: LengthGroup; readonly cells: readonly GroupCell[] }[];
}

/**
 * AUC per ISCN length group on each set: a piece of 5 % of a chromosome 21 is about one pixel of a pki3
 * crop, of a chromosome 1 about three, so small chromosomes are expected to be the hard ones. Each cell
 * counts its abnormal and normal bags; with a few dozen of each, read it as a trend.
 */
export function lengthGroupFigures(sets: readonly ScoredSet[]): LengthGroupFigures {
  const groups = Object.keys(LENGTH_GROUPS) as LengthGroup[];
  const cell = (set: ScoredSet, group: LengthGroup): GroupCell => {
    const scored = set.scores.filter((_, i) => {
      const type = set.bags[i]?.bag.type;
      return type !== undefined && lengthGroupOf(type) === group;
    });
    const abnormal = scored.filter((s) => s.abnormal).length;
    const normal = scored.length - abnormal;
    return { auc: abnormal === 0 || normal === 0 ? null : rocAuc(scored), abnormal, normal };
  };
  return {
    sets: sets.map((s) => s.name),
    groups: groups.map((group) => ({ group, cells: sets.map((s) => cell(s, group)) })),
  };
}

/** The "HomNet AUC per length group" section of docs/evaluation.md. */
export function renderLengthGroups(figures: LengthGroupFigures): string[] {
  const cell = (c: GroupCell): string => `${c.auc === null ? '–' : pct(c.auc)} (${c.abnormal}/${c.normal})`;
  return [
    '## HomNet AUC per length group (image sets)',
    '',
    'In each cell: AUC in %, then (abnormal/normal bags) of that group.',
    '',
    `| Group | Types | ${figures.sets.join(' | ')} |`,
    `|---|---|${figures.sets.map(() => '---:').join('|')}|`,
    ...figures.groups.map(
      ({ group, cells }) =>
        `| ${group} | ${LENGTH_GROUPS[group].join(', ')} | ${cells.map(cell).join(' | ')} |`,
    ),
    '',
  ];
}
