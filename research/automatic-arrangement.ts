import { join, resolve } from 'node:path';
import { useBackend } from '../src/model/backend';
import { ClassifierWeights } from '../src/model/type-classifier/classifier-network';
import { arrangeMetaphase } from '../src/pipeline/profiles/arrange-metaphase';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../src/shared/chromosome-types';
import type { PixelBox } from '../src/imaging/segment/mask';
import { integerOption, parseArgs, runCli, stringOption } from '../src/cli/common/args';
import { readClassifierDirectory, SHIPPED_CLASSIFIER_DIR } from '../src/cli/classifier/classifier-folder';
import { annotatedCellStems, readAnnotatedCell } from './read-annotated-cell';
import { tsengSplit } from './tseng-split';

const USAGE = `npx tsx research/automatic-arrangement.ts [--data ../shared/data/tseng] [--classifier DIR] [--patients N]
Arranges the tseng validation patients' metaphases without their .xml (segmentMetaphase, the type
classifier, the per-cell assignment) and compares with the annotation: cells whose copies per type all
equal the boxes', the types of objects that are one box's chromosome alone, and the time per cell.
`;

/** The object holding most of a box's pixels, if it is that box's chromosome (half of it inside the box, or a tenth of the box). */
function mainObject(objectOf: Int32Array, width: number, areas: readonly number[], box: PixelBox): number {
  const counts = new Map<number, number>();
  for (let y = box.y0; y < box.y1; y++)
    for (let x = box.x0; x < box.x1; x++) {
      const o = objectOf[y * width + x] ?? 0;
      if (o > 0) counts.set(o, (counts.get(o) ?? 0) + 1);
    }
  let best = 0;
  let most = 0;
  for (const [o, n] of counts)
    if (n > most) {
      best = o;
      most = n;
    }
  if (best === 0) return -1;
  const boxArea = (box.x1 - box.x0) * (box.y1 - box.y0);
  return most >= 0.5 * (areas[best - 1] ?? Infinity) || most >= 0.1 * boxArea ? best - 1 : -1;
}

const countsOf = (types: readonly ChromosomeType[]): number[] =>
  CHROMOSOME_TYPES.map((t) => types.filter((x) => x === t).length);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    help: 'switch',
    data: 'value',
    classifier: 'value',
    patients: 'value',
  });
  if (args.switches.has('help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const dataDir = resolve(stringOption(args, 'data') ?? '../shared/data/tseng');
  await useBackend('wasm');
  const { values, manifest } = await readClassifierDirectory(
    stringOption(args, 'classifier') ?? SHIPPED_CLASSIFIER_DIR,
  );
  const classifier = new ClassifierWeights(values);
  const { validation } = await tsengSplit(dataDir);
  const patients = validation.slice(0, integerOption(args, 'patients', validation.length));
  process.stdout.write(`classifier ${manifest.id}; ${patients.length} validation patients\n`);
  let cells = 0;
  let exact = 0;
  let exactWithinOne = 0;
  let countError = 0;
  let matched = 0;
  let matchedRight = 0;
  let boxes = 0;
  let objects = 0;
  let milliseconds = 0;
  for (const patient of patients) {
    for (const stem of await annotatedCellStems(join(dataDir, patient))) {
      const read = await readAnnotatedCell(join(dataDir, patient), stem);
      if (typeof read === 'string') {
        process.stdout.write(`skipped ${patient}/${stem}: ${read}\n`);
        continue;
      }
      const started = performance.now();
      const arranged = await arrangeMetaphase(read.image, classifier);
      milliseconds += performance.now() - started;
      cells++;
      const truth = countsOf(read.annotation.boxes.map((b) => b.type));
      const found = countsOf(arranged.chromosomes.map((c) => c.type));
      const differences = truth.map((n, t) => Math.abs(n - (found[t] ?? 0)));
      const wrong = differences.reduce((a, b) => a + b, 0);
      countError += wrong;
      if (wrong === 0) exact++;
      if (differences.filter((d) => d > 0).length <= 1) exactWithinOne++;
      const { objectOf, width, objects: segmented } = arranged.segmentation;
      const areas = segmented.map((o) => o.area);
      const owners = read.annotation.boxes.map((b) => mainObject(objectOf, width, areas, b.box));
      boxes += owners.length;
      objects += segmented.length;
      owners.forEach((o, i) => {
        if (o < 0 || owners.filter((x) => x === o).length > 1) return;
        matched++;
        if (arranged.chromosomes[o]?.type === read.annotation.boxes[i]?.type) matchedRight++;
      });
    }
    process.stdout.write(
      `${patient}: ${cells} cells so far, exact ${exact}, matched accuracy ${((100 * matchedRight) / Math.max(1, matched)).toFixed(1)} %\n`,
    );
  }
  const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
  process.stdout.write(
    [
      `cells: ${cells}; boxes ${boxes}, objects found ${objects}`,
      `cells with every type's copies as annotated: ${exact} (${pct(exact, cells)}); with at most one type off: ${exactWithinOne} (${pct(exactWithinOne, cells)})`,
      `copies off per cell (sum over types of |found − annotated|): ${(countError / Math.max(1, cells)).toFixed(2)}`,
      `boxes whose chromosome is one object of its own: ${matched} (${pct(matched, boxes)}); its type right: ${pct(matchedRight, matched)}`,
      `arrangement ${(milliseconds / Math.max(1, cells)).toFixed(0)} ms a cell (segmentation, profiles, classifier, assignment; this machine as loaded)`,
    ].join('\n') + '\n',
  );
  classifier.dispose();
  return 0;
}

runCli(main);
