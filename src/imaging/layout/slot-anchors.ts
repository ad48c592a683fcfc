import type { Component } from '../segment/components';
import { boxHeight, verticalOverlap, type PixelBox } from '../segment/mask';
import type { RuleLine } from '../segment/rule-lines';
import type { SlotAnchor } from './slot-assignment';

/**
 * Printed slot numbers under a row: text within a few text heights below the baseline (or below the
 * row's chromosomes when there is no baseline) and above the next row, with the digits of one number
 * joined. Returns one anchor per number, left to right.
 *
 * @param top y below which numbers may start (baseline or bottom of the row), pixels
 * @param bottom y above which they must end (top of the next row), pixels
 */
export function labelAnchors(text: readonly Component[], top: number, bottom: number): SlotAnchor[] {
  const heights = text.map((c) => boxHeight(c.box)).sort((a, b) => a - b);
  const textHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  if (textHeight === 0) return [];
  const reach = Math.min(bottom, top + 3 * textHeight);
  const below = text
    .filter((c) => c.box.y0 >= top - 1 && c.box.y1 <= reach)
    .sort((a, b) => a.box.x0 - b.box.x0);
  if (below.length === 0) return [];
  // All numbers of a row sit on one line: keep the text on the line of the first (topmost) number.
  const lineTop = Math.min(...below.map((c) => c.box.y0));
  const onLine = below.filter((c) => c.box.y0 <= lineTop + 0.5 * textHeight);
  const clusters: PixelBox[] = [];
  for (const c of onLine) {
    const last = clusters[clusters.length - 1];
    if (last !== undefined && c.box.x0 - last.x1 <= 0.6 * textHeight && verticalOverlap(last, c.box) > 0) {
      clusters[clusters.length - 1] = { ...last, x1: Math.max(last.x1, c.box.x1) };
    } else clusters.push({ ...c.box });
  }
  return clusters.map((b) => ({ x0: b.x0, x1: b.x1 }));
}

/** Baseline segments as slot anchors. */
export function baselineAnchors(baselines: readonly RuleLine[]): SlotAnchor[] {
  return baselines.map((l) => ({ x0: l.x0, x1: l.x1 }));
}
