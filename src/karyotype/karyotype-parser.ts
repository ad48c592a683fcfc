import type { ChromosomeType } from '../shared/chromosome-types';
import { isChromosomeType } from '../shared/chromosome-types';
import { bandInterval } from './band-names';
import { ACROCENTRIC_TYPES } from './chromosome-metadata';
import type { Karyotype, KaryotypeChange, StructuralChange } from './karyotype-types';
import { KaryotypeSyntaxError } from './karyotype-types';
import { TextCursor } from './text-cursor';

type StructuralKind = StructuralChange['kind'];

/** How many types and bands per type each rearrangement takes, e.g. ins: 1 band on the recipient, 2 on the donor. */
const SHAPES: Readonly<Record<StructuralKind, { types: number; bands: readonly (readonly number[])[] }>> = {
  del: { types: 1, bands: [[1, 2]] },
  dup: { types: 1, bands: [[2]] },
  inv: { types: 1, bands: [[2]] },
  t: { types: 2, bands: [[1], [1]] },
  rob: { types: 2, bands: [[1], [1]] },
  ins: { types: 2, bands: [[1], [2]] },
};
// Longest names first so that "t" does not swallow the start of another name.
const KINDS: readonly StructuralKind[] = ['del', 'dup', 'inv', 'rob', 'ins', 't'];

/**
 * Parses one ISCN karyotype: count, sex chromosomes, then numerical (+21, -7) and structural changes
 * del, dup, inv, t, rob, ins, e.g. "46,XX,t(11;22)(q23;q11.2)" or "45,XY,rob(13;14)(q10;q10)".
 * Bands are checked against the 850-band table, and the count against the changes.
 * @throws KaryotypeSyntaxError saying what is wrong and at which character.
 */
export function parseKaryotype(input: string): Karyotype {
  const text = input.trim();
  const cursor = new TextCursor(text);
  const count = cursor.readInteger('a chromosome count like 46');
  cursor.expect(',');
  const sexStart = cursor.position;
  const sexText = cursor.readWhile((c) => c === 'X' || c === 'Y');
  if (sexText.length === 0) cursor.fail('expected sex chromosomes like XX or XY');
  const sexChromosomes = Array.from(sexText, (c) => (c === 'X' ? 'X' : 'Y'));
  const changes: KaryotypeChange[] = [];
  while (!cursor.atEnd()) {
    cursor.expect(',');
    changes.push(readChange(cursor));
  }
  const karyotype = { text, count, sexChromosomes, changes };
  checkCount(karyotype, sexStart);
  return karyotype;
}

function readChange(cursor: TextCursor): KaryotypeChange {
  const sign = cursor.peek();
  if (sign === '+' || sign === '-') {
    cursor.advance(1);
    return { kind: sign === '+' ? 'gain' : 'loss', type: readType(cursor) };
  }
  const start = cursor.position;
  const kind = KINDS.find((k) => cursor.startsWith(`${k}(`));
  if (kind === undefined) {
    cursor.fail('expected +N, -N or a rearrangement del(, dup(, inv(, t(, rob( or ins(');
  }
  cursor.advance(kind.length);
  const shape = SHAPES[kind];
  cursor.expect('(');
  const typesStart = cursor.position;
  const types = [readType(cursor)];
  while (cursor.peek() === ';') {
    cursor.advance(1);
    types.push(readType(cursor));
  }
  if (types.length !== shape.types) {
    cursor.fail(`${kind} takes ${shape.types} chromosome(s), found ${types.length}`, typesStart);
  }
  cursor.expect(')');
  cursor.expect('(');
  const bands: string[] = [];
  types.forEach((type, i) => {
    if (i > 0) cursor.expect(';');
    const groupStart = cursor.position;
    const group = readBandGroup(cursor, type);
    const allowed = shape.bands[i] ?? [];
    if (!allowed.includes(group.length)) {
      cursor.fail(`${kind} needs ${allowed.join(' or ')} band(s) on chromosome ${type}`, groupStart);
    }
    bands.push(...group);
  });
  cursor.expect(')');
  if (kind === 'rob') checkRobertsonian(cursor, types, bands, start);
  return { kind, types, bands, text: cursor.text.slice(start, cursor.position) };
}

function readType(cursor: TextCursor): ChromosomeType {
  const start = cursor.position;
  const digits = cursor.readWhile((c) => c >= '0' && c <= '9');
  const name = digits.length > 0 ? digits : cursor.readWhile((c) => c === 'X' || c === 'Y', 1);
  if (!isChromosomeType(name)) cursor.fail(`expected a chromosome 1-22, X or Y, found "${name}"`, start);
  return name;
}

/** Reads concatenated bands like "q21q32" or "p13", checking each exists on `type`. */
function readBandGroup(cursor: TextCursor, type: ChromosomeType): string[] {
  const bands: string[] = [];
  while (cursor.peek() === 'p' || cursor.peek() === 'q') {
    const start = cursor.position;
    cursor.advance(1);
    const number = cursor.startsWith('ter')
      ? cursor.readWhile(() => true, 3)
      : cursor.readWhile((c) => (c >= '0' && c <= '9') || c === '.');
    const band = `${cursor.text[start] ?? ''}${number}`;
    try {
      bandInterval(type, 700, band);
    } catch {
      cursor.fail(`band ${type}${band} does not exist`, start);
    }
    bands.push(band);
  }
  if (bands.length === 0) cursor.fail('expected a band like p14 or q11.2');
  return bands;
}

function checkRobertsonian(
  cursor: TextCursor,
  types: readonly ChromosomeType[],
  bands: readonly string[],
  start: number,
): void {
  const acrocentric = types.every((t) => (ACROCENTRIC_TYPES as readonly string[]).includes(t));
  if (!acrocentric) cursor.fail('rob joins two acrocentrics (13, 14, 15, 21, 22)', start);
  if (bands.some((b) => b !== 'q10')) cursor.fail('rob breaks at the centromere: write (q10;q10)', start);
}

/** 44 autosomes + sex chromosomes, ± whole-chromosome changes, − 1 per Robertsonian fusion. */
function checkCount(karyotype: Karyotype, sexStart: number): void {
  let expected = 44 + karyotype.sexChromosomes.length;
  for (const change of karyotype.changes) {
    if (change.kind === 'gain') expected += 1;
    else if (change.kind === 'loss') expected -= 1;
    else if (change.kind === 'rob') expected -= 1;
  }
  if (expected !== karyotype.count) {
    throw new KaryotypeSyntaxError(
      `count ${karyotype.count} disagrees with the ${expected} chromosomes the sex chromosomes and changes give`,
      karyotype.text,
      Math.max(0, sexStart - 1 - String(karyotype.count).length),
    );
  }
}
