import { readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { splitLabs, type LabCases } from '../src/cli/common/training-labs';

/**
 * The patient folders of a tseng-like folder of annotated metaphases, split as `train:default` splits
 * them (tseng is its second lab, ids prefixed `tseng/`, 0.2 held out, seed 1) and `train:classifier` too:
 * research on the validation patients reads what no model saw.
 */
export async function tsengSplit(
  dataDir: string,
): Promise<{ patients: number; training: string[]; validation: string[] }> {
  const folders = (await readdir(dataDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name);
  const lab: LabCases = {
    lab: basename(dataDir),
    sourceDir: dataDir,
    metaphases: true,
    cropDir: dataDir,
    prefix: 'tseng/',
    cases: folders.map((name) => ({ id: `tseng/${name}`, cells: [] })),
  };
  const { training, validation } = splitLabs([lab], 0.2, 1);
  const names = (cases: readonly { id: string }[]): string[] =>
    cases.map((c) => c.id.slice(lab.prefix.length)).sort();
  return { patients: folders.length, training: names(training), validation: names(validation) };
}
