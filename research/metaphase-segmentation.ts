import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { segmentMetaphase } from '../src/imaging/metaphase/segment-metaphase';
import {
  hasSwitch,
  integerOption,
  parseArgs,
  runCli,
  stringOption,
  UsageError,
} from '../src/cli/common/args';
import { annotatedCellStems, readAnnotatedCell } from './read-annotated-cell';
import { tsengSplit } from './tseng-split';
import { renderSegmentationOverlay } from './render-segmentation-overlay';
import { addTallies, tallyAgainstBoxes, type BoxTally } from './segmentation-against-boxes';

const USAGE = `npx tsx research/metaphase-segmentation.ts [--data ../shared/data/tseng] [--patients N]
    [--neck-share 0.55] [--no-split] [--outline-necks] [--overlays DIR] [--overlay-cells N]
Segments the tseng training patients' metaphases (split by patient as train:default splits them, seed 1;
the validation patients are not read) without their .xml, and tallies the objects against the boxes.
`;

/** The figures of one row, as percentages of its boxes. */
function row(name: string, t: BoxTally): string {
  const pct = (n: number): string => ((100 * n) / Math.max(1, t.boxes)).toFixed(1).padStart(5);
  return [
    name.padEnd(10),
    String(t.boxes).padStart(6),
    pct(t.one),
    pct(t.missed),
    pct(t.overSplit),
    pct(t.underSplit),
    pct(t.underSplitDoubtful),
    pct(t.oneDoubtful),
    String(t.objectsInNoBox).padStart(7),
    String(t.objectsSpanningBoxes).padStart(8),
  ].join(' ');
}

const HEADER = `${'patient'.padEnd(10)}  boxes   one% miss% over% undr% u-dbt o-dbt noBoxObj spanning`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    help: 'switch',
    data: 'value',
    patients: 'value',
    'neck-share': 'value',
    'no-split': 'switch',
    'outline-necks': 'switch',
    overlays: 'value',
    'overlay-cells': 'value',
  });
  if (hasSwitch(args, 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const dataDir = resolve(stringOption(args, 'data') ?? '../shared/data/tseng');
  const neckShareText = stringOption(args, 'neck-share');
  const neckShare = neckShareText === undefined ? undefined : Number(neckShareText);
  if (neckShare !== undefined && !(neckShare > 0 && neckShare < 1))
    throw new UsageError('--neck-share must be between 0 and 1');
  const { patients: patientFolders, training, validation } = await tsengSplit(dataDir);
  const patients = training.slice(0, integerOption(args, 'patients', training.length));
  const overlays = stringOption(args, 'overlays');
  let overlayBudget = overlays === undefined ? 0 : integerOption(args, 'overlay-cells', 12);
  if (overlays !== undefined) await mkdir(overlays, { recursive: true });
  process.stdout.write(
    `${patients.length} training patients of ${patientFolders} (${validation.length} validation patients left unread)\n${HEADER}\n`,
  );
  const all: BoxTally[] = [];
  let cells = 0;
  let milliseconds = 0;
  const skipped: string[] = [];
  for (const patient of patients) {
    const tallies: BoxTally[] = [];
    for (const stem of await annotatedCellStems(join(dataDir, patient))) {
      const read = await readAnnotatedCell(join(dataDir, patient), stem);
      if (typeof read === 'string') {
        skipped.push(`${patient}/${stem}: ${read}`);
        continue;
      }
      const { image, annotation } = read;
      const started = performance.now();
      const segmentation = segmentMetaphase(image, {
        splitTouching: !hasSwitch(args, 'no-split'),
        stainNecks: !hasSwitch(args, 'outline-necks'),
        ...(neckShare === undefined ? {} : { neckShare }),
      });
      milliseconds += performance.now() - started;
      cells++;
      const boxes = annotation.boxes.map((b) => b.box);
      tallies.push(
        tallyAgainstBoxes(
          segmentation.objectOf,
          segmentation.width,
          segmentation.objects.map((o) => o.area),
          segmentation.objects.map((o) => o.doubt !== null),
          boxes,
        ),
      );
      if (overlays !== undefined && overlayBudget > 0) {
        overlayBudget--;
        await writeFile(join(overlays, `${stem}.png`), renderSegmentationOverlay(image, segmentation, boxes));
      }
    }
    const tally = addTallies(tallies);
    all.push(tally);
    process.stdout.write(`${row(patient, tally)}\n`);
  }
  process.stdout.write(`${HEADER}\n${row('overall', addTallies(all))}\n`);
  for (const line of skipped) process.stdout.write(`skipped ${line}\n`);
  process.stdout.write(
    `${cells} cells; segmentation ${(milliseconds / Math.max(1, cells)).toFixed(0)} ms a cell on average (this machine, as loaded)\n`,
  );
  return 0;
}

runCli(main);
