import type { LabModelSummary } from '../../worker/finetune-api';

const auc = (value: number): string => value.toFixed(3);

/** What a model says it was trained on, in one sentence (the model list and the import review). */
export function trainedOn(model: LabModelSummary): string {
  const t = model.training;
  if (!t) return model.parentId ? `derived from ${model.parentId}` : 'imported';
  return (
    `fine-tuned from ${t.fineTunedFrom} on ${t.cases.tuning} cases (${t.cells.tuning} cells, ` +
    `${t.labelledTypes.abnormal} abnormal and ${t.labelledTypes.normal} normal reviewed types), ` +
    `${t.steps} steps; held-back AUC ${auc(t.heldBack.before.auc)} → ${auc(t.heldBack.after.auc)} ` +
    `on ${t.cases.heldBack} cases`
  );
}
