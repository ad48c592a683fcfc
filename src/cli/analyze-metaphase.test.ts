import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  A_3_TOUCHING_A_7,
  FREE_PAIRS_1_2_AND_A_3,
  syntheticMetaphase,
  type DrawnChromosome,
} from '../imaging/testing/synthetic-metaphase';
import { DEFAULT_ARCHITECTURE } from '../model/architecture';
import { initialValues } from '../model/parameters';
import { packWeights } from '../model/weights/manifest';
import { writeArtifactsToDirectory } from '../model/weights/node-files';
import type { AnalysisDocument } from '../pipeline/analysis-json';
import { writeGrayPng } from './common/synth-png';

const run = promisify(execFile);

/** Pairs of 1 and 3, the second 3 touching a 7. */
const CHROMOSOMES: DrawnChromosome[] = [
  ...FREE_PAIRS_1_2_AND_A_3.filter((c) => c.label !== 'A2'),
  ...A_3_TOUCHING_A_7,
];

describe('npm run analyze on annotated metaphases', () => {
  let root: string;
  let modelDir: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'homnet-metaphase-'));
    modelDir = join(root, 'model');
    await writeArtifactsToDirectory(
      modelDir,
      await packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 3)),
    );
    const patient = join(root, 'P1');
    await mkdir(patient, { recursive: true });
    const { image, xml } = syntheticMetaphase(320, 240, CHROMOSOMES);
    for (const cell of ['P11', 'P12', 'P13']) {
      writeGrayPng(join(patient, `${cell}.png`), image);
      await writeFile(
        join(patient, `${cell}.xml`),
        cell === 'P13' ? xml.replace('<name>C7</name>', '<name>H7</name>') : xml,
      );
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('analyses each annotated cell, lists doubtful cut-outs, and names the broken annotation (exit 2)', async () => {
    const out = join(root, 'out.json');
    let code = 0;
    let stderr = '';
    try {
      ({ stderr } = await run('npx', [
        'tsx',
        'src/cli/analyze.ts',
        join(root, 'P1'),
        '--model',
        modelDir,
        '--json',
        out,
      ]));
    } catch (error) {
      const e = error as { code?: number; stderr?: string };
      code = e.code ?? -1;
      stderr = e.stderr ?? '';
    }
    expect(code).toBe(2);
    expect(stderr).toMatch(/error: P1\/P13\.xml: object 5 \("H7"\): "H7" is not a chromosome name/);
    expect(stderr).toMatch(/warning: P1\/P11\.png: cut-out doubtful .*A3 copy 2: touches or crosses C7/);
    const document = JSON.parse(await readFile(out, 'utf8')) as AnalysisDocument;
    const [analysed] = document.cases;
    expect(analysed?.cells.map((c) => [c.id, c.chromosomes])).toEqual([
      ['P11', 5],
      ['P12', 5],
    ]);
    expect(analysed?.cells[0]?.doubtfulCutOut).toEqual([
      { type: '3', homolog: 1, reason: 'touches or crosses C7' },
      { type: '7', homolog: 0, reason: 'touches or crosses A3' },
    ]);
    // Every cell's pair of 3 is doubtful, so the verdict rests on them all; 1 is scored on both cells.
    const types = new Map(analysed?.types.map((t) => [t.type, t]));
    expect(types.get('1')?.pairs.map((p) => p.cell)).toEqual(['P11', 'P12']);
    expect(types.get('3')?.copies).toEqual([2, 2]);
  });
});
