import { encode } from 'fast-png';
import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { loadModel } from '../../model/load-model';
import { DEFAULT_ARCHITECTURE } from '../../model/architecture';
import { initialValues } from '../../model/parameters';
import { packWeights } from '../../model/weights/manifest';
import type { HomNetModel } from '../../model/homnet-model';
import type { InputFile, JobProgress } from '../analysis-api';
import { cropCaseFiles } from '../testing/crop-case-files';
import { memoryCaseDb } from '../testing/memory-case-db';
import { createAnalysisService } from './analysis-service';

const db = vi.hoisted(() => ({ current: null as ReturnType<typeof memoryCaseDb> | null }));
vi.mock('../case-db', async () =>
  (await import('../testing/memory-case-db')).forwardingCaseDb(() => db.current),
);

/** A one-cell crop case: its chromosomes are read. */
const goodCase = (caseName: string, seed: number): InputFile[] => cropCaseFiles(caseName, seed, 1);

/** A tiny image that is no karyogram: 8 × 8 px of white. */
const tinyPng = encode({ width: 8, height: 8, data: new Uint8Array(64).fill(255), channels: 1, depth: 8 });

async function withService(
  run: (service: ReturnType<typeof createAnalysisService>, model: HomNetModel) => Promise<void>,
): Promise<void> {
  db.current = memoryCaseDb();
  const model = await loadModel({
    weights: await packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 4)),
    backend: 'cpu',
  });
  try {
    await run(
      createAnalysisService({ require: () => model, typeClassifier: () => Promise.resolve(null) }),
      model,
    );
  } finally {
    model.dispose();
  }
}

const ignore = (): void => undefined;

describe('a batch with heavy and wholly unreadable inputs among good ones', () => {
  it('lists a folder none of whose files could be read as refused, with each file and reason, storing nothing', async () => {
    await withService(async (service) => {
      const files = [
        ...goodCase('good', 7),
        { path: 'junk/a.png', bytes: tinyPng },
        { path: 'junk/b.png', bytes: new Uint8Array([1, 2, 3]) },
      ];
      const outcome = await service.analyseFiles('job-1', files, ignore);
      expect(outcome.cases.map((c) => c.name)).toEqual(['good', 'junk']);
      const junk = outcome.cases[1];
      expect(junk?.cells).toEqual([]);
      expect(junk?.hasImages).toBe(false);
      expect(junk?.errors.map((e) => e.file).sort()).toEqual(['junk/a.png', 'junk/b.png']);
      // Only the good case's results are stored: a refused input has nothing to show.
      expect([...(db.current?.stores.get('results')?.keys() ?? [])]).toEqual([outcome.cases[0]?.id]);
    });
  });

  it('lists at most 20 refused inputs of one job; the others are named among its problems', async () => {
    await withService(async (service) => {
      const files = Array.from({ length: 25 }, (_, i) => ({ path: `junk-${i}/a.png`, bytes: tinyPng }));
      const outcome = await service.analyseFiles('job-6', files, ignore);
      expect(outcome.cases).toHaveLength(20);
      expect(outcome.rejected).toHaveLength(5);
      expect(outcome.rejected[0]?.message).toMatch(/not a karyogram/);
    });
  });

  it('keeps with a case only the files of the cells it analysed', async () => {
    await withService(async (service) => {
      const files = [...goodCase('mixed', 8), { path: 'mixed/extra.png', bytes: tinyPng }];
      const outcome = await service.analyseFiles('job-2', files, ignore);
      const id = outcome.cases[0]?.id ?? '';
      const saved = db.current?.stores.get('results')?.get(id) as { files: InputFile[] } | undefined;
      expect(saved?.files.map((f) => f.path)).not.toContain('mixed/extra.png');
      expect(saved?.files).toHaveLength(files.length - 1);
      expect(outcome.cases[0]?.errors.map((e) => e.file)).toContain('mixed/extra.png');
    });
  });

  it('names a case whose saving fails and goes on with the others', async () => {
    await withService(async (service) => {
      const database = db.current;
      if (!database) throw new Error('no database');
      const put = database.dbPut;
      // The first case's results cannot be stored (as "Data cannot be cloned, out of memory" did).
      let puts = 0;
      database.dbPut = (name, key, value) =>
        ++puts === 1
          ? Promise.reject(new Error('Data cannot be cloned, out of memory.'))
          : put(name, key, value);
      const outcome = await service.analyseFiles(
        'job-3',
        [...goodCase('first', 9), ...goodCase('second', 10)],
        ignore,
      );
      expect(outcome.cases.map((c) => c.name)).toEqual(['second']);
      expect(outcome.rejected).toEqual([
        { file: 'first', message: 'analysis failed: Data cannot be cloned, out of memory.' },
      ]);
    });
  });

  it('leaves no results behind when a job is cancelled after saving some cases', async () => {
    await withService(async (service) => {
      const database = db.current;
      if (!database) throw new Error('no database');
      const put = database.dbPut;
      // The user cancels just as the first case's results have been stored.
      database.dbPut = async (name, key, value) => {
        await put(name, key, value);
        if (name === 'results') service.cancel('job-4');
      };
      const run = service.analyseFiles('job-4', [...goodCase('one', 11), ...goodCase('two', 12)], ignore);
      await expect(run).rejects.toThrow(/cancelled/);
      expect(db.current?.stores.get('results')?.size).toBe(0);
    });
  });

  it('analyses at most 200 cells of one case and names the case once for the rest', async () => {
    await withService(async (service) => {
      const messages: JobProgress[] = [];
      const files = Array.from({ length: 230 }, (_, i) => ({ path: `crowd/cell-${i}.png`, bytes: tinyPng }));
      const outcome = await service.analyseFiles('job-5', files, (p) => {
        messages.push(p);
      });
      const crowd = outcome.rejected.filter((r) => r.file === 'crowd');
      expect(crowd).toHaveLength(1);
      expect(crowd[0]?.message).toMatch(/230 cells in one case; .* at most 200 .* other 30 left out/);
      // Every analysed cell was refused: one refused entry naming each of the 200.
      expect(outcome.cases).toHaveLength(1);
      expect(outcome.cases[0]?.errors).toHaveLength(200);
      // One message per cell finished (a new step) and a few more, not one per cell stage (3 or more).
      expect(messages.length).toBeLessThan(230);
    });
  });

  it('analyses at most 2,000 case folders of one drop and names the input once for the rest', async () => {
    await withService(async (service) => {
      const entries: Record<string, Uint8Array> = {};
      for (let i = 0; i < 2050; i++) entries[`junk-${i}/a.png`] = tinyPng;
      const outcome = await service.analyseFiles(
        'job-7',
        [{ path: 'junk.zip', bytes: zipSync(entries) }],
        ignore,
      );
      const named = outcome.rejected.filter((r) => r.file === 'junk.zip');
      expect(named).toHaveLength(1);
      expect(named[0]?.message).toMatch(
        /^2,050 case folders in one input; at most 2,000 .* other 50 left out/,
      );
      // 20 listed as refused, the other 1,980 analysed folders named among the problems.
      expect(outcome.cases).toHaveLength(20);
      expect(outcome.rejected.filter((r) => r.file.includes('/a.png'))).toHaveLength(1980);
    });
  });
});
