import type { ChromosomeType } from '../../shared/chromosome-types';
import type { Random } from '../../shared/random';
import type { BagSamplerOptions, SampledBag } from './bag-sampler';
import { sampleBag } from './bag-sampler';
import type { DatasetCase } from './dataset';
import { pairOf } from './dataset';

/** A lab's review labels: case → type → verdict; types not listed are normal. */
export type CaseLabels = Readonly<
  Record<string, Readonly<Partial<Record<ChromosomeType, 'abnormal' | 'normal'>>>>
>;

/** Reads labels.json, refusing anything but the documented shape with a message that says where. */
export function parseCaseLabels(json: unknown, source = 'labels'): CaseLabels {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error(`${source}: not a JSON object`);
  for (const [caseId, types] of Object.entries(json)) {
    if (typeof types !== 'object' || types === null || Array.isArray(types)) {
      throw new Error(`${source}: case "${caseId}" must map types to "abnormal" or "normal"`);
    }
    for (const [type, verdict] of Object.entries(types as Record<string, unknown>)) {
      if (verdict !== 'abnormal' && verdict !== 'normal') {
        throw new Error(
          `${source}: case "${caseId}" type "${type}" is ${JSON.stringify(verdict)}, not "abnormal" or "normal"`,
        );
      }
    }
  }
  return json as CaseLabels;
}

/** Every type of a case with a complete pair in some cell, as one bag with the lab's label. */
export function labelledCaseBags(c: DatasetCase, labels: CaseLabels): SampledBag[] {
  const types = new Set<ChromosomeType>();
  for (const cell of c.cells)
    for (const ch of cell.chromosomes) if (pairOf(cell, ch.type)) types.add(ch.type);
  return [...types].map((type) => {
    const pairs = c.cells.flatMap((cell) => {
      const pair = pairOf(cell, type);
      return pair
        ? [{ homologs: [pair[0].profile, pair[1].profile] as const, bandLevel: cell.bandLevel }]
        : [];
    });
    const abnormal = labels[c.id]?.[type] === 'abnormal';
    return {
      bag: { type, pairs },
      label: abnormal ? 1 : 0,
      kind: abnormal ? 'reviewed' : 'normal',
      size: null,
      caseId: c.id,
    };
  });
}

/**
 * A lab's evaluation (or training) set: the reviewed abnormal types of its cases as they are, and, to
 * balance them, normal types with artificial abnormalities made on the fly as in pretraining. Cases whose
 * labels mark a type abnormal never lend that type to the artificial half.
 */
export function labBags(
  cases: readonly DatasetCase[],
  labels: CaseLabels,
  count: number,
  random: Random,
  sampler: BagSamplerOptions,
): SampledBag[] {
  const real = cases.flatMap((c) => labelledCaseBags(c, labels)).filter((b) => b.label === 1);
  const unlabelled = cases.filter((c) => !Object.values(labels[c.id] ?? {}).includes('abnormal'));
  const source = unlabelled.length > 0 ? unlabelled : cases;
  const artificial = Array.from({ length: Math.max(0, count - real.length) }, () =>
    sampleBag(source, random, sampler),
  );
  return [...real, ...artificial];
}
