import type { ChromosomeType } from '../shared/chromosome-types';
import { bandRangeLabel } from './band-names';
import type { RenderedChromosome } from './render-chromosome';
import type { PixelBox } from './render-karyogram';
import type { SyntheticCase } from './synthetic-case';

/** Ground truth of one chromosome of a synthetic karyogram (JSON-ready). */
export interface ChromosomeTruth {
  readonly type: ChromosomeType;
  readonly homolog: number;
  /** ISCN name: the type for a normal chromosome, else e.g. "der(22)t(11;22)(q23;q11.2)". */
  readonly derivative: string;
  readonly normal: boolean;
  /** Bounding box on the karyogram, pixels. */
  readonly box: PixelBox;
  /** Axis length p-ter → q-ter, pixels. */
  readonly axisLengthPx: number;
  /** Medial axis from p-ter to q-ter as [x, y] karyogram pixels, a point every ~8 px plus both ends. */
  readonly axis: readonly (readonly [number, number])[];
  /** Breaks of the rearrangement: band, and position as a fraction of the normal source's length from p-ter. */
  readonly breakpoints: readonly {
    readonly band: string;
    readonly source: ChromosomeType;
    readonly fraction: number;
  }[];
  /**
   * Where pieces of this chromosome meet, as fractions of ITS length from p-ter, with the source bands on
   * either side (e.g. "11q23|22q11.2"). Empty for normal chromosomes and terminal deletions.
   */
  readonly junctions: readonly { readonly fraction: number; readonly bands: string }[];
  /** The pieces from p-ter: source type and fractions of the source's length (from > to: reversed). */
  readonly segments: readonly {
    readonly source: ChromosomeType;
    readonly from: number;
    readonly to: number;
    readonly bands: string;
  }[];
}

export interface CellTruth {
  readonly id: string;
  /** Karyogram file name, relative to the output folder. */
  readonly file: string;
  readonly karyotype: string;
  readonly chromosomes: readonly ChromosomeTruth[];
}

export interface CaseTruth {
  readonly schema: 'homnet-review/synthetic-truth@1';
  readonly karyotype: string;
  readonly bandLevel: number;
  readonly seed: number;
  readonly cells: readonly CellTruth[];
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;

function axisPoints(rendered: RenderedChromosome, box: PixelBox): [number, number][] {
  const last = rendered.axisLengthPx - 1;
  const rows = Array.from({ length: Math.floor(last / 8) + 1 }, (_, i) => i * 8);
  if (rows.at(-1) !== last) rows.push(last);
  return rows.map((row) => [
    Math.round((box.x + (rendered.axisX[row] ?? 0)) * 10) / 10,
    box.y + rendered.axisTop + row + 0.5,
  ]);
}

/** The truth.json content of a generated case. */
export function caseTruth(synthetic: SyntheticCase): CaseTruth {
  const level = synthetic.level;
  return {
    schema: 'homnet-review/synthetic-truth@1',
    karyotype: synthetic.karyotype,
    bandLevel: level,
    seed: synthetic.seed,
    cells: synthetic.cells.map((cell) => ({
      id: cell.id,
      file: `${cell.id}.png`,
      karyotype: cell.karyotype.text,
      chromosomes: cell.karyogram.chromosomes.map(({ cell: c, track, rendered, box }) => ({
        type: c.type,
        homolog: c.homolog,
        derivative: c.chromosome.name,
        normal: c.chromosome.breakpoints.length === 0,
        box,
        axisLengthPx: rendered.axisLengthPx,
        axis: axisPoints(rendered, box),
        breakpoints: c.chromosome.breakpoints.map((b) => ({
          band: b.band,
          source: b.source,
          fraction: round(b.sourceFraction),
        })),
        junctions: track.junctions.map((units) => {
          const before = track.bands.findLast((b) => b.stop <= units + 1e-6);
          const after = track.bands.find((b) => b.start >= units - 1e-6);
          return {
            fraction: round(units / track.length),
            bands: `${before?.band ?? '?'}|${after?.band ?? '?'}`,
          };
        }),
        segments: c.chromosome.segments.map((s) => ({
          source: s.source,
          from: round(s.from),
          to: round(s.to),
          bands: bandRangeLabel(s.source, level, s.from, s.to),
        })),
      })),
    })),
  };
}
