import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import { decodeImage } from '../decode/decode-image';
import { parseKaryogram } from './parse-karyogram';

/**
 * Needs the real karyograms of ../shared/data (not redistributable, so not in the repository): skips
 * when the folder is absent. HOMNET_DATA_DIR points elsewhere.
 */
const DATA =
  process.env.HOMNET_DATA_DIR ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const KARYOGRAMS = join(DATA, 'karyograms');

const EXPECTED: Record<string, 'XX' | 'XY'> = {
  '100955NVG.017.K.BMP': 'XX',
  '5180104844.020.K.BMP': 'XY',
  '98917NVG.002.K.JPG': 'XX',
  'nhgri_karyotype.png': 'XY',
  // A commercial lab's 550-band karyograms (all 46,XY); AICS-24-80 has "46,XY" printed in bold under it.
  'allen/AICS-10-55_SEC61B_cl.55.JPG': 'XY',
  'allen/AICS-104_aics-0104_h251n_cl3_karyotype.png': 'XY',
  'allen/AICS-106_aics-0106_s291f_cl40_karyotype.png': 'XY',
  'allen/AICS-17-65_StemCellCharacterization_karyotype.jpg': 'XY',
  'allen/AICS-24-80_MYH10_cl.80.JPG': 'XY',
  'allen/AICS-33-115_SLC25A17_cl.115.JPG': 'XY',
  'allen/AICS-74-26_SOX2_cl26_final_karyo.JPG': 'XY',
  // Pale chromosomes in a frame, "Result: 46,XY" above it, slot numbers in bold blue.
  'allen/AICS-5-50_StemCellCharacterization_karyotype.jpg': 'XY',
  // Rows less than a chromosome width apart (an 8 right above a 15, the X under a 17), "46,XY" in bold.
  'allen/AICS-75-85_ACTN2_cl85_final_karyo.JPG': 'XY',
  'allen/AICS-90-391_AICS-90_cl391_CLYBL-dCas9-KRAB_karyotype.JPG': 'XY',
};

/** Warnings a karyogram rightly gives: AICS-5-50's frame is two lines as tall as the page. */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  'allen/AICS-5-50_StemCellCharacterization_karyotype.jpg': ['ignored 2 oversized object(s)'],
};

// Real data is not ours to ship: CI has ../shared/data, a stranger's clone does not, so it skips there.
describe.skipIf(!existsSync(KARYOGRAMS))(
  'parseKaryogram on the real karyograms (needs ../shared/data)',
  () => {
    for (const [file, sex] of Object.entries(EXPECTED)) {
      it(`finds 46,${sex} in ${file}`, () => {
        const [page] = decodeImage(file, new Uint8Array(readFileSync(join(KARYOGRAMS, file))));
        if (page === undefined) throw new Error(`${file} decoded to no page`);
        const layout = parseKaryogram(page.image);
        const counts: Record<string, number> = {};
        for (const c of layout.chromosomes) counts[c.type] = (counts[c.type] ?? 0) + 1;
        const expected: Record<string, number> = {};
        for (const type of CHROMOSOME_TYPES) {
          const n = type === 'X' ? (sex === 'XX' ? 2 : 1) : type === 'Y' ? (sex === 'XY' ? 1 : 0) : 2;
          if (n > 0) expected[type] = n;
        }
        expect(counts).toEqual(expected);
        expect(layout.warnings).toEqual(EXPECTED_WARNINGS[file] ?? []);
        expect(layout.rows).toHaveLength(4);
        for (const c of layout.chromosomes) expect(c.confidence).toBeGreaterThan(0.5);
      });
    }
  },
);
