import type { ChromosomeType } from '../shared/chromosome-types';
import { LENGTH_GROUPS, lengthGroupOf } from '../shared/chromosome-types';
import type { Random } from '../shared/random';
import type { ArtificialChange } from './artificial-changes';
import { applyArtificialChange, needsDonor } from './artificial-changes';
import type { SizedProfile } from './true-profile';

/** Two homologs of one type from one cell (profiles with their true lengths). */
export interface HomologPair {
  readonly first: SizedProfile;
  readonly second: SizedProfile;
}

/** Which homolog of each pair to change (0 = first, 1 = second). */
export type HomologIndex = 0 | 1;

/**
 * A patient's abnormal bag: the SAME change (same breakpoints relative to length) applied to homolog
 * `homolog` of every pair, as every cell of a constitutional carrier has the same derivative.
 * `donors[i]` is the donor for pair i (another chromosome of the same cell) when the kind needs one.
 * @throws Error when donors are needed but missing for some pair.
 */
export function applyChangeToBag(
  bag: readonly HomologPair[],
  change: ArtificialChange,
  homolog: HomologIndex,
  donors: readonly SizedProfile[] = [],
): HomologPair[] {
  if (needsDonor(change.kind) && donors.length < bag.length) {
    throw new Error(`${change.kind} needs one donor per pair: ${bag.length} pairs, ${donors.length} donors`);
  }
  return bag.map((pair, i) => {
    const target = homolog === 0 ? pair.first : pair.second;
    const changed = applyArtificialChange(target, change, donors[i]);
    return homolog === 0 ? { first: changed, second: pair.second } : { first: pair.first, second: changed };
  });
}

/** The other types of `type`'s ISCN length group that are in `available` (section 3.2's partners). */
export function sameGroupPartners(
  type: ChromosomeType,
  available: readonly ChromosomeType[],
): ChromosomeType[] {
  const group: readonly ChromosomeType[] = LENGTH_GROUPS[lengthGroupOf(type)];
  return group.filter((t) => t !== type && available.includes(t));
}

/** Profiles of one cell by type (one entry per copy). */
export type CellProfiles = ReadonlyMap<ChromosomeType, readonly SizedProfile[]>;

/**
 * Section 3.2's extra abnormal bag: in every cell, a chromosome of `type` paired with one of another type
 * of the same length group (the same partner type in every cell, one present in all cells).
 * Returns undefined when no partner type is present in every cell or `type` is missing from one.
 */
export function differentTypeBag(
  type: ChromosomeType,
  cells: readonly CellProfiles[],
  random: Random,
): { partner: ChromosomeType; bag: HomologPair[] } | undefined {
  const inEvery = (t: ChromosomeType): boolean => cells.every((c) => (c.get(t)?.length ?? 0) > 0);
  if (cells.length === 0 || !inEvery(type)) return undefined;
  const partners = sameGroupPartners(type, [...LENGTH_GROUPS[lengthGroupOf(type)]]).filter(inEvery);
  if (partners.length === 0) return undefined;
  const partner = random.pick(partners);
  const bag = cells.map((cell) => {
    const own = random.pick(cell.get(type) ?? []);
    const other = random.pick(cell.get(partner) ?? []);
    return random.next() < 0.5 ? { first: own, second: other } : { first: other, second: own };
  });
  return { partner, bag };
}
