import type { CasePlan } from '../../imaging/case-input/case-input-plan';
import type { HomNetModel } from '../../model/homnet-model';
import type { CaseDocument } from '../../pipeline/analysis-json';
import { caseDocument } from '../../pipeline/analysis-json';
import { profileCase } from '../../pipeline/profiles/profile-case-files';
import type { TypeClassifier } from '../../pipeline/profiles/arranged-metaphase-cell';
import { fewCellsText } from '../../pipeline/verdict/few-cells';
import { scoreCase } from '../../pipeline/verdict/score-case';
import { printable } from './printable';

/**
 * Profiles and scores each planned case as the app does, one after the other. On stderr: a progress
 * line per case, an `error:` line per rejected file and a `warning:` line for what the review screen
 * warns about (inverted polarity, p-ter read from the banding, doubtful straightening, few cells), so
 * that the reader of the JSON knows too. Names and messages are {@link printable}: they come from files.
 * A metaphase image without annotation is arranged with `typeClassifier` (refused without one).
 * @returns the cases' JSON documents, and how many files were rejected on the way.
 */
export async function analyzeCases(
  model: HomNetModel,
  cases: readonly CasePlan[],
  typeClassifier?: TypeClassifier,
): Promise<{ documents: CaseDocument[]; rejected: number }> {
  const documents: CaseDocument[] = [];
  let rejected = 0;
  for (const [i, plannedCase] of cases.entries()) {
    process.stderr.write(
      `case ${i + 1}/${cases.length}: ${printable(plannedCase.id)} (${plannedCase.cells.length} cells)\n`,
    );
    const profiled = await profileCase(plannedCase, typeClassifier ? { typeClassifier } : {});
    const scored = await scoreCase(model, profiled);
    for (const error of profiled.errors)
      process.stderr.write(`error: ${printable(error.file)}: ${printable(error.message)}\n`);
    for (const cell of profiled.cells) {
      for (const warning of cell.warnings)
        process.stderr.write(`warning: ${printable(cell.source)}: ${printable(warning)}\n`);
    }
    const fewCells = fewCellsText(profiled.cells.filter((c) => c.chromosomes.length > 0).length);
    if (fewCells) {
      process.stderr.write(
        `warning: ${printable(plannedCase.id)}: ${fewCells} (add the case's other cells to its folder)\n`,
      );
    }
    rejected += profiled.errors.length;
    documents.push(caseDocument(scored));
  }
  return { documents, rejected };
}
