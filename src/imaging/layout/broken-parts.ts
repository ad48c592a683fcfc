import type { Component } from '../segment/components';
import {
  boxHeight,
  boxWidth,
  horizontalOverlap,
  unionBox,
  verticalOverlap,
  type PixelBox,
} from '../segment/mask';

/**
 * Joins the parts of one chromosome: a chromosome broken across a pale band (or with a detached
 * satellite) appears as two blobs stacked along its length with a small gap. Homologs stand side by
 * side, never stacked, so a stacked neighbour within a fraction of a chromosome width is the same one.
 * Small thick specks join the nearest piece when close, otherwise they are debris.
 *
 * Only a row gap parts the rows of a karyogram, often by less than a chromosome width: a chromosome
 * standing on its baseline then sits right above one of the next row (AICS-75-85's 8 above its 15, its
 * X under a 17, 17–19 px apart at 25 px wide). `rowOf` gives the row of each part large enough to have
 * one; parts of different rows are never joined.
 */
export function groupBrokenParts(
  chromosomes: readonly Component[],
  specks: readonly Component[],
  paleBits: readonly Component[],
  chromosomeWidth: number,
  debris: Component[],
  rowOf: ReadonlyMap<Component, number> = new Map(),
): Component[][] {
  const groups: Component[][] = chromosomes.map((c) => [c]);
  const boxes: PixelBox[] = chromosomes.map((c) => c.box);
  const rows: (number | undefined)[] = chromosomes.map((c) => rowOf.get(c));
  const tallest = Math.max(1, ...chromosomes.map((c) => boxHeight(c.box)));
  const sameChromosome = (a: PixelBox, b: PixelBox): boolean => {
    const narrower = Math.min(boxWidth(a), boxWidth(b));
    const stacked = horizontalOverlap(a, b) >= 0.5 * narrower;
    const gap = -verticalOverlap(a, b);
    return (
      stacked &&
      gap >= -0.25 * chromosomeWidth &&
      gap <= 0.75 * chromosomeWidth &&
      boxHeight(unionBox(a, b)) <= 1.1 * tallest
    );
  };
  // Passes over all pairs, each group taking in every later group it joins (its box grows as it does),
  // until a pass joins nothing: O(n²) per pass, and a pass or two in practice. Restarting from the
  // first pair after every join, as this once did, was O(n³): 2 minutes on 2,400 broken bars.
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length;) {
        const a = boxes[i];
        const b = boxes[j];
        const rowA = rows[i];
        const rowB = rows[j];
        const sameRow = rowA === undefined || rowB === undefined || rowA === rowB;
        if (a !== undefined && b !== undefined && sameRow && sameChromosome(a, b)) {
          groups[i] = [...(groups[i] ?? []), ...(groups[j] ?? [])];
          boxes[i] = unionBox(a, b);
          rows[i] = rowA ?? rowB;
          groups.splice(j, 1);
          boxes.splice(j, 1);
          rows.splice(j, 1);
          merged = true;
        } else j++;
      }
    }
  }
  const boxOf = (index: number): PixelBox => boxes[index] ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
  const attach = (bit: Component, reach: number, needOverlap: boolean): void => {
    let best = -1;
    let bestDistance = Infinity;
    groups.forEach((_g, index) => {
      const b = boxOf(index);
      const overlap = horizontalOverlap(b, bit.box);
      if (needOverlap && overlap < 0.3 * boxWidth(bit.box)) return;
      const d = Math.hypot(Math.max(0, -overlap), Math.max(0, -verticalOverlap(b, bit.box)));
      if (d < bestDistance) {
        bestDistance = d;
        best = index;
      }
    });
    const target = groups[best];
    if (target !== undefined && bestDistance <= reach) {
      target.push(bit);
      boxes[best] = unionBox(boxOf(best), bit.box);
    } else debris.push(bit);
  };
  for (const speck of specks) attach(speck, 0.75 * chromosomeWidth, false);
  for (const bit of paleBits) attach(bit, 0.35 * chromosomeWidth, true);
  return groups;
}
