import type { RuleLine } from '../segment/rule-lines';
import type { Component } from '../segment/components';
import type { SlotMethod } from './karyogram-layout';
import type { Piece } from './piece';
import { rowHypotheses, typesWithoutSlot, type RowGroup, type RowHypothesis } from './row-hypotheses';
import { baselinesUnder } from './rows';
import { baselineAnchors, labelAnchors } from './slot-anchors';
import {
  anchoredCost,
  assignSlotsByAnchors,
  assignSlotsByGaps,
  countCost,
  type SlotAnchor,
  type SlotCandidate,
} from './slot-assignment';
import { estimateLengthScale, type SlotContent } from './slot-contents';

/** One image row: its band, pieces left to right, and the slot anchors the layout draws under it. */
export interface RowPlan {
  readonly y0: number;
  readonly y1: number;
  readonly pieces: Piece[];
  /** One per baseline segment under the row. */
  readonly baselineAnchors: SlotAnchor[];
  /** One per printed number under the row, widened to meet halfway between neighbours. */
  readonly labelAnchors: SlotAnchor[];
}

/** Turns narrow anchors (printed numbers) into cells that meet halfway between neighbours. */
function widenToCells(anchors: readonly SlotAnchor[]): SlotAnchor[] {
  return anchors.map((a, i) => {
    const previous = anchors[i - 1];
    const next = anchors[i + 1];
    return {
      x0: previous === undefined ? -Infinity : (previous.x1 + a.x0) / 2,
      x1: next === undefined ? Infinity : (a.x1 + next.x0) / 2,
    };
  });
}

/** Rows with their pieces in reading order and the baselines and printed numbers under them. */
export function planRows(
  bands: readonly { y0: number; y1: number }[],
  rowPieces: readonly Piece[][],
  ruleLines: readonly RuleLine[],
  text: readonly Component[],
  imageHeight: number,
): RowPlan[] {
  return bands.map((band, i) => {
    const nextTop = bands[i + 1]?.y0 ?? imageHeight;
    const baselines = baselinesUnder(band, ruleLines, nextTop);
    const labelTop = baselines.length > 0 ? Math.max(...baselines.map((l) => l.y1)) : band.y1;
    return {
      ...band,
      pieces: [...(rowPieces[i] ?? [])].sort((a, b) => a.centroidX - b.centroidX),
      baselineAnchors: baselineAnchors(baselines),
      labelAnchors: widenToCells(labelAnchors(text, labelTop, nextTop)),
    };
  });
}

/** The anchors of a group when the layout gives exactly one per slot, and which kind they are. */
function groupAnchors(
  plans: readonly RowPlan[],
  group: RowGroup,
): { anchors: SlotAnchor[]; method: SlotMethod } | null {
  const only = group.rows.length === 1 ? plans[group.rows[0] ?? -1] : undefined;
  if (only === undefined) return null;
  if (only.baselineAnchors.length === group.types.length)
    return { anchors: only.baselineAnchors, method: 'baselines' };
  if (only.labelAnchors.length === group.types.length)
    return { anchors: only.labelAnchors, method: 'labels' };
  return null;
}

/** Slot contents under one hypothesis at one length scale, and their total cost. */
function solveHypothesis(
  plans: readonly RowPlan[],
  hypothesis: RowHypothesis,
  chromosomeWidth: number,
  scale: number | null,
): { contents: SlotContent[]; cost: number } {
  const contents: SlotContent[] = [];
  let cost = typesWithoutSlot(hypothesis).reduce((sum, type) => sum + countCost(type, 0), 0);
  for (const group of hypothesis.groups) {
    const pieces = group.rows.flatMap((r) => plans[r]?.pieces ?? []);
    const rowOf = group.rows.flatMap((r) => (plans[r]?.pieces ?? []).map(() => r));
    const candidates: SlotCandidate[] = pieces.map((p, i) => ({
      x0: p.box.x0,
      x1: p.box.x1,
      length: p.area / Math.max(1, chromosomeWidth),
      row: rowOf[i] ?? 0,
    }));
    const anchored = groupAnchors(plans, group);
    let slotOf: number[];
    if (anchored !== null) {
      slotOf = assignSlotsByAnchors(candidates, anchored.anchors);
      cost += anchoredCost(candidates, group.types, slotOf, scale);
    } else {
      const solved = assignSlotsByGaps(candidates, group.types, { chromosomeWidth, lengthScale: scale });
      slotOf = solved.slotOf;
      cost += solved.cost;
    }
    const method = anchored?.method ?? 'gaps';
    group.types.forEach((type, slot) => {
      const members = pieces.filter((_, i) => slotOf[i] === slot);
      const first = members[0];
      const row =
        group.rows.length === 1 ? (group.rows[0] ?? 0) : first ? (rowOf[pieces.indexOf(first)] ?? 0) : -1;
      contents.push({ type, pieces: members, row, slot, method });
    });
  }
  return { contents, cost };
}

/**
 * Slot contents of the whole karyogram under the cheapest reading of its rows. Each reading is solved
 * twice: first without sizes to learn the image's length scale, then with it.
 */
export function assignAllSlots(
  plans: readonly RowPlan[],
  chromosomeWidth: number,
): { contents: SlotContent[]; hypothesis: RowHypothesis } {
  let best: { contents: SlotContent[]; cost: number; hypothesis: RowHypothesis } | null = null;
  for (const hypothesis of rowHypotheses(plans.length)) {
    const first = solveHypothesis(plans, hypothesis, chromosomeWidth, null);
    const scale = estimateLengthScale(first.contents, chromosomeWidth);
    const solved = solveHypothesis(plans, hypothesis, chromosomeWidth, scale);
    if (best === null || solved.cost < best.cost) best = { ...solved, hypothesis };
  }
  if (best === null) throw new Error('no reading of the rows was possible');
  return { contents: best.contents, hypothesis: best.hypothesis };
}
