import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rule of eslint.config.js on made-up imports. Type-aware rules are off here (they need the
 * file in a tsconfig program, and the import rules do not use types), so each check lints one line.
 */
const eslint = new ESLint({
  cwd: import.meta.dirname,
  overrideConfig: tseslint.configs.disableTypeChecked,
});

/** The messages of the import rule for `source` linted as if it were the file at `filePath`. */
async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule (eslint.config.js)', () => {
  it.each([
    ['src/model/upward.ts', "import { App } from '../ui/App';\n", 'model may not import'],
    [
      'src/imaging/layout/upward.ts',
      "import { x } from '../../pipeline/verdict/score-case';\n",
      'imaging may not import',
    ],
    ['src/pipeline/upward.ts', "import { x } from '../worker/client';\n", 'pipeline may not import'],
    ['src/worker/upward.ts', "import { x } from '../state/store';\n", 'worker may not import'],
    ['src/state/upward.ts', "import { x } from '../ui/App';\n", 'state may not import'],
    ['src/ui/upward.ts', "import { x } from '../cli/common/args';\n", 'ui may not import'],
    ['src/shared/upward.ts', "import { x } from '../karyotype/ideogram';\n", 'shared may not import'],
  ])('refuses an upward import in %s', async (filePath, source, message) => {
    const errors = await importErrors(filePath, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it('refuses research/ from anywhere in src/, the command line included', async () => {
    for (const filePath of ['src/cli/evaluate-more.ts', 'src/model/more.ts']) {
      const depth = filePath.split('/').length - 1;
      const errors = await importErrors(
        filePath,
        `import { x } from '${'../'.repeat(depth)}research/pair-statistics';\n`,
      );
      expect(errors.join('\n')).toContain('src/ never imports research/');
    }
  });

  it('keeps peers apart in product code but lets their tests use each other', async () => {
    const source = "import { generateCase } from '../karyotype/synthetic-case';\n";
    expect(await importErrors('src/imaging/peer.ts', source)).toEqual([
      expect.stringContaining('are peers') as string,
    ]);
    expect(await importErrors('src/imaging/peer.test.ts', source)).toEqual([]);
  });

  it('lets a layer import its own and lower layers, and keeps UI libraries out of portable ones', async () => {
    expect(await importErrors('src/pipeline/down.ts', "import { x } from '../model/forward';\n")).toEqual([]);
    expect(await importErrors('src/ui/down.ts', "import { x } from '../state/store';\n")).toEqual([]);
    expect(await importErrors('research/anything.ts', "import { x } from '../src/ui/App';\n")).toEqual([]);
    expect(await importErrors('src/model/react.ts', "import { useState } from 'react';\n")).toEqual([
      expect.stringContaining('Portable layers') as string,
    ]);
  });
});
