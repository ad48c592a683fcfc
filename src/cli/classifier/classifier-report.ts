import type { ClassifierManifest } from '../../model/type-classifier/classifier-file';
import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import type { ClassifierFigures } from './classifier-figures';

const percent = (value: number): string => (Number.isNaN(value) ? '–' : (100 * value).toFixed(1));

/** The Markdown report `train:classifier` writes beside the model and prints. */
export function renderClassifierReport(input: {
  readonly manifest: ClassifierManifest;
  readonly figures: ClassifierFigures;
  /** The same figures on some training cells: the gap to validation shows over-fitting. */
  readonly trainingFigures: ClassifierFigures;
  readonly trainingMinutes: number;
}): string {
  const { manifest, figures: f, trainingFigures: t } = input;
  const lines = [
    `# Type classifier \`${manifest.id}\``,
    '',
    `Trained in ${input.trainingMinutes.toFixed(1)} min. Validation: ${f.cells} cells of held-out patients, ` +
      `${f.chromosomes} annotated chromosomes (${f.cleanChromosomes} standing free with a sound centre line).`,
    '',
    '| Figure (%) | validation | training cells |',
    '| --- | ---: | ---: |',
    `| first choice right, all chromosomes | ${percent(f.firstChoiceAccuracy)} | ${percent(t.firstChoiceAccuracy)} |`,
    `| after the cell's assignment, all chromosomes | ${percent(f.assignedAccuracy)} | ${percent(t.assignedAccuracy)} |`,
    `| first choice right, free and sound | ${percent(f.cleanFirstChoiceAccuracy)} | ${percent(t.cleanFirstChoiceAccuracy)} |`,
    `| after the assignment, free and sound | ${percent(f.cleanAssignedAccuracy)} | ${percent(t.cleanAssignedAccuracy)} |`,
    `| cells with every type's copies as annotated | ${percent(f.exactCountCells)} | ${percent(t.exactCountCells)} |`,
    `| cells with XX / XY read as annotated | ${percent(f.sexRight)} | ${percent(t.sexRight)} |`,
    '',
    'After the assignment, per type (validation, %):',
    '',
    `| ${CHROMOSOME_TYPES.join(' | ')} |`,
    `| ${CHROMOSOME_TYPES.map(() => '---:').join(' | ')} |`,
    `| ${f.byType.map(percent).join(' | ')} |`,
    '',
    'Most frequent confusions after the assignment (annotated → assigned: chromosomes):',
    '',
    ...f.confusions.map((c) => `- ${c.truth} → ${c.assigned}: ${c.count}`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
