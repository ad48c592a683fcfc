import { notRunSection } from './ablations';
import { renderBudgets } from './budgets';
import { renderLabReports } from './by-lab';
import { renderCellCounts } from './cell-counts';
import type { EvaluationFigures, SetRoc } from './evaluation-figures';
import { renderKaryogramSection } from './karyogram-section';
import type { RocCurve } from './report';
import { renderLengthGroups, resultsTable, rocSvg } from './report';

/** The results table of the sets whose names start with `prefix` ("image", "oblique", "profile"). */
function tableOf(figures: EvaluationFigures, prefix: string): string {
  const chosen = figures.sets.flatMap((n, i) => (n.startsWith(`${prefix} `) ? [i] : []));
  return resultsTable(
    chosen.map((i) => figures.sets[i] ?? ''),
    figures.methods.map((r) => ({ method: r.method, figures: chosen.map((i) => r.figures[i] ?? null) })),
  );
}

/** Colour-blind-safe colours (Okabe–Ito): HomNet darker than LR, subtle sets orange, standard blue. */
function curveOf(roc: SetRoc): RocCurve {
  const subtle = roc.set.endsWith('subtle');
  const colour = roc.method === 'HomNet' ? (subtle ? '#d55e00' : '#0072b2') : subtle ? '#e69f00' : '#56b4e9';
  return { label: `${roc.method}, ${roc.set}`, colour, points: roc.points };
}

/** The ROC plot docs/evaluation.md shows, as a standalone SVG. */
export function renderRocPlot(figures: EvaluationFigures): string {
  return rocSvg(figures.rocs.map(curveOf));
}

/**
 * docs/evaluation.md: how the sets were made, the results tables, recall per kind, false flags, the
 * sections by lab, length group, cell count and training budget. `rocFile` is the plot's file name,
 * linked from the page.
 */
export function renderEvaluation(figures: EvaluationFigures, rocFile: string): string {
  const f = figures;
  return [
    '# Evaluation of the shipped HomNet model',
    '',
    `Model \`${f.modelId}\` (threshold ${f.threshold.toFixed(3)}), ${f.validationCases} validation cases of \`${f.dataDir}\` held out by case`,
    `(seed ${f.seed}; no cell of a validation case was seen in training). ${f.bagsPerSet} bags per set, half of them abnormal.`,
    '',
    '- **image** sets: changes cut into the crop images of one homolog in every cell of the bag, then the cells go through',
    "  the whole image pipeline again (what a real derivative would look like to the tool), cut along the crop's rows",
    '  (**image**) or along slanted lines (**oblique**);',
    "- **profile** sets: the training sampler's own profile-level changes (appendix A.1), on validation cases.",
    '- **standard**: pieces of 12–40 % of the length (all five kinds, Robertsonian included); **subtle**: 5–10 %',
    '  deletions, duplications, insertions, inversions and balanced translocations.',
    '',
    'AUC and F1 in %, "abnormal" the positive class; F1 at the shipped threshold (LR: 0.5; each ablation model at its own',
    "manifest threshold), and the best F1 over thresholds. Rows below LR are the paper's Table 4 ablations, each a model",
    'trained for it (`--ablation`); "w/o Pair" models see one homolog per cell, fed as both homologs.',
    '',
    '### Changes cut along the rows of the crop',
    '',
    tableOf(f, 'image'),
    '',
    '### Changes cut along slanted lines (10–25°), a generator training never uses',
    '',
    `Training cuts its changes into crops along their rows (the shipped model: ${f.shippedChanges}), as the sets above do, on other cases and draws.`,
    'Here the crop is turned, cut and turned back, so the seams cross the chromosome obliquely; one homolog of',
    'every normal pair is turned there and back too, so that the resampling alone tells nothing.',
    '',
    tableOf(f, 'oblique'),
    '',
    "### Changes made on the profiles (the training sampler's own)",
    '',
    tableOf(f, 'profile'),
    '',
    `Paper (Pki-3 with artificial abnormalities, Table 3): HomNet AUC 75.71 / F1 64.04; LR 60.82 / 53.79.`,
    '',
    '## Recall per kind at the shipped threshold (image sets)',
    '',
    '| Kind | Recall |',
    '|---|---:|',
    ...f.recall.map(
      (r) => `| ${r.kind} | ${r.found}/${r.total} (${((100 * r.found) / r.total).toFixed(1)} %) |`,
    ),
    '',
    '## False flags on the real validation cases',
    '',
    `The ${f.falseFlags.cases} validation cases are real and, like every pki3 case, normal. Scored as the app and \`analyze\``,
    'score a case (every cell; a pair with a folded or hooked homolog left out while another cell has a pair',
    'without that doubt), each type at or above the threshold is a false flag a reviewer has to look at.',
    '',
    '| Cases | Flagged types | Cases without a flag | Per case, median | Per case, most |',
    '|---:|---:|---:|---:|---:|',
    `| ${f.falseFlags.cases} | ${f.falseFlags.flags} | ${f.falseFlags.none} | ${f.falseFlags.median} | ${f.falseFlags.max} |`,
    '',
    ...renderLabReports(f.labs, f.threshold, f.thresholdRule),
    ...renderKaryogramSection(f.karyograms),
    `![ROC curves](${rocFile})`,
    '',
    ...renderLengthGroups(f.lengthGroups),
    ...renderCellCounts(f.cellCounts),
    ...renderBudgets(f.budgets),
    ...notRunSection(f.notRun),
  ].join('\n');
}
