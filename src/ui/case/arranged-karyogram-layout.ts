import { CHROMOSOME_TYPES, isChromosomeType, type ChromosomeType } from '../../shared/chromosome-types';

/** ISCN karyogram rows: 1–5, 6–12, 13–18, 19–22 + X + Y. */
export const KARYOGRAM_ROWS: readonly (readonly ChromosomeType[])[] = [
  ['1', '2', '3', '4', '5'],
  ['6', '7', '8', '9', '10', '11', '12'],
  ['13', '14', '15', '16', '17', '18'],
  ['19', '20', '21', '22', 'X', 'Y'],
];

/** What laying a chromosome out needs: its type, its length in profile samples and its picture's size. */
export interface ArrangedItem {
  readonly type: ChromosomeType;
  readonly samples: number;
  readonly image: { readonly width: number; readonly height: number };
}

/** Smallest drawn height and width, pixels: a chromosome of no samples still shows (and can be picked). */
const MIN_HEIGHT = 4;
const MIN_WIDTH = 2;

/**
 * Pixels per profile sample that draw the cell's longest chromosome `tallest` pixels high: one scale for
 * every chromosome of the cell, so that their lengths compare as on a printed karyogram.
 */
export function karyogramScale(items: readonly ArrangedItem[], tallest: number): number {
  return tallest / Math.max(1, ...items.map((c) => c.samples));
}

/** A chromosome's drawn size at `scale`: height from its profile length, width from its picture's aspect. */
export function drawnSize(item: ArrangedItem, scale: number): { width: number; height: number } {
  const height = Math.max(MIN_HEIGHT, item.samples * scale);
  const width = Math.max(MIN_WIDTH, (item.image.width / Math.max(1, item.image.height)) * height);
  return { width, height };
}

/** The chromosomes of each type (every type present, empty where the cell has none), in the given order. */
export function byType<T extends { readonly type: ChromosomeType }>(
  items: readonly T[],
): ReadonlyMap<ChromosomeType, readonly T[]> {
  const groups = new Map<ChromosomeType, T[]>(CHROMOSOME_TYPES.map((t) => [t, []]));
  for (const item of items) groups.get(item.type)?.push(item);
  return groups;
}

/**
 * The type a reviewer typed: "7", "07", "chr7", "x" or " X " name a type; anything else is null (the
 * field then says which types exist rather than moving the chromosome somewhere unexpected).
 */
export function typeFromInput(text: string): ChromosomeType | null {
  const bare = text
    .trim()
    .toUpperCase()
    .replace(/^CHR/, '')
    .replace(/^0+(?=\d)/, '');
  return isChromosomeType(bare) ? bare : null;
}

/** Where one chromosome goes in the image, pixels (integers), top left corner. */
export interface PlacedChromosome<T> {
  readonly item: T;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One type's place: its chromosomes standing on one baseline, its number under it. */
export interface TypeSlot<T> {
  readonly type: ChromosomeType;
  readonly x: number;
  readonly width: number;
  /** y of the line the chromosomes stand on; the label starts below it. */
  readonly baseline: number;
  readonly chromosomes: readonly PlacedChromosome<T>[];
}

export interface KaryogramLayout<T> {
  readonly width: number;
  readonly height: number;
  /** Pixels per profile sample, for every chromosome. */
  readonly scale: number;
  /** Every type, in karyogram order (ISCN rows). */
  readonly slots: readonly TypeSlot<T>[];
}

export interface LayoutOptions {
  /** Height of the longest chromosome, pixels. */
  readonly tallest: number;
  /** Space kept above the first row (a title), pixels. */
  readonly top: number;
  readonly margin: number;
  /** Between chromosomes of one type. */
  readonly chromosomeGap: number;
  /** Between types of a row. */
  readonly slotGap: number;
  /** A type without chromosomes (or with thin ones) is still this wide: its number and a place to drop on. */
  readonly minSlotWidth: number;
  /** Space under the baseline for the type's number. */
  readonly labelHeight: number;
  readonly rowGap: number;
  /** The image is at least this wide (a long title), the rows centred in it. */
  readonly minWidth?: number;
}

/**
 * A cell laid out as a karyogram: the ISCN rows one under the other, each row's types left to right and
 * the row centred; the chromosomes of a type side by side at one scale, standing on the type's baseline.
 * A row is as high as its longest chromosome, so short rows take little room.
 */
export function layoutKaryogram<T extends ArrangedItem>(
  items: readonly T[],
  options: LayoutOptions,
): KaryogramLayout<T> {
  const scale = karyogramScale(items, options.tallest);
  const groups = byType(items);
  const rows = KARYOGRAM_ROWS.map((row) =>
    row.map((type) => {
      const sized = (groups.get(type) ?? []).map((item) => {
        const size = drawnSize(item, scale);
        return { item, width: Math.round(size.width), height: Math.round(size.height) };
      });
      const content =
        sized.reduce((sum, c) => sum + c.width, 0) + options.chromosomeGap * Math.max(0, sized.length - 1);
      return { type, sized, width: Math.max(options.minSlotWidth, content), content };
    }),
  );
  const rowWidths = rows.map(
    (row) => row.reduce((sum, s) => sum + s.width, 0) + options.slotGap * Math.max(0, row.length - 1),
  );
  const width = Math.max(options.minWidth ?? 0, Math.max(...rowWidths) + 2 * options.margin);
  const slots: TypeSlot<T>[] = [];
  let top = options.top + options.margin;
  rows.forEach((row, r) => {
    const rowHeight = Math.max(
      Math.round(options.tallest / 4),
      ...row.flatMap((s) => s.sized.map((c) => c.height)),
    );
    const baseline = top + rowHeight;
    let x = options.margin + Math.floor((width - 2 * options.margin - (rowWidths[r] ?? 0)) / 2);
    for (const slot of row) {
      let cx = x + Math.floor((slot.width - slot.content) / 2);
      const chromosomes = slot.sized.map((c) => {
        const placed = { item: c.item, x: cx, y: baseline - c.height, width: c.width, height: c.height };
        cx += c.width + options.chromosomeGap;
        return placed;
      });
      slots.push({ type: slot.type, x, width: slot.width, baseline, chromosomes });
      x += slot.width + options.slotGap;
    }
    top = baseline + options.labelHeight + options.rowGap;
  });
  return { width, height: top - options.rowGap + options.margin, scale, slots };
}
