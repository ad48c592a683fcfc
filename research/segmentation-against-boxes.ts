import type { PixelBox } from '../src/imaging/segment/mask';

/** How one metaphase's segmentation meets its annotated boxes; counts of boxes and of objects. */
export interface BoxTally {
  readonly boxes: number;
  /** Boxes whose chromosome is one object of its own, with no further piece in the box. */
  readonly one: number;
  /** Of `one`, those whose object is marked doubtful (a crossing where there is none). */
  readonly oneDoubtful: number;
  /** Boxes with no object in them. */
  readonly missed: number;
  /** Boxes whose chromosome came out in two or more pieces. */
  readonly overSplit: number;
  /** Boxes whose object is also the object of another box (touching or crossing, not parted). */
  readonly underSplit: number;
  /** Of `underSplit`, those whose object is marked doubtful (as it should be). */
  readonly underSplitDoubtful: number;
  readonly objects: number;
  /** Objects in no box: nuclei or debris kept (or a chromosome the annotator did not box). */
  readonly objectsInNoBox: number;
  /** Objects that are the object of two or more boxes. */
  readonly objectsSpanningBoxes: number;
}

/** A box's object must lie at least this share inside it, or cover this share of the box's area. */
const MAIN_SHARE_OF_OBJECT = 0.5;
const MAIN_SHARE_OF_BOX = 0.1;

/** A piece lying at least this share inside a box is a piece of that box's chromosome. */
const PIECE_SHARE = 0.7;

/**
 * Tallies a segmentation against the boxes an annotator drew. A box's object is the object with most
 * pixels inside it (the one the box was drawn round, as the annotated path reads it), provided at least
 * half of that object lies in the box or it covers a tenth of the box's area. A box whose object is
 * also another box's is under-split; an object that is no box's own but lies at least 70 % inside a box
 * is a piece of that box's chromosome (over-split; the box holding most of it, the smaller on a tie);
 * every other object is in no box.
 *
 * @param objectOf per image pixel, the 1-based object index (0 for none), `width` wide
 * @param doubtful per object (0-based), whether it is marked doubtful
 */
export function tallyAgainstBoxes(
  objectOf: Int32Array,
  width: number,
  areas: readonly number[],
  doubtful: readonly boolean[],
  boxes: readonly PixelBox[],
): BoxTally {
  const inside = boxes.map((box) => {
    const counts = new Map<number, number>();
    for (let y = box.y0; y < box.y1; y++)
      for (let x = box.x0; x < box.x1; x++) {
        const o = objectOf[y * width + x] ?? 0;
        if (o > 0) counts.set(o, (counts.get(o) ?? 0) + 1);
      }
    return counts;
  });
  const boxArea = (b: PixelBox): number => (b.x1 - b.x0) * (b.y1 - b.y0);
  const mains = boxes.map((box, k) => {
    let best = 0;
    let bestCount = 0;
    for (const [o, count] of inside[k] ?? []) if (count > bestCount) [best, bestCount] = [o, count];
    const area = areas[best - 1] ?? 0;
    const held =
      best > 0 && (bestCount >= MAIN_SHARE_OF_OBJECT * area || bestCount >= MAIN_SHARE_OF_BOX * boxArea(box));
    return held ? best : 0;
  });
  const boxesOf = new Map<number, number>();
  for (const o of mains) if (o > 0) boxesOf.set(o, (boxesOf.get(o) ?? 0) + 1);
  const piecesIn = boxes.map(() => 0);
  let objectsInNoBox = 0;
  for (let o = 1; o <= areas.length; o++) {
    if (boxesOf.has(o)) continue;
    let home = -1;
    let homeCount = 0;
    boxes.forEach((box, k) => {
      const count = inside[k]?.get(o) ?? 0;
      const better =
        count > homeCount || (count === homeCount && home >= 0 && boxArea(box) < boxArea(boxes[home] ?? box));
      if (count > 0 && better) [home, homeCount] = [k, count];
    });
    if (home >= 0 && homeCount >= PIECE_SHARE * (areas[o - 1] ?? 0))
      piecesIn[home] = (piecesIn[home] ?? 0) + 1;
    else objectsInNoBox++;
  }
  let one = 0;
  let oneDoubtful = 0;
  let missed = 0;
  let overSplit = 0;
  let underSplit = 0;
  let underSplitDoubtful = 0;
  mains.forEach((o, k) => {
    if (o === 0) missed++;
    else if ((boxesOf.get(o) ?? 0) >= 2) {
      underSplit++;
      if (doubtful[o - 1] === true) underSplitDoubtful++;
    } else if ((piecesIn[k] ?? 0) > 0) overSplit++;
    else {
      one++;
      if (doubtful[o - 1] === true) oneDoubtful++;
    }
  });
  return {
    boxes: boxes.length,
    one,
    oneDoubtful,
    missed,
    overSplit,
    underSplit,
    underSplitDoubtful,
    objects: areas.length,
    objectsInNoBox,
    objectsSpanningBoxes: [...boxesOf.values()].filter((n) => n >= 2).length,
  };
}

/** The sum of tallies. */
export function addTallies(tallies: readonly BoxTally[]): BoxTally {
  const sum = (key: keyof BoxTally): number => tallies.reduce((s, t) => s + t[key], 0);
  return {
    boxes: sum('boxes'),
    one: sum('one'),
    oneDoubtful: sum('oneDoubtful'),
    missed: sum('missed'),
    overSplit: sum('overSplit'),
    underSplit: sum('underSplit'),
    underSplitDoubtful: sum('underSplitDoubtful'),
    objects: sum('objects'),
    objectsInNoBox: sum('objectsInNoBox'),
    objectsSpanningBoxes: sum('objectsSpanningBoxes'),
  };
}
