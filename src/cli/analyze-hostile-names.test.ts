import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ARCHITECTURE } from '../model/architecture';
import { initialValues } from '../model/parameters';
import { packWeights } from '../model/weights/manifest';
import { writeArtifactsToDirectory } from '../model/weights/node-files';

const run = promisify(execFile);

/** Runs the real CLI as a user would; resolves with its exit code and both streams. */
async function analyze(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/analyze.ts', ...args], {
      maxBuffer: 16 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/**
 * The code points of `line` a name must not print raw: C0 (but the line feed ending each line), DEL, C1,
 * line separators, bidi controls.
 */
function controlsIn(line: string): number[] {
  return Array.from(line, (char) => char.codePointAt(0) ?? 0).filter(
    (code) =>
      (code <= 0x1f && code !== 0x0a) ||
      (code >= 0x7f && code <= 0x9f) ||
      [0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].includes(code),
  );
}

describe('npm run analyze with hostile file names and empty folders', () => {
  let root: string;
  let modelDir: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'homnet-hostile-names-'));
    modelDir = join(root, 'model');
    await writeArtifactsToDirectory(
      modelDir,
      await packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 3)),
    );
    // Linux allows any byte but '/' and NUL in a name: a newline that forges a line, terminal escapes
    // (clear screen, set the window title, colour) and a right-to-left override that reverses what follows.
    const caseFolder = join(root, 'hostile', 'case-\u001b]0;pwned\u0007-\u202egnp.exe');
    await mkdir(caseFolder, { recursive: true });
    await writeFile(join(caseFolder, 'bad.png\nerror: good.png: forged rejection\nx.png'), 'not an image');
    await writeFile(join(caseFolder, '\u001b[2J\u001b[31mred\u001b[0m\u0085.png'), 'not an image either');
    await mkdir(join(root, 'empty'), { recursive: true });
    await mkdir(join(root, 'stray'), { recursive: true });
    await writeFile(join(root, 'stray', 'notes.txt'), 'no image here');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('escapes control characters in every name it prints, so no line can be forged', async () => {
    const result = await analyze([
      join(root, 'hostile'),
      '--model',
      modelDir,
      '--json',
      join(root, 'out.json'),
    ]);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    for (const line of lines) expect(controlsIn(line), line).toEqual([]);
    expect(lines.filter((line) => line.startsWith('error: good.png'))).toEqual([]);
    // Each rejected file is one line, its name escaped as a reader can type it back.
    const errors = lines.filter((line) => line.startsWith('error: '));
    expect(errors).toHaveLength(2);
    expect(errors).toContainEqual(
      expect.stringContaining(
        'hostile/case-\\x1b]0;pwned\\x07-\\u202egnp.exe/bad.png\\nerror: good.png: forged rejection\\nx.png: ',
      ),
    );
    expect(errors).toContainEqual(expect.stringContaining('/\\x1b[2J\\x1b[31mred\\x1b[0m\\x85.png: '));
    expect(lines).toContainEqual(
      expect.stringMatching(/^case 1\/1: case-\\x1b\]0;pwned\\x07-\\u202egnp\.exe /),
    );
  }, 120_000);

  it('says there was nothing to analyse in an empty folder, and exits 2', async () => {
    const folder = join(root, 'empty');
    const result = await analyze([folder, '--model', modelDir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: ${folder}: nothing to analyse \\(no images, crop folders or annotated metaphases found\\)$`,
        'm',
      ),
    );
  }, 60_000);

  it('says so too when the folder holds only files it cannot use, after naming them', async () => {
    const folder = join(root, 'stray');
    const result = await analyze([folder, '--model', modelDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^warning: \S*notes\.txt: /m);
    expect(result.stderr).toMatch(new RegExp(`^error: ${folder}: nothing to analyse`, 'm'));
  }, 60_000);

  it('escapes the input path when it cannot be read', async () => {
    const result = await analyze([join(root, 'missing\nerror: forged'), '--model', modelDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/^error: forged/m);
    expect(result.stderr).toContain('missing\\nerror: forged');
  }, 60_000);

  it('escapes the path of a model folder that cannot be read: one line, exit 2, no stack', async () => {
    const missingModel = join(root, 'no-model\nerror: forged');
    const result = await analyze([join(root, 'hostile'), '--model', missingModel]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/^error: forged/m);
    expect(result.stderr).toMatch(/^error: .*no-model\\nerror: forged/m);
    expect(result.stderr).not.toMatch(/^ {4}at /m);
  }, 60_000);
});
