import { CHROMOSOME_TYPES, chromosomeTypeIndex, type ChromosomeType } from '../../shared/chromosome-types';
import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import { createRandom } from '../../shared/random';
import type { Point } from '../segment/mask';
import { drawChromosome, drawLabel, fillRect, type BandPattern } from './draw-chromosome';
import { ISCN_ROWS, RELATIVE_LENGTH } from './relative-length';

/** How to draw a synthetic karyogram (for tests and demos; sizes in pixels). */
export interface SyntheticKaryogramOptions {
  /** Copies of each type; default 2 for autosomes and X, 0 for Y (46,XX). */
  readonly counts?: Partial<Record<ChromosomeType, number>>;
  /** Pixels of length per unit of relative length (chromosome 1 is 8.44 units). Default 13. */
  readonly scale?: number;
  /** Chromosome width, pixels. Default 16. */
  readonly width?: number;
  /** Draw a baseline under each slot. Default true. */
  readonly baselines?: boolean;
  /** One long baseline per row instead of one per slot. Default false. */
  readonly rowBaselines?: boolean;
  /** Add a title line at the top and an annotation arrow with text beside slot 9. Default false. */
  readonly annotations?: boolean;
  /** Standard deviation of Gaussian pixel noise, gray levels (scanner noise, JPEG). Default 0. */
  readonly noise?: number;
  /** Print the slot's number under it. Default true. */
  readonly labels?: boolean;
  /** Types whose homologs touch (no gap between them). */
  readonly touching?: readonly ChromosomeType[];
  /** Types whose first copy is broken across a pale gap at mid-length. */
  readonly broken?: readonly ChromosomeType[];
  /** Types whose first copy is drawn bent. */
  readonly bent?: readonly ChromosomeType[];
  /** Extra margin added on the left and top, pixels. Default 0. */
  readonly margin?: number;
  /** Types of each row, top first. Default the ISCN rows. */
  readonly rows?: readonly (readonly ChromosomeType[])[];
  /** Seed of the band patterns and jitter. Default 1. */
  readonly seed?: number;
}

/** One chromosome as drawn: the ground truth of a synthetic karyogram. */
export interface SyntheticChromosome {
  readonly type: ChromosomeType;
  readonly homolog: number;
  /** Centre line as drawn, p-ter first, pixels. */
  readonly path: Point[];
  readonly bands: BandPattern;
}

/** A band pattern per type: alternating dark and pale bands of random widths, the same for every copy. */
export function bandPatternFor(type: ChromosomeType, seed = 1): BandPattern {
  const random = createRandom(seed * 100 + chromosomeTypeIndex(type));
  const edges: number[] = [0];
  while ((edges[edges.length - 1] ?? 1) < 1)
    edges.push((edges[edges.length - 1] ?? 0) + random.uniform(0.06, 0.16));
  const levels = edges.map((_, i) => (i % 2 === 0 ? random.uniform(0.25, 0.4) : random.uniform(0.6, 0.85)));
  return (t: number): number => {
    let i = 0;
    while (i + 1 < edges.length && (edges[i + 1] ?? 1) <= t) i++;
    return levels[i] ?? 0.3;
  };
}

/** Centre line of a chromosome standing on `baseY`, centred on `cx`; bent ones curve sideways. */
function uprightPath(cx: number, baseY: number, length: number, bent: boolean): Point[] {
  if (!bent)
    return [
      { x: cx, y: baseY - length },
      { x: cx, y: baseY },
    ];
  // A C-shaped arc bulging to the left, total length about `length`.
  const points: Point[] = [];
  const radius = length / 2.4;
  for (let k = 0; k <= 24; k++) {
    const angle = -1.2 + (2.4 * k) / 24;
    points.push({
      x: cx + radius * (0.6 - Math.cos(angle)),
      y: baseY - length / 2 + radius * Math.sin(angle) * 1.0 - 2,
    });
  }
  return points;
}

/**
 * Draws a karyogram in ISCN layout: rows 1–5, 6–12, 13–18, 19–22 + X + Y on baselines with printed
 * numbers, homologs side by side. Returns the image and what was drawn where (the ground truth).
 */
export function syntheticKaryogram(options: SyntheticKaryogramOptions = {}): {
  image: GrayImage;
  chromosomes: SyntheticChromosome[];
} {
  const scale = options.scale ?? 13;
  const width = options.width ?? 16;
  const margin = options.margin ?? 0;
  const seed = options.seed ?? 1;
  const counts = (type: ChromosomeType): number => options.counts?.[type] ?? (type === 'Y' ? 0 : 2);
  const slotPitch = 7 * width + 20;
  const rowGap = 3.2 * width + 30;
  const layoutRows = options.rows ?? ISCN_ROWS;
  const rowHeights = layoutRows.map(
    (row) => Math.max(...row.map((t) => RELATIVE_LENGTH[t] * scale)) + 2 * width,
  );
  const imageWidth = Math.round(margin + 40 + 7 * slotPitch);
  const imageHeight = Math.round(margin + 60 + rowHeights.reduce((s, h) => s + h + rowGap, 0));
  const image = createGrayImage(imageWidth, imageHeight, 255);
  const random = createRandom(seed);
  const chromosomes: SyntheticChromosome[] = [];
  let baseY = margin + 40;
  layoutRows.forEach((row, r) => {
    baseY += rowHeights[r] ?? 0;
    // Rows of 5 and 6 leave the ISCN gap in the middle, as vendors do.
    const columns =
      row.length === 7 ? [0, 1, 2, 3, 4, 5, 6] : row.length === 5 ? [0, 1, 2, 5, 6] : [0, 1, 2, 4, 5, 6];
    row.forEach((type, s) => {
      const cx = margin + 20 + ((columns[s] ?? s) + 0.5) * slotPitch;
      const n = counts(type);
      const touching = options.touching?.includes(type) ?? false;
      const spacing = touching ? width - 1 : width + 6;
      const bands = bandPatternFor(type, seed);
      for (let h = 0; h < n; h++) {
        const length = RELATIVE_LENGTH[type] * scale * random.uniform(0.95, 1.05);
        const x = cx + (h - (n - 1) / 2) * spacing;
        const bent = h === 0 && (options.bent?.includes(type) ?? false);
        // Standing on the baseline: the rounded q-ter end just touches it.
        const path = uprightPath(x, baseY - width / 2, length, bent);
        drawChromosome(image, path, width, bands);
        if (h === 0 && (options.broken?.includes(type) ?? false)) {
          // A pale gap across the chromosome at mid-length, as at a stretched pale band.
          const mid = path[Math.floor(path.length / 2)] ?? { x, y: baseY - length / 2 };
          fillRect(image, mid.x - width, baseY - width / 2 - length / 2 - 1, 2 * width, 3, 255);
        }
        chromosomes.push({ type, homolog: h, path, bands });
      }
      if ((options.baselines ?? true) && !(options.rowBaselines ?? false)) {
        fillRect(image, cx - 0.42 * slotPitch, baseY, 0.84 * slotPitch, 1, 40);
      }
      if (options.annotations === true && type === '9')
        drawArrow(image, cx + 2 * width, baseY - 2 * width, width);
      if (options.labels ?? true) drawLabel(image, type, cx - 6, baseY + 12, 14);
    });
    if (options.rowBaselines ?? false) fillRect(image, margin + 20, baseY, 7 * slotPitch, 1, 40);
    baseY += rowGap;
  });
  if (options.annotations === true) drawLabel(image, '46XY', margin + 20, margin + 8, 18);
  if ((options.noise ?? 0) > 0) {
    for (let i = 0; i < image.pixels.length; i++) {
      const v = (image.pixels[i] ?? 255) + (options.noise ?? 0) * random.normal();
      image.pixels[i] = Math.min(255, Math.max(0, Math.round(v)));
    }
  }
  return { image, chromosomes };
}

/** A thin annotation arrow pointing left at (x, y), with a "+" beside it (vendors mark findings so). */
function drawArrow(image: GrayImage, x: number, y: number, size: number): void {
  for (let k = 0; k < 2 * size; k++) fillRect(image, x + k, y - k / 2, 2, 2, 30);
  for (let k = 0; k < size / 2; k++) fillRect(image, x + k, y + k / 2, 2, 2, 30);
  drawLabel(image, '1', x + 2 * size + 4, y - size, 12);
}

/** A metaphase-like spread: the same chromosomes scattered at random positions and angles. */
export function syntheticMetaphase(seed = 1): GrayImage {
  const image = createGrayImage(1400, 1400, 255);
  const random = createRandom(seed);
  for (const type of CHROMOSOME_TYPES) {
    for (let h = 0; h < (type === 'Y' ? 1 : 2); h++) {
      const length = RELATIVE_LENGTH[type] * 12;
      const angle = random.uniform(0, Math.PI);
      const r = random.uniform(0, 620);
      const phi = random.uniform(0, 2 * Math.PI);
      const cx = 700 + r * Math.cos(phi);
      const cy = 700 + r * Math.sin(phi);
      const dx = (Math.cos(angle) * length) / 2;
      const dy = (Math.sin(angle) * length) / 2;
      drawChromosome(
        image,
        [
          { x: cx - dx, y: cy - dy },
          { x: cx + dx, y: cy + dy },
        ],
        15,
        bandPatternFor(type),
      );
    }
  }
  return image;
}
