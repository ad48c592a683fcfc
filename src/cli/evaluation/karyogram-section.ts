import { printable } from '../common/printable';
import type { KaryogramSurveyRow } from './karyogram-survey';

/** The karyograms of other labs surveyed for docs/evaluation.md (issue #21 item 6). */
export interface KaryogramSection {
  /** The folder surveyed, relative to the working directory. */
  readonly folder: string;
  readonly rows: readonly KaryogramSurveyRow[];
}

/** Table cells may not hold a pipe or a line break (a file name could). */
const cell = (text: string): string => printable(text).replace(/\|/g, '\\|');

/** The flags on types the karyotype does not change (every flag of a normal karyogram). */
function falseFlagsOf(row: KaryogramSurveyRow): KaryogramSurveyRow['flags'] {
  return row.flags.filter((f) => !row.changedTypes.includes(f.type));
}

/**
 * "Karyograms of other labs": one row per karyogram as `npm run -s karyograms` reads it (counts against the
 * known karyotype, false flags with their scores, doubtful centre lines, unreliable types), then the totals
 * the issue's targets are judged by. Empty when no folder was surveyed.
 */
export function renderKaryogramSection(section: KaryogramSection | null): string[] {
  if (section === null) return [];
  const read = section.rows.filter((r) => r.refused === null);
  const falseFlags = read.reduce((sum, r) => sum + falseFlagsOf(r).length, 0);
  const trueFlags = read.reduce((sum, r) => sum + r.flags.length - falseFlagsOf(r).length, 0);
  const countsRight = read.filter((r) => r.countErrors.length === 0).length;
  return [
    '## Karyograms of other labs',
    '',
    `Every karyogram image under \`${cell(section.folder)}\` read as \`analyze\` reads it (\`npm run -s karyograms\`),`,
    'its copies per type compared with its known karyotype (a normal cell of the sex its X and Y show when none',
    'is known). A flag on a type the karyotype does not change structurally is false. How these figures moved',
    'with each imaging and model change: [real-cases.md](real-cases.md).',
    '',
    '| Karyogram | Karyotype | Counts | False flags (score) | Doubtful centre lines | Unreliable types |',
    '|---|---|---|---|---:|---:|',
    ...section.rows.map((r) =>
      r.refused !== null
        ? `| ${cell(r.file)} | ${cell(r.expected ?? 'normal')} | refused: ${cell(r.refused)} | – | – | – |`
        : `| ${cell(r.file)} | ${cell(r.expected ?? 'normal')} | ${r.countErrors.length === 0 ? 'right' : cell(`wrong: ${r.countErrors.join(', ')}`)} | ` +
          `${
            falseFlagsOf(r)
              .map((f) => `${f.type} (${f.score.toFixed(2)})`)
              .join(', ') || 'none'
          } | ${r.doubtful.length} | ${r.unreliable.length} |`,
    ),
    '',
    `${section.rows.length} karyograms, ${read.length} read; every count right in ${countsRight}; ` +
      `**${falseFlags} false structural flags (${(falseFlags / Math.max(1, read.length)).toFixed(2)} per karyogram read)**` +
      `${trueFlags > 0 ? `, ${trueFlags} on changed types` : ''}.`,
    '',
  ];
}
