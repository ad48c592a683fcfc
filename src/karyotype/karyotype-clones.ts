import { parseKaryotype } from './karyotype-parser';
import type { Karyotype, KaryotypeClone } from './karyotype-types';
import { KaryotypeSyntaxError } from './karyotype-types';

const CLONE_COUNT = /\[(\d+)\]$/;

/**
 * Parses a constitutional karyotype ("46,XY,del(5)(p14)") or a mosaic
 * ("mos 47,XY,+21[6]/46,XY[14]"): clones separated by "/", each with an optional cell count in brackets.
 * @throws KaryotypeSyntaxError with the character position in the whole text.
 */
export function parseKaryotypeClones(input: string): KaryotypeClone[] {
  const text = input.trim();
  const mosaic = text.startsWith('mos ');
  const body = mosaic ? text.slice(4) : text;
  let offset = text.length - body.length;
  const clones: KaryotypeClone[] = [];
  for (const part of body.split('/')) {
    const match = CLONE_COUNT.exec(part);
    const karyotypeText = match ? part.slice(0, match.index) : part;
    try {
      const karyotype = parseKaryotype(karyotypeText);
      clones.push(match?.[1] === undefined ? { karyotype } : { karyotype, cells: Number(match[1]) });
    } catch (error) {
      if (error instanceof KaryotypeSyntaxError) {
        const problem = error.message.replace(/ at character \d+ of ".*"$/s, '');
        throw new KaryotypeSyntaxError(problem, text, offset + error.position);
      }
      throw error;
    }
    offset += part.length + 1;
  }
  if (clones.length > 1 && !mosaic) {
    throw new KaryotypeSyntaxError('several clones need the "mos " prefix', text, 0);
  }
  return clones;
}

/** The normal karyotype of the same sex (46,XX, or 46,XY when the abnormal one has a Y). */
export function normalKaryotypeLike(karyotype: Karyotype): Karyotype {
  const text = karyotype.sexChromosomes.includes('Y') ? '46,XY' : '46,XX';
  return parseKaryotype(text);
}

/**
 * Which clone each of `cells` cells gets: proportional to the written counts (largest remainder), equal
 * shares when no counts are written. Returns one clone index per cell, in blocks (callers shuffle).
 */
export function assignClones(clones: readonly KaryotypeClone[], cells: number): number[] {
  const weights = clones.map((c) => c.cells ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / total) * cells);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest);
  let missing = cells - counts.reduce((s, c) => s + c, 0);
  for (const { i } of order) {
    if (missing <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    missing--;
  }
  return counts.flatMap((count, i) => Array.from({ length: count }, () => i));
}
