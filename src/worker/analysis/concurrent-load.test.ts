import { describe, expect, it, vi } from 'vitest';
import { loadModel } from '../../model/load-model';
import { DEFAULT_ARCHITECTURE } from '../../model/architecture';
import { initialValues } from '../../model/parameters';
import { packWeights } from '../../model/weights/manifest';
import type { StoreName } from '../case-db';
import { cropCaseFiles } from '../testing/crop-case-files';
import { memoryCaseDb } from '../testing/memory-case-db';
import { createAnalysisService } from './analysis-service';

const db = vi.hoisted(() => ({ current: null as ReturnType<typeof memoryCaseDb> | null }));
vi.mock('../case-db', async () =>
  (await import('../testing/memory-case-db')).forwardingCaseDb(() => db.current),
);

const ignore = (): void => undefined;

describe('a case read from IndexedDB by calls that overlap', () => {
  it('is one copy for all of them: a correction made meanwhile is not lost to a slow read', async () => {
    const memory = memoryCaseDb();
    db.current = memory;
    const model = await loadModel({
      weights: await packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 4)),
      backend: 'cpu',
    });
    try {
      const access = { require: () => model, typeClassifier: () => Promise.resolve(null) };
      const made = await createAnalysisService(access).analyseFiles(
        'job',
        cropCaseFiles('slow', 7, 1),
        ignore,
      );
      const caseId = made.cases[0]?.id ?? '';
      // A fresh worker (after a reload): nothing in memory. Its first read of the case is slow, as a large
      // case's is: it lands only after the case was saved again (or after a while, should nothing save it).
      let land = (): void => undefined;
      const landed = new Promise<void>((resolve) => {
        land = resolve;
        setTimeout(resolve, 300);
      });
      let reads = 0;
      db.current = {
        ...memory,
        dbGet: <T>(name: StoreName, key: string): Promise<T | undefined> => {
          const value = memory.dbGet<T>(name, key);
          return name === 'results' && reads++ === 0 ? landed.then(() => value) : value;
        },
        dbPut: async (name: StoreName, key: string, value: unknown): Promise<void> => {
          await memory.dbPut(name, key, value);
          land();
        },
      };
      const service = createAnalysisService(access);
      const before = await memory.dbGet<{ profiled: { cells: { chromosomes: unknown[] }[] } }>(
        'results',
        caseId,
      );
      const chromosomes = before?.profiled.cells[0]?.chromosomes.length ?? 0;
      const view = service.typeView(caseId, '1');
      const corrected = await service.correct(caseId, {
        kind: 'exclude-chromosome',
        chromosome: { cell: 'cell01', type: '1', homolog: 0 },
      });
      await view;
      expect(corrected.summary.cells[0]?.chromosomes).toBe(chromosomes - 1);
      // Every later view shows the correction.
      expect((await service.typeView(caseId, '1')).cells[0]?.chromosomes).toHaveLength(1);
      expect((await service.cellKaryogram(caseId, 'cell01')).chromosomes).toHaveLength(chromosomes - 1);
    } finally {
      model.dispose();
    }
  }, 120_000);
});
