import { describe, expect, it, vi } from 'vitest';
import { loadModel } from '../../model/load-model';
import { DEFAULT_ARCHITECTURE } from '../../model/architecture';
import { initialValues } from '../../model/parameters';
import { packWeights } from '../../model/weights/manifest';
import { cropCaseFiles } from '../testing/crop-case-files';
import { memoryCaseDb } from '../testing/memory-case-db';
import { createAnalysisService } from './analysis-service';

const db = vi.hoisted(() => ({ current: null as ReturnType<typeof memoryCaseDb> | null }));
vi.mock('../case-db', async () =>
  (await import('../testing/memory-case-db')).forwardingCaseDb(() => db.current),
);

const ignore = (): void => undefined;

describe('addCells', () => {
  it('adds the cells to the case, scores every type over all of them, and never adds a job twice', async () => {
    db.current = memoryCaseDb();
    const model = await loadModel({
      weights: await packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 4)),
      backend: 'cpu',
    });
    try {
      const service = createAnalysisService({
        require: () => model,
        typeClassifier: () => Promise.resolve(null),
      });
      const made = await service.analyseFiles('job-1', cropCaseFiles('growing', 41, 1), ignore);
      const caseId = made.cases[0]?.id ?? '';
      expect(made.cases[0]?.cells.map((c) => c.id)).toEqual(['cell01']);
      const pairsOfOne = (await service.typeView(caseId, '1')).cells.length;
      expect(pairsOfOne).toBe(1);

      const added = await service.addCells('job-2', caseId, cropCaseFiles('growing', 42, 2), ignore);
      expect(added.rejected).toEqual([]);
      expect(added.cases[0]?.id).toBe(caseId);
      expect(added.cases[0]?.cells.map((c) => c.id)).toEqual(['cell01', 'cell01-2', 'cell02']);
      expect((await service.typeView(caseId, '1')).cells).toHaveLength(3);

      // The same job run again (the page lost its answer): nothing is added twice.
      const again = await service.addCells('job-2', caseId, cropCaseFiles('growing', 42, 2), ignore);
      expect(again.cases[0]?.cells).toHaveLength(3);
      const saved = db.current.stores.get('results')?.get(caseId) as { cellJobs?: string[] } | undefined;
      expect(saved?.cellJobs).toEqual(['job-2']);

      // A file that is no cell is named; the case keeps what it had.
      const broken = await service.addCells(
        'job-3',
        caseId,
        [{ path: 'notes.png', bytes: new TextEncoder().encode('not an image') }],
        ignore,
      );
      expect(broken.rejected.length + (broken.cases[0]?.errors.length ?? 0)).toBeGreaterThan(0);
      expect(
        [...broken.rejected, ...(broken.cases[0]?.errors ?? [])].some((e) => e.file.includes('notes.png')),
      ).toBe(true);
      expect(broken.cases[0]?.cells).toHaveLength(3);
    } finally {
      model.dispose();
    }
  }, 120_000);
});
