import { encode } from 'fast-png';
import { describe, expect, it, vi } from 'vitest';
import { renderedSpread } from '../../imaging/testing/rendered-cells';
import type { Point } from '../../imaging/segment/mask';
import { DEFAULT_ARCHITECTURE } from '../../model/architecture';
import { loadModel } from '../../model/load-model';
import { initialValues } from '../../model/parameters';
import { encodeClassifier } from '../../model/type-classifier/classifier-file';
import { classifierParameters } from '../../model/type-classifier/classifier-network';
import type { ClassifierValues } from '../../model/type-classifier/fetch-classifier';
import { packWeights } from '../../model/weights/manifest';
import type { KaryogramChromosomeView } from '../analysis-api';
import { memoryCaseDb } from '../testing/memory-case-db';
import { createAnalysisService } from './analysis-service';

const db = vi.hoisted(() => ({ current: null as ReturnType<typeof memoryCaseDb> | null }));
vi.mock('../case-db', async () =>
  (await import('../testing/memory-case-db')).forwardingCaseDb(() => db.current),
);

const ignore = (): void => undefined;

/** A classifier that reads every chromosome as chromosome 1 (zero weights but its output bias). */
async function everythingOne(): Promise<ClassifierValues> {
  const values = new Map(
    classifierParameters().map((p) => [p.name, new Float32Array(p.shape.reduce((a, b) => a * b, 1))]),
  );
  values.get('out.bias')?.set([8], 0);
  const { manifest } = await encodeClassifier(values, { note: 'test' });
  return { manifest, values };
}

/** A cut across a chromosome's axis picture at the middle of its centre line, from edge to edge. */
function cutAcrossMiddle(c: KaryogramChromosomeView): Point[] {
  const axis = c.axisPicture?.axis ?? [];
  const at = Math.floor(axis.length / 2);
  const a = axis[Math.max(0, at - 2)] ?? { x: 0, y: 0 };
  const b = axis[Math.min(axis.length - 1, at + 2)] ?? a;
  const length = Math.max(1e-6, Math.hypot(b.x - a.x, b.y - a.y));
  const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
  const middle = axis[at] ?? a;
  const reach = Math.max(c.axisPicture?.image.width ?? 0, c.axisPicture?.image.height ?? 0);
  return [
    { x: middle.x - reach * normal.x, y: middle.y - reach * normal.y },
    { x: middle.x + reach * normal.x, y: middle.y + reach * normal.y },
  ];
}

/** The chromosomes of `after` that `before` does not have (told apart by profile length and picture size). */
function newcomers(
  before: readonly KaryogramChromosomeView[],
  after: readonly KaryogramChromosomeView[],
): KaryogramChromosomeView[] {
  const key = (c: KaryogramChromosomeView): string =>
    `${String(c.samples)}/${String(c.image.width)}x${String(c.image.height)}`;
  const left = new Map<string, number>();
  for (const c of before) left.set(key(c), (left.get(key(c)) ?? 0) + 1);
  return after.filter((c) => {
    const n = left.get(key(c)) ?? 0;
    if (n > 0) left.set(key(c), n - 1);
    return n === 0;
  });
}

describe('splitting and joining in the worker', () => {
  it('shows a metaphase cell as an arranged karyogram and splits, joins and moves its chromosomes, scoring only the types touched', async () => {
    db.current = memoryCaseDb();
    const model = await loadModel({
      weights: await packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 4)),
      backend: 'cpu',
    });
    try {
      const classifier = await everythingOne();
      const service = createAnalysisService({
        require: () => model,
        typeClassifier: () => Promise.resolve(classifier),
      });
      const image = renderedSpread(3);
      const png = encode({
        width: image.width,
        height: image.height,
        data: image.pixels,
        channels: 1,
        depth: 8,
      });
      const { cases } = await service.analyseFiles('job', [{ path: 'spread.png', bytes: png }], ignore);
      const summary = cases[0];
      const cellId = summary?.cells[0]?.id ?? '';
      expect(summary?.cells[0]?.typesAssigned?.classifier).toBe(classifier.manifest.id);
      const caseId = summary?.id ?? '';
      const before = await service.cellKaryogram(caseId, cellId);
      expect(before.typesAssigned?.classifier).toBe(classifier.manifest.id);
      expect(before.chromosomes.length).toBeGreaterThanOrEqual(40);
      expect(before.chromosomes.every((c) => c.splittable && c.joinable)).toBe(true);
      // The spread as found, reduced for the screen, with every chromosome's box on it.
      const picture = before.picture;
      expect(picture?.scale).toBeLessThan(1);
      expect(picture?.image.width).toBe(Math.floor(image.width * (picture?.scale ?? 0)));
      for (const c of before.chromosomes) {
        expect(c.box?.x0).toBeGreaterThanOrEqual(0);
        expect(c.box?.x1).toBeLessThanOrEqual(image.width);
        expect(c.box?.y1).toBeLessThanOrEqual(image.height);
      }
      await expect(service.cellKaryogram(caseId, 'no-such-cell')).rejects.toThrow(/has no cell no-such-cell/);

      // Split the longest object standing free: one more chromosome, both parts typed by the classifier
      // (as 1). Only the split chromosome's type and the parts' are scored again.
      const longest = before.chromosomes
        .filter((c) => c.cutOutDoubt === undefined)
        .reduce((a, b) => (b.samples > a.samples ? b : a));
      const split = await service.correct(caseId, {
        kind: 'split',
        chromosome: { cell: cellId, type: longest.type, homolog: longest.homolog },
        cut: cutAcrossMiddle(longest),
      });
      const afterSplit = await service.cellKaryogram(caseId, cellId);
      expect(afterSplit.chromosomes).toHaveLength(before.chromosomes.length + 1);
      const parts = newcomers(before.chromosomes, afterSplit.chromosomes);
      expect(parts).toHaveLength(2);
      expect([...split.rescored].sort()).toEqual(
        [...new Set([longest.type, ...parts.map((c) => c.type)])].sort(),
      );
      expect(parts.map((c) => c.type)).toEqual(['1', '1']);
      expect(parts.every((c) => c.typeDoubt === undefined || /after a split/.test(c.typeDoubt))).toBe(true);

      // Join the two parts back: one chromosome about as long as the one split.
      const [p, q] = parts;
      if (p === undefined || q === undefined) throw new Error('no parts');
      const joined = await service.correct(caseId, {
        kind: 'join',
        chromosomes: [
          { cell: cellId, type: p.type, homolog: p.homolog },
          { cell: cellId, type: q.type, homolog: q.homolog },
        ],
      });
      const afterJoin = await service.cellKaryogram(caseId, cellId);
      expect(afterJoin.chromosomes).toHaveLength(before.chromosomes.length);
      const [rejoined] = newcomers(afterSplit.chromosomes, afterJoin.chromosomes);
      expect([...joined.rescored].sort()).toEqual(
        [...new Set([p.type, q.type, rejoined?.type ?? ''])].sort(),
      );
      expect(Math.abs((rejoined?.samples ?? 0) - longest.samples)).toBeLessThan(0.1 * longest.samples);

      // Moving a chromosome the classifier was unsure of makes its type the reviewer's: sure, no doubt.
      const moved = await service.correct(caseId, {
        kind: 'move',
        chromosome: { cell: cellId, type: '1', homolog: 0 },
        to: '7',
      });
      expect([...moved.rescored].sort()).toEqual(['1', '7']);
      const sevens = (await service.cellKaryogram(caseId, cellId)).chromosomes.filter((c) => c.type === '7');
      expect(sevens.at(-1)).toMatchObject({ confidence: 1 });
      expect(sevens.at(-1)?.typeDoubt).toBeUndefined();

      // A refused edit leaves the case as it was.
      await expect(
        service.correct(caseId, {
          kind: 'split',
          chromosome: { cell: cellId, type: '7', homolog: 0 },
          cut: [
            { x: 0, y: 0 },
            { x: 1, y: 0 },
          ],
        }),
      ).rejects.toThrow(/does not part the object/);
      expect((await service.cellKaryogram(caseId, cellId)).chromosomes).toHaveLength(
        before.chromosomes.length,
      );
    } finally {
      model.dispose();
    }
  }, 180_000);
});
