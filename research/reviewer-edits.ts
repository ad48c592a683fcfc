import { join, resolve } from 'node:path';
import { RASTER_MARGIN } from '../src/imaging/profile/chromosome-raster';
import type { PixelBox, Point } from '../src/imaging/segment/mask';
import { useBackend } from '../src/model/backend';
import { ClassifierWeights } from '../src/model/type-classifier/classifier-network';
import { arrangeMetaphase } from '../src/pipeline/profiles/arrange-metaphase';
import { keptChromosome, withChromatidDisagreement } from '../src/pipeline/profiles/case-chromosomes';
import { joinChromosomes, splitChromosome } from '../src/pipeline/profiles/object-edits';
import type { CaseChromosome } from '../src/pipeline/profiles/profiled-case';
import { typedRemadeObjects } from '../src/pipeline/profiles/typed-remade-objects';
import { integerOption, parseArgs, runCli, stringOption } from '../src/cli/common/args';
import { readClassifierDirectory, SHIPPED_CLASSIFIER_DIR } from '../src/cli/classifier/classifier-folder';
import { annotatedCellStems, readAnnotatedCell } from './read-annotated-cell';
import { tsengSplit } from './tseng-split';

const USAGE = `npx tsx research/reviewer-edits.ts [--data ../shared/data/tseng] [--classifier DIR] [--patients N]
Plays the reviewer on the tseng validation patients' metaphases arranged without their .xml: every object
that holds exactly two boxes' chromosomes (two touching chromosomes, not a crossing) is split across the
line between the two boxes' centres, where the boxes meet, and every box whose chromosome the segmentation broke
into two objects has them joined. Reports how often the edit is taken and the new objects are typed as
the boxes say (the classifier's first choice, as the app types them).
`;

/** Per box, the objects lying mostly in it: the object holding most of its pixels, and all others ≥ 70 % inside. */
function objectPixelsIn(objectOf: Int32Array, width: number, box: PixelBox): Map<number, number> {
  const counts = new Map<number, number>();
  for (let y = box.y0; y < box.y1; y++)
    for (let x = box.x0; x < box.x1; x++) {
      const o = (objectOf[y * width + x] ?? 0) - 1;
      if (o >= 0) counts.set(o, (counts.get(o) ?? 0) + 1);
    }
  return counts;
}

const centre = (box: PixelBox): Point => ({ x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 });

/**
 * A cut where a reviewer would draw it between two touching chromosomes, in picture pixels: across the line
 * joining the two boxes' centres, where the two boxes meet along it (half-way between the near edge of
 * each, projected on that line), and across the whole picture.
 */
function cutBetween(a: PixelBox, b: PixelBox, c: CaseChromosome): Point[] {
  const ca = centre(a);
  const cb = centre(b);
  const length = Math.max(1e-6, Math.hypot(cb.x - ca.x, cb.y - ca.y));
  const d = { x: (cb.x - ca.x) / length, y: (cb.y - ca.y) / length };
  const corners = (box: PixelBox): Point[] => [
    { x: box.x0, y: box.y0 },
    { x: box.x1, y: box.y0 },
    { x: box.x0, y: box.y1 },
    { x: box.x1, y: box.y1 },
  ];
  const along = (p: Point): number => (p.x - ca.x) * d.x + (p.y - ca.y) * d.y;
  const aFar = Math.max(...corners(a).map(along));
  const bNear = Math.min(...corners(b).map(along));
  const at = Math.min(length, Math.max(0, (aFar + bNear) / 2));
  const origin = { x: (c.box?.x0 ?? 0) - RASTER_MARGIN, y: (c.box?.y0 ?? 0) - RASTER_MARGIN };
  const middle = { x: ca.x + at * d.x - origin.x, y: ca.y + at * d.y - origin.y };
  const across = { x: -d.y, y: d.x };
  const reach = (c.axisPicture?.image.width ?? 0) + (c.axisPicture?.image.height ?? 0);
  return [
    { x: middle.x - reach * across.x, y: middle.y - reach * across.y },
    { x: middle.x + reach * across.x, y: middle.y + reach * across.y },
  ];
}

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
  const classifier = { id: manifest.id, weights: new ClassifierWeights(values) };
  const { validation } = await tsengSplit(dataDir);
  const patients = validation.slice(0, integerOption(args, 'patients', validation.length));
  process.stdout.write(`classifier ${manifest.id}; ${patients.length} validation patients\n`);
  const tally = {
    cells: 0,
    pairs: 0,
    split: 0,
    splitRight: 0,
    splitOneRight: 0,
    broken: 0,
    joined: 0,
    joinedRight: 0,
  };
  const refusals = new Map<string, number>();
  const refused = (error: unknown): void => {
    const message = (error instanceof Error ? error.message : String(error)).replace(/[0-9]+/g, 'N');
    refusals.set(message, (refusals.get(message) ?? 0) + 1);
  };
  for (const patient of patients) {
    for (const stem of await annotatedCellStems(join(dataDir, patient))) {
      const read = await readAnnotatedCell(join(dataDir, patient), stem);
      if (typeof read === 'string') continue;
      const arranged = await arrangeMetaphase(read.image, classifier.weights);
      tally.cells++;
      const cell = withChromatidDisagreement(arranged.chromosomes.map((c) => keptChromosome(c)));
      const { objectOf, width, objects } = arranged.segmentation;
      const byObject = new Map(arranged.chromosomes.map((c, i) => [c.object, cell[i]]));
      const boxes = read.annotation.boxes;
      const inBox = boxes.map((b) => objectPixelsIn(objectOf, width, b.box));
      // The object each box's chromosome is (most of the box's object pixels).
      const owner = inBox.map((counts) => [...counts].sort((p, q) => q[1] - p[1])[0]?.[0] ?? -1);
      for (const [object, chromosome] of byObject) {
        if (chromosome === undefined || objects[object]?.doubt === 'crossing') continue;
        const owned = owner.flatMap((o, i) => (o === object ? [i] : []));
        if (owned.length !== 2) continue;
        const [i, j] = owned;
        const a = boxes[i ?? 0];
        const b = boxes[j ?? 0];
        if (a === undefined || b === undefined) continue;
        tally.pairs++;
        try {
          const parts = splitChromosome(chromosome, cutBetween(a.box, b.box, chromosome));
          const others = cell.filter((c) => c !== chromosome);
          const typed = await typedRemadeObjects(others, parts, {
            classifier,
            fallback: ['1', '1'],
            edit: 'a split',
          });
          tally.split++;
          const got = typed.map((c) => c.type).sort();
          const want = [a.type, b.type].sort();
          if (got[0] === want[0] && got[1] === want[1]) tally.splitRight++;
          else if (got.some((t) => want.includes(t))) tally.splitOneRight++;
        } catch (error) {
          refused(error);
        }
      }
      // Boxes whose chromosome is two objects, each lying at least 70 % inside the box and no other box's.
      for (const [k, counts] of inBox.entries()) {
        const pieces = [...counts].filter(
          ([o, n]) => n >= 0.7 * (objects[o]?.area ?? Infinity) && !owner.some((x, m) => x === o && m !== k),
        );
        if (pieces.length !== 2) continue;
        const [first, second] = pieces.map(([o]) => byObject.get(o));
        const box = boxes[k];
        if (first === undefined || second === undefined || box === undefined) continue;
        tally.broken++;
        try {
          const joined = joinChromosomes(first, second);
          const others = cell.filter((c) => c !== first && c !== second);
          const [typed] = await typedRemadeObjects(others, [joined], {
            classifier,
            fallback: ['1'],
            edit: 'a join',
          });
          tally.joined++;
          if (typed?.type === box.type) tally.joinedRight++;
        } catch (error) {
          refused(error);
        }
      }
    }
    process.stdout.write(`${patient}: ${JSON.stringify(tally)}\n`);
  }
  const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
  process.stdout.write(
    [
      `cells ${tally.cells}`,
      `objects holding exactly two boxes' chromosomes (no crossing): ${tally.pairs}; split by the cut: ${tally.split} (${pct(tally.split, tally.pairs)})`,
      `… both parts typed as the boxes: ${pct(tally.splitRight, tally.split)}; one of them: ${pct(tally.splitOneRight, tally.split)}`,
      `boxes whose chromosome is two objects: ${tally.broken}; joined: ${tally.joined} (${pct(tally.joined, tally.broken)}); typed as the box: ${pct(tally.joinedRight, tally.joined)}`,
      `refused: ${[...refusals].map(([m, n]) => `${n} × ${m}`).join('; ') || 'none'}`,
    ].join('\n') + '\n',
  );
  classifier.weights.dispose();
  return 0;
}

runCli(main);
