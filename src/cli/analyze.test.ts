import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCase } from '../karyotype/synthetic-case';
import { cropBundle } from '../karyotype/crop-bundle';
import { DEFAULT_ARCHITECTURE } from '../model/architecture';
import { initialValues } from '../model/parameters';
import { packWeights } from '../model/weights/manifest';
import { writeArtifactsToDirectory } from '../model/weights/node-files';
import type { AnalysisDocument } from '../pipeline/analysis-json';
import { writeGrayPng } from './synth-png';

const run = promisify(execFile);

/** Runs the real CLI as a user would; resolves with its exit code and both streams. */
async function analyze(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/analyze.ts', ...args], {
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('npm run analyze', () => {
  let root: string;
  let modelDir: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'homnet-analyze-'));
    modelDir = join(root, 'model');
    await writeArtifactsToDirectory(
      modelDir,
      await packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 3)),
    );
    const karyograms = generateCase({ karyotype: '46,XY,del(5)(p14)', cells: 2, level: 400, seed: 2 });
    for (const cell of karyograms.cells)
      writeGrayPng(join(root, 'batch', 'case-k', `${cell.id}.png`), cell.karyogram.image);
    await writeFile(join(root, 'batch', 'case-k', 'broken.png'), 'not an image at all');
    const crops = generateCase({ karyotype: '46,XX', cells: 1, level: 400, seed: 3 });
    for (const crop of cropBundle(crops)) writeGrayPng(join(root, 'batch', 'case-c', crop.path), crop.image);
    await mkdir(join(root, 'batch', 'empty-case'), { recursive: true });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('analyses a batch, reports the broken file on stderr and exits 2', async () => {
    const out = join(root, 'out.json');
    const result = await analyze([join(root, 'batch'), '--model', modelDir, '--json', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: batch\/case-k\/broken\.png: .+$/m);
    expect(result.stdout).toBe('');
    const doc = JSON.parse(await readFile(out, 'utf8')) as AnalysisDocument;
    expect(doc.schema).toBe('homnet-review/analysis@1');
    expect(doc.backend).toBe('wasm');
    expect(doc.model.sha256).toMatch(/^[0-9a-f]{64}$/);
    const byName = new Map(doc.cases.map((c) => [c.case, c]));
    const k = byName.get('case-k');
    expect(k?.cells.map((c) => c.chromosomes)).toEqual([46, 46]);
    expect(k?.types.map((t) => t.type)).toEqual([
      ...Array.from({ length: 22 }, (_, i) => String(i + 1)),
      'X',
      'Y',
    ]);
    const five = k?.types.find((t) => t.type === '5');
    expect(five?.copies).toEqual([2, 2]);
    expect(five?.pairs).toHaveLength(2);
    expect(five?.score).toBeGreaterThan(0);
    expect(five?.region?.bands).toMatch(/^5[pq]/);
    expect(k?.types.find((t) => t.type === 'Y')?.score).toBeNull();
    expect(k?.errors.some((e) => e.file.endsWith('broken.png'))).toBe(true);
    expect(byName.get('case-c')?.cells[0]?.chromosomes).toBe(46);
  }, 120_000);

  it('writes JSON to stdout and exits 0 when nothing was rejected', async () => {
    const result = await analyze([join(root, 'batch', 'case-c'), '--model', modelDir]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as AnalysisDocument;
    expect(doc.cases).toHaveLength(1);
    expect(doc.cases[0]?.types).toHaveLength(23);
  }, 120_000);

  it('refuses a missing input or an unknown option with exit code 2', async () => {
    expect((await analyze([join(root, 'nothing-here'), '--model', modelDir])).code).toBe(2);
    const typo = await analyze([join(root, 'batch'), '--modle', modelDir]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown option --modle');
  }, 60_000);
});
