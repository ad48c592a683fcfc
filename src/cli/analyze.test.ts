import { execFile } from 'node:child_process';
import { encode } from 'fast-png';
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
import { brokenFiles, tiffWithLyingByteCount } from '../imaging/fixtures/broken-files.node.js';
import { foldedCrop } from '../imaging/testing/folded-crop';
import { writeGrayPng } from './common/synth-png';

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
    // One chromosome folded in two: analysed, and named in a warning.
    writeGrayPng(join(root, 'batch', 'case-c', 'cell01', '7_1.png'), foldedCrop(17, 36));
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
    expect(result.stderr).toMatch(/^warning: batch\/case-c\/cell01: straightening doubtful .*7_1\.png/m);
    const c = byName.get('case-c');
    expect(c?.cells[0]?.doubtfulStraightening).toContainEqual(
      expect.objectContaining({
        type: '7',
        homolog: 1,
        reason: expect.stringMatching(
          /^folded or bent, straightened over about \d+ % of its length/,
        ) as string,
      }),
    );
    expect(c?.cells[0]?.doubtfulStraightening?.find((d) => d.type === '7')?.axisCoverage).toBeLessThan(0.74);
    // Its only cell: the pair is still scored and shown, but flags nothing: the type is unreliable.
    const seven = c?.types.find((t) => t.type === '7');
    expect(seven?.pairs.map((p) => p.cell)).toEqual(['cell01']);
    expect(seven?.score).toBeGreaterThan(0);
    expect(seven?.abnormal).toBeNull();
    expect(seven?.unreliable).toBe('straightening');
    // Only types with a doubtful homolog are unreliable.
    const doubtful = new Set(c?.cells[0]?.doubtfulStraightening?.map((d) => d.type));
    expect(c?.types.filter((t) => t.unreliable !== null).every((t) => doubtful.has(t.type))).toBe(true);
    expect(k?.cells.every((cell) => cell.doubtfulStraightening?.length === 0)).toBe(true);
    expect(result.stderr).not.toMatch(/^warning: .*case-k.*straightening/m);
    // Both cases hold fewer cells than the verdicts need to be at their surest.
    expect(result.stderr).toMatch(/^warning: \S*case-k: only two cells scored; /m);
    expect(result.stderr).toMatch(
      /^warning: \S*case-c: only one cell scored; .*normal pairs \(add the case's other cells to its folder\)$/m,
    );
  }, 120_000);

  it('writes JSON to stdout and exits 0 when nothing was rejected', async () => {
    const result = await analyze([join(root, 'batch', 'case-c'), '--model', modelDir]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as AnalysisDocument;
    expect(doc.cases).toHaveLength(1);
    expect(doc.cases[0]?.types).toHaveLength(23);
  }, 120_000);

  it('analyses 45 good karyograms in a batch with 5 broken files: one error line each, exit 2', async () => {
    // Five cases of nine small karyograms; each case also holds one of the five kinds of broken file.
    const generated = generateCase({
      karyotype: '46,XY',
      cells: 45,
      level: 400,
      seed: 31,
      width: 640,
      height: 564,
    });
    const pngOf = (index: number): Uint8Array => {
      const { width, height, pixels } = generated.cells[index]?.karyogram.image ?? {
        width: 0,
        height: 0,
        pixels: new Uint8Array(),
      };
      return encode({ width, height, data: pixels, channels: 1, depth: 8 });
    };
    const broken = brokenFiles(pngOf(0));
    const caseNames = ['case-a', 'case-b', 'case-c', 'case-d', 'case-e'];
    for (const [index, cell] of generated.cells.entries()) {
      const folder = join(root, 'bad-batch', caseNames[Math.floor(index / 9)] ?? 'case-x');
      await mkdir(folder, { recursive: true });
      // One good file is a TIFF with a lying (repairable) byte count: it must be read, not refused.
      const { width, height, pixels } = cell.karyogram.image;
      if (index === 4)
        await writeFile(join(folder, `${cell.id}.tif`), tiffWithLyingByteCount(width, height, pixels));
      else await writeFile(join(folder, `${cell.id}.png`), pngOf(index));
    }
    for (const [index, file] of broken.entries())
      await writeFile(join(root, 'bad-batch', caseNames[index] ?? 'case-x', file.name), file.bytes);

    const out = join(root, 'bad-batch.json');
    const result = await analyze([join(root, 'bad-batch'), '--model', modelDir, '--json', out]);
    expect(result.code).toBe(2);
    const errorLines = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errorLines).toHaveLength(5);
    for (const [index, file] of broken.entries()) {
      const prefix = `error: bad-batch/${caseNames[index] ?? ''}/${file.name}: `;
      const line = errorLines.find((l) => l.startsWith(prefix));
      expect(line, file.name).toBeDefined();
      expect(line?.slice(prefix.length), file.name).toMatch(file.reason);
    }
    const doc = JSON.parse(await readFile(out, 'utf8')) as AnalysisDocument;
    expect(doc.cases.map((c) => c.case)).toEqual(caseNames);
    const cells = doc.cases.flatMap((c) => c.cells);
    expect(cells.map((c) => c.id)).toEqual(generated.cells.map((c) => c.id));
    expect(new Set(cells.map((c) => c.chromosomes))).toEqual(new Set([46]));
    for (const [index, c] of doc.cases.entries()) {
      // Every cell was read: each holds both copies of 1 (a pair with a doubtful straightening may be
      // left out of the verdict, so the pairs it rests on can be fewer).
      const one = c.types.find((t) => t.type === '1');
      expect(one?.copies).toEqual(Array.from({ length: 9 }, () => 2));
      expect(one?.pairs.length).toBeGreaterThanOrEqual(7);
      expect(c.errors.filter((e) => !e.message.startsWith('type ')).map((e) => e.file)).toEqual([
        `bad-batch/${c.case}/${broken[index]?.name ?? ''}`,
      ]);
    }
  }, 180_000);

  it('refuses a missing input or an unknown option with exit code 2', async () => {
    expect((await analyze([join(root, 'nothing-here'), '--model', modelDir])).code).toBe(2);
    const typo = await analyze([join(root, 'batch'), '--modle', modelDir]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown option --modle');
  }, 60_000);
});
