import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../decode/decode-image';
import type { Point } from '../segment/mask';
import { analyseKaryogram } from './analyse-karyogram';
import { HOOK_TURN_DEGREES } from './end-hook';

/**
 * Needs the real karyograms of ../shared/data (not redistributable, so not in the repository): skips
 * when the folder is absent. HOMNET_DATA_DIR points elsewhere.
 */
const DATA =
  process.env.HOMNET_DATA_DIR ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const KARYOGRAMS = join(DATA, 'karyograms');

/**
 * Larger turn (degrees) of a centre line's two ends: the direction of its last 0.6 widths against that
 * of the 1.2 widths before them.
 */
function endTurn(axis: readonly Point[], width: number): number {
  const tail = Math.max(3, Math.round(0.6 * width));
  const body = Math.max(4, Math.round(1.2 * width));
  const turn = (line: readonly Point[]): number => {
    const [end, bend, inner] = [line[0], line[tail], line[tail + body]];
    if (end === undefined || bend === undefined || inner === undefined) return 0;
    const a = Math.atan2(end.y - bend.y, end.x - bend.x) - Math.atan2(bend.y - inner.y, bend.x - inner.x);
    const d = Math.abs(a) % (2 * Math.PI);
    return ((d > Math.PI ? 2 * Math.PI - d : d) * 180) / Math.PI;
  };
  return Math.max(turn(axis), turn([...axis].reverse()));
}

/** Normal pairs whose centre line ran into one chromatid at an end (turning 100–108°) and scored 0.93–1.00. */
const HOOKED: [string, string][] = [
  ['allen/AICS-104_aics-0104_h251n_cl3_karyotype.png', '12'],
  ['allen/AICS-106_aics-0106_s291f_cl40_karyotype.png', '7'],
];

/** Largest distance of a line's points from the straight line between its ends, pixels. */
function bowFromChord(axis: readonly Point[]): number {
  const [a, b] = [axis[0], axis[axis.length - 1]];
  if (a === undefined || b === undefined) return 0;
  const length = Math.max(1e-6, Math.hypot(b.x - a.x, b.y - a.y));
  return Math.max(
    ...axis.map((p) => Math.abs((p.x - a.x) * (b.y - a.y) - (p.y - a.y) * (b.x - a.x)) / length),
  );
}

/**
 * Short normal chromosomes whose skeleton's line turned into a protrusion at an end (98917NVG's 18/2) or
 * curled round a pale body (AICS-106's 21/1), each pair scoring 0.90–1.00: type, homolog (0-based).
 */
const SHORT_AND_HOOKED: [string, string, number][] = [
  ['98917NVG.002.K.JPG', '18', 1],
  ['allen/AICS-106_aics-0106_s291f_cl40_karyotype.png', '21', 0],
];

// Real data is not ours to ship: CI has ../shared/data, a stranger's clone does not, so it skips there.
describe.skipIf(!existsSync(KARYOGRAMS))('centre lines on real karyograms (needs ../shared/data)', () => {
  for (const [file, type, homolog] of SHORT_AND_HOOKED) {
    it(`runs chromosome ${type}/${homolog + 1} of ${file} straight down its length`, async () => {
      const [page] = decodeImage(file, new Uint8Array(readFileSync(join(KARYOGRAMS, file))));
      if (page === undefined) throw new Error(`${file} decoded to no page`);
      const { chromosomes } = await analyseKaryogram(page.image);
      const c = chromosomes.find((k) => k.type === type && k.homolog === homolog);
      if (c === undefined) throw new Error(`no ${type}/${homolog + 1} in ${file}`);
      const width = c.axisPicture.recipe?.width ?? 0;
      expect(width).toBeGreaterThan(0);
      expect(bowFromChord(c.axisPicture.axis)).toBeLessThan(0.1 * width);
    });
  }

  for (const [file, type] of HOOKED) {
    it(`runs chromosomes ${type} of ${file} to their ends without hooking into a chromatid`, async () => {
      const [page] = decodeImage(file, new Uint8Array(readFileSync(join(KARYOGRAMS, file))));
      if (page === undefined) throw new Error(`${file} decoded to no page`);
      const { chromosomes } = await analyseKaryogram(page.image);
      const pair = chromosomes.filter((c) => c.type === type);
      expect(pair).toHaveLength(2);
      for (const c of pair) {
        const width = c.axisPicture.recipe?.width ?? 0;
        expect(width).toBeGreaterThan(0);
        expect(endTurn(c.axisPicture.axis, width)).toBeLessThan(HOOK_TURN_DEGREES);
      }
    });
  }
});
