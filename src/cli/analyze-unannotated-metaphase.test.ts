import { execFile } from 'node:child_process';
import { copyFile, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_DATA } from '../imaging/testing/real-data-folders.node';
import { renderedBlobs } from '../imaging/testing/rendered-cells';
import { DEFAULT_ARCHITECTURE } from '../model/architecture';
import { initialValues } from '../model/parameters';
import { classifierParameters } from '../model/type-classifier/classifier-network';
import { encodeClassifier } from '../model/type-classifier/classifier-file';
import { packWeights } from '../model/weights/manifest';
import { writeArtifactsToDirectory } from '../model/weights/node-files';
import type { AnalysisDocument } from '../pipeline/analysis-json';
import { writeClassifierDirectory } from './classifier/classifier-folder';
import { writeGrayPng } from './common/synth-png';

const run = promisify(execFile);
const copy = promisify(copyFile);

/** A real metaphase of a validation patient of the second lab, its .xml left behind. */
const METAPHASE = join(REAL_DATA, 'tseng', '10419', '104191.jpg');

async function analyze(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run('npx', ['tsx', 'src/cli/analyze.ts', ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('npm run analyze on a metaphase image without its annotation', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'homnet-unannotated-'));
    await writeArtifactsToDirectory(
      join(root, 'model'),
      await packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 3)),
    );
    // A classifier of zero weights: every type equally likely (1/24), so what is tested is the path.
    const zeros = new Map(
      classifierParameters().map((p) => [p.name, new Float32Array(p.shape.reduce((a, b) => a * b, 1))]),
    );
    const { manifest, weightData } = await encodeClassifier(zeros, { note: 'test' });
    await writeClassifierDirectory(join(root, 'classifier'), manifest, weightData);
    await mkdir(join(root, 'blobs'));
    // A picture of a few dark blobs on white: no rows, and far too few objects for a metaphase.
    const blobs = renderedBlobs();
    writeGrayPng(join(root, 'blobs', 'blobs.png'), blobs);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  // Skipped without ../shared/data: real tseng images are not ours to ship, so a stranger's clone has none.
  it.skipIf(!existsSync(METAPHASE))(
    'arranges it with the classifier and says so in the JSON (real tseng metaphase; skipped without ../shared/data)',
    async () => {
      const folder = join(root, 'case');
      await mkdir(folder);
      await copy(METAPHASE, join(folder, 'cell.jpg'));
      const out = join(root, 'arranged.json');
      const { code, stderr } = await analyze([
        folder,
        '--json',
        out,
        '--model',
        join(root, 'model'),
        '--classifier',
        join(root, 'classifier'),
      ]);
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/no annotation: \d+ objects found and typed automatically \(type-classifier-/);
      const document = JSON.parse(await readFile(out, 'utf8')) as AnalysisDocument;
      const [cell] = document.cases[0]?.cells ?? [];
      expect(cell?.typesAssigned?.automatically).toBe(true);
      expect(cell?.typesAssigned?.classifier).toMatch(/^type-classifier-[0-9a-f]{12}$/);
      expect(cell?.typesAssigned?.chromosomes).toHaveLength(cell?.chromosomes ?? -1);
      expect(cell?.chromosomes).toBeGreaterThan(30);
      // A classifier sure of nothing leaves every type doubtful, so no type can be flagged.
      expect(cell?.doubtfulType).toHaveLength(cell?.chromosomes ?? -1);
      expect(document.cases[0]?.types.every((t) => t.abnormal !== true)).toBe(true);
    },
    240_000,
  );

  it('still refuses a picture that is neither a karyogram nor a metaphase, naming it (exit 2)', async () => {
    await writeFile(join(root, 'blobs', 'notes.txt'), 'stray');
    const { code, stderr } = await analyze([
      join(root, 'blobs', 'blobs.png'),
      '--model',
      join(root, 'model'),
      '--classifier',
      join(root, 'classifier'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/error: .*blobs\.png: /);
    expect(stderr).not.toMatch(/analysis failed/);
    expect(stderr).not.toMatch(/typed automatically/);
  }, 120_000);
});
