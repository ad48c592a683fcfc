/**
 * `npx tsx research/synthetic-detection.ts --models <dir>[,<dir>…] [--cells 1] [--seeds 8]`: how often each
 * model flags the changed type of generated structural karyotypes (and how many other types it flags), cases
 * of `--cells` cells drawn by the app's generator at 400 and 550 bands (seeds 1…N) and read back through the
 * karyogram image pipeline, each model at its own threshold and case calibration, as the app scores them.
 * A measurement for comparing models (issue #21: a model that flags less on other labs must still find
 * t(9;22) and the other changes), not a test: nothing is tuned to it.
 */
import { parseArgs, runCli, stringOption, integerOption, UsageError } from '../src/cli/common/args';
import { generateCase } from '../src/karyotype/synthetic-case';
import type { HomNetModel } from '../src/model/homnet-model';
import { loadModel } from '../src/model/load-model';
import { readArtifactsFromDirectory } from '../src/model/weights/node-files';
import type { ProfiledCaseCell } from '../src/pipeline/profiles/profiled-case';
import { profileSyntheticCell } from '../src/pipeline/profiles/synthetic-cells';
import { scoreCase } from '../src/pipeline/verdict/score-case';

/** Each karyotype with the types its change is on (flagging either counts as found). */
const KARYOTYPES: readonly (readonly [string, readonly string[]])[] = [
  ['46,XY,t(9;22)(q34;q11.2)', ['9', '22']],
  ['46,XY,del(5)(p14)', ['5']],
  ['46,XY,del(7)(q31)', ['7']],
  ['46,XY,dup(1)(q21q32)', ['1']],
  ['46,XX,inv(9)(p12q13)', ['9']],
  ['46,XY', []],
];

/** What one model did on one karyotype's cases. */
interface Detection {
  found: number;
  otherFlags: number;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { models: 'value', cells: 'value', seeds: 'value' });
  const dirs = (stringOption(args, 'models') ?? '').split(',').filter((d) => d !== '');
  if (dirs.length === 0) throw new UsageError('give --models <dir>[,<dir>…]');
  const cellCount = integerOption(args, 'cells', 1);
  const seeds = integerOption(args, 'seeds', 8);
  const models: HomNetModel[] = [];
  for (const dir of dirs)
    models.push(await loadModel({ weights: await readArtifactsFromDirectory(dir), backend: 'wasm' }));
  for (const [karyotype, changed] of KARYOTYPES) {
    const detections: Detection[] = models.map(() => ({ found: 0, otherFlags: 0 }));
    let cases = 0;
    for (let seed = 1; seed <= seeds; seed++)
      for (const level of [400, 550] as const) {
        const synthetic = generateCase({ karyotype, cells: cellCount, level, seed });
        const cells: ProfiledCaseCell[] = [];
        for (const cell of synthetic.cells) cells.push((await profileSyntheticCell(cell)).profiled);
        cases++;
        for (const [i, model] of models.entries()) {
          const scored = await scoreCase(model, { id: karyotype, cells, errors: [] });
          const flagged: string[] = scored.types.filter((t) => t.abnormal === true).map((t) => t.type);
          const detection = detections[i];
          if (detection === undefined) continue;
          if (changed.some((t) => flagged.includes(t))) detection.found++;
          detection.otherFlags += flagged.filter((t) => !changed.includes(t)).length;
        }
      }
    const perModel = models.map((model, i) => {
      const d = detections[i] ?? { found: 0, otherFlags: 0 };
      const found =
        changed.length === 0 ? '' : `changed type flagged in ${String(d.found)}/${String(cases)}, `;
      return `${model.info.id} (${model.info.threshold.toFixed(3)}): ${found}other flags ${(d.otherFlags / cases).toFixed(2)} per case`;
    });
    process.stdout.write(
      `${karyotype}, ${String(cases)} cases of ${String(cellCount)} cell${cellCount === 1 ? '' : 's'}\n  ${perModel.join('\n  ')}\n`,
    );
  }
  for (const model of models) model.dispose();
  return 0;
}

runCli(main);
