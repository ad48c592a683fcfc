import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { prepareCaseInput } from '../../imaging/case-input/prepare-case-input';
import { readFolderAsVirtualFiles } from '../../imaging/case-input/read-folder.node.js';
import { hasImageExtension } from '../../imaging/case-input/file-names';
import { cellChromosomes } from '../../karyotype/cell-chromosomes';
import { parseKaryotype } from '../../karyotype/karyotype-parser';
import { isNumerical } from '../../karyotype/karyotype-types';
import type { HomNetModel } from '../../model/homnet-model';
import { profileCase } from '../../pipeline/profiles/profile-case-files';
import { straighteningDoubtTexts } from '../../pipeline/verdict/chromosome-doubts';
import { scoreCase } from '../../pipeline/verdict/score-case';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';
import { createRandom } from '../../shared/random';
import { printable } from '../common/printable';

/** One karyogram image and what the survey found in it. */
export interface KaryogramSurveyRow {
  /** Relative to the surveyed folder. */
  readonly file: string;
  /** The karyotype it is known to have, or null (then the counts are checked against a normal cell). */
  readonly expected: string | null;
  /** Null when the karyogram was refused (then `refused` says why). */
  readonly counts: Readonly<Record<ChromosomeType, number>> | null;
  readonly refused: string | null;
  /** Types whose copies differ from the expected ones: `type found/expected`. */
  readonly countErrors: readonly string[];
  /** Types flagged as structurally abnormal, with their scores, highest first. */
  readonly flags: readonly { readonly type: ChromosomeType; readonly score: number }[];
  /** How far the case calibration lowered its scores, log-odds (0: not at all; see case-calibration). */
  readonly scoreShift: number;
  /** Chromosomes whose centre line is doubtful, `type/copy (why)`. */
  readonly doubtful: readonly string[];
  /** Types that flag nothing because every pair of them is doubtful: `type (why)`. */
  readonly unreliable: readonly string[];
  /** Types the expected karyotype changes structurally (their flags are true ones). */
  readonly changedTypes: readonly ChromosomeType[];
}

/** Copies per type of a karyotype (every slot of its cell: derivatives where they are placed). */
export function expectedCopies(karyotype: string): Record<ChromosomeType, number> {
  const parsed = parseKaryotype(karyotype);
  const counts = Object.fromEntries(CHROMOSOME_TYPES.map((t) => [t, 0])) as Record<ChromosomeType, number>;
  for (const c of cellChromosomes(parsed, 400, createRandom(1))) counts[c.type] += 1;
  return counts;
}

/** Types a karyotype changes structurally. */
function structurallyChanged(karyotype: string): ChromosomeType[] {
  return [...new Set(parseKaryotype(karyotype).changes.flatMap((c) => (isNumerical(c) ? [] : c.types)))];
}

/** Image files under a folder, sorted, sub-folders included. */
export async function imagesUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path)).isDirectory()))
      out.push(...(await imagesUnder(path)));
    else if (hasImageExtension(entry.name)) out.push(path);
  }
  return out;
}

/**
 * Every karyogram image under `folder` through the same path as `analyze`, each compared with the
 * karyotype `expectedOf` knows for it (a normal cell of the sex its X and Y show when it knows none).
 */
export async function surveyKaryograms(
  model: HomNetModel,
  folder: string,
  expectedOf: (file: string) => string | null,
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<KaryogramSurveyRow[]> {
  const rows: KaryogramSurveyRow[] = [];
  const files = await imagesUnder(folder);
  for (const [i, path] of files.entries()) {
    const file = relative(folder, path);
    const expected = expectedOf(file);
    const plan = await prepareCaseInput(await readFolderAsVirtualFiles(path));
    const planned = plan.cases[0];
    const profiled = planned === undefined ? null : await profileCase(planned);
    const cell = profiled?.cells[0];
    if (profiled === null || cell === undefined) {
      rows.push({
        file,
        expected,
        counts: null,
        refused: profiled?.errors.map((e) => e.message).join('; ') ?? 'not read',
        countErrors: [],
        flags: [],
        scoreShift: 0,
        doubtful: [],
        unreliable: [],
        changedTypes: expected === null ? [] : structurallyChanged(expected),
      });
      onProgress?.(i + 1, files.length, file);
      continue;
    }
    const scored = await scoreCase(model, profiled);
    const counts = Object.fromEntries(CHROMOSOME_TYPES.map((t) => [t, 0])) as Record<ChromosomeType, number>;
    for (const c of cell.chromosomes) counts[c.type] += 1;
    const reference = expectedCopies(expected ?? (counts.Y > 0 ? '46,XY' : '46,XX'));
    rows.push({
      file,
      expected,
      counts,
      refused: null,
      countErrors: CHROMOSOME_TYPES.filter((t) => counts[t] !== reference[t]).map(
        (t) => `${t} ${counts[t]}/${reference[t]}`,
      ),
      flags: scored.types
        .flatMap((t) => (t.abnormal === true && t.score !== null ? [{ type: t.type, score: t.score }] : []))
        .sort((a, b) => b.score - a.score),
      scoreShift: scored.scoreShift,
      doubtful: cell.chromosomes.flatMap((c) => {
        const why = straighteningDoubtTexts(c);
        return why.length === 0 ? [] : [`${c.type}/${c.homolog + 1} (${why.join('; ')})`];
      }),
      unreliable: scored.types.flatMap((t) =>
        (t.unreliable ?? null) === null ? [] : [`${t.type} (${t.unreliable ?? ''})`],
      ),
      changedTypes: expected === null ? [] : structurallyChanged(expected),
    });
    onProgress?.(i + 1, files.length, file);
  }
  return rows;
}

/** The survey as text: a line per karyogram (its name {@link printable}), then the totals a change is judged by. */
export function renderKaryogramSurvey(
  rows: readonly KaryogramSurveyRow[],
  modelId: string,
  threshold: number,
): string {
  const lines = [`karyogram survey, model ${modelId}, threshold ${threshold.toFixed(3)}`];
  for (const row of rows) {
    lines.push(`${printable(row.file)} (${row.expected ?? 'normal, sex from X/Y'})`);
    if (row.refused !== null) {
      lines.push(`  refused: ${printable(row.refused)}`);
      continue;
    }
    lines.push(
      `  counts: ${row.countErrors.length === 0 ? 'right' : `wrong for ${row.countErrors.join(', ')}`}`,
    );
    lines.push(
      `  flags: ${row.flags.length === 0 ? 'none' : row.flags.map((f) => `${f.type} ${f.score.toFixed(2)}${row.changedTypes.includes(f.type) ? ' (true)' : ''}`).join(', ')}`,
    );
    if (row.scoreShift >= 0.005)
      lines.push(
        `  scores lowered by ${row.scoreShift.toFixed(2)} log-odds (the case scores high as a whole)`,
      );
    lines.push(`  doubtful centre lines: ${row.doubtful.length === 0 ? 'none' : row.doubtful.join(', ')}`);
    lines.push(`  unreliable types: ${row.unreliable.length === 0 ? 'none' : row.unreliable.join(', ')}`);
  }
  const read = rows.filter((r) => r.refused === null);
  const falseFlags = read.reduce(
    (sum, r) => sum + r.flags.filter((f) => !r.changedTypes.includes(f.type)).length,
    0,
  );
  lines.push(
    '',
    `${rows.length} karyograms: ${read.length} read, ${read.filter((r) => r.countErrors.length === 0).length} with every count right; ` +
      `${falseFlags} false structural flags (${(falseFlags / Math.max(1, read.length)).toFixed(2)} per karyogram read); ` +
      `${read.reduce((sum, r) => sum + r.doubtful.length, 0)} doubtful centre lines; ` +
      `${read.reduce((sum, r) => sum + r.unreliable.length, 0)} types unreliable (every pair doubtful, no verdict)`,
  );
  return `${lines.join('\n')}\n`;
}
