import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage } from '../src/imaging/decode/decode-image';
import { caseCellFromCrops } from '../src/pipeline/profiles/profile-case-files';
import type { ProfiledCaseCell } from '../src/pipeline/profiles/profiled-case';
import type { ChromosomeType } from '../src/shared/chromosome-types';

/** Real crops, read only (never copied): ../shared/data/pki3, or $HOMNET_DATA_DIR/pki3. */
const PKI3 = join(process.env.HOMNET_DATA_DIR ?? join(process.cwd(), '../shared/data'), 'pki3');

/**
 * The cases the model never saw in training (its manifest's `training.validationCases`), or null when
 * the manifest does not list them.
 */
export function heldOutCases(training: Readonly<Record<string, unknown>> | undefined): string[] | null {
  const listed = training?.['validationCases'];
  return Array.isArray(listed) ? listed.filter((id): id is string => typeof id === 'string') : null;
}

/**
 * Real pki3 cells of `count` cases profiled through the crop path: the model's held-out cases when its
 * manifest lists them (false flags on cases it was trained on would flatter it), else the first in name
 * order.
 */
export function realCases(count: number, heldOut: readonly string[] | null): ProfiledCaseCell[][] {
  if (!existsSync(PKI3)) return [];
  const held = heldOut === null ? null : new Set(heldOut);
  return readdirSync(PKI3)
    .sort()
    .filter((caseId) => held === null || held.has(caseId))
    .slice(0, count)
    .map((caseId) =>
      readdirSync(join(PKI3, caseId))
        .sort()
        .map((cellId) => {
          const folder = join(PKI3, caseId, cellId);
          const crops = readdirSync(folder)
            .filter((f) => /\.tiff?$/i.test(f))
            .map((f) => {
              const [type = '', homolog = '0'] = f.replace(/\.tiff?$/i, '').split('_');
              const [page] = decodeImage(f, new Uint8Array(readFileSync(join(folder, f))));
              if (!page) throw new Error(`${f}: no page`);
              return { type: type as ChromosomeType, homolog: Number(homolog), image: page.image, source: f };
            });
          return caseCellFromCrops(cellId, folder, crops);
        }),
    );
}
