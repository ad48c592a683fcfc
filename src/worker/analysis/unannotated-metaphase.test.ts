import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REAL_DATA } from '../../imaging/testing/real-data-folders.node';
import { DEFAULT_ARCHITECTURE } from '../../model/architecture';
import { loadModel } from '../../model/load-model';
import { initialValues } from '../../model/parameters';
import { encodeClassifier } from '../../model/type-classifier/classifier-file';
import { classifierParameters } from '../../model/type-classifier/classifier-network';
import type { ClassifierValues } from '../../model/type-classifier/fetch-classifier';
import { packWeights } from '../../model/weights/manifest';
import { memoryCaseDb } from '../testing/memory-case-db';
import { createAnalysisService } from './analysis-service';

const db = vi.hoisted(() => ({ current: null as ReturnType<typeof memoryCaseDb> | null }));
vi.mock('../case-db', async () =>
  (await import('../testing/memory-case-db')).forwardingCaseDb(() => db.current),
);

/** A real metaphase of the second lab, given without its .xml. */
const METAPHASE = join(REAL_DATA, 'tseng', '10419', '104191.jpg');

const ignore = (): void => undefined;

/** A classifier of zero weights (every type 1/24): what is tested is the worker's path, not the types. */
async function unsureClassifier(): Promise<ClassifierValues> {
  const zeros = new Map(
    classifierParameters().map((p) => [p.name, new Float32Array(p.shape.reduce((a, b) => a * b, 1))]),
  );
  const { manifest } = await encodeClassifier(zeros, { note: 'test' });
  return { manifest, values: zeros };
}

describe('the worker on a metaphase image without its annotation', () => {
  // Skipped without ../shared/data: real tseng images are not ours to ship, so a stranger's clone has none.
  it.skipIf(!existsSync(METAPHASE))(
    'arranges it with the type classifier it was given, or refuses it without one (real tseng image; skipped without ../shared/data)',
    async () => {
      db.current = memoryCaseDb();
      const model = await loadModel({
        weights: await packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 4)),
        backend: 'cpu',
      });
      const files = [{ path: 'P1/cell.jpg', bytes: new Uint8Array(readFileSync(METAPHASE)) }];
      try {
        const classifier = await unsureClassifier();
        const arranged = await createAnalysisService({
          require: () => model,
          typeClassifier: () => Promise.resolve(classifier),
        }).analyseFiles('job-1', files, ignore);
        const [cell] = arranged.cases[0]?.cells ?? [];
        expect(cell?.chromosomes).toBeGreaterThan(30);
        expect(cell?.warnings.join('\n')).toMatch(/typed automatically \(type-classifier-/);
        // Unsure of every type: no type is flagged, each is unreliable for its type assignment.
        const scored = (arranged.cases[0]?.types ?? []).filter((t) => t.score !== null);
        expect(scored.length).toBeGreaterThan(0);
        expect(scored.every((t) => (t.unreliable ?? '').includes('type assignment'))).toBe(true);

        const refused = await createAnalysisService({
          require: () => model,
          typeClassifier: () => Promise.resolve(null),
        }).analyseFiles('job-2', files, ignore);
        expect(refused.cases[0]?.cells).toEqual([]);
        expect(refused.cases[0]?.errors.map((e) => `${e.file}: ${e.message}`).join('\n')).toMatch(
          /P1\/cell\.jpg: .*metaphase spread/,
        );
      } finally {
        model.dispose();
      }
    },
    120_000,
  );
});
