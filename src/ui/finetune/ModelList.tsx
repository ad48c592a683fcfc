import { deleteLabModel, exportModel, switchModel } from '../../state/model-actions';
import { useAppStore } from '../../state/store';
import type { LabModelSummary } from '../../worker/finetune-api';
import { download } from '../report/download';
import { ImportModel } from './ImportModel';

const auc = (value: number): string => value.toFixed(3);

function trainedOn(model: LabModelSummary): string {
  const t = model.training;
  if (!t) return model.parentId ? `derived from ${model.parentId}` : 'imported';
  return (
    `fine-tuned from ${t.fineTunedFrom} on ${t.cases.tuning} cases (${t.cells.tuning} cells, ` +
    `${t.labelledTypes.abnormal} abnormal and ${t.labelledTypes.normal} normal reviewed types), ` +
    `${t.steps} steps; held-back AUC ${auc(t.heldBack.before.auc)} → ${auc(t.heldBack.after.auc)} ` +
    `on ${t.cases.heldBack} cases`
  );
}

async function saveFile(id: string): Promise<void> {
  const { name, text } = await exportModel(id);
  download(name, new Blob([text], { type: 'application/json' }));
}

/** The shipped model and the lab's own: which one analyses, switch, export, import, delete. */
export function ModelList() {
  const models = useAppStore((s) => s.labModels);
  const shippedId = useAppStore((s) => s.shippedModelId);
  const switching = useAppStore((s) => s.switchingTo);
  // The running fine-tuning scores with the loaded model: it must not be swapped out underneath.
  const training = useAppStore((s) => s.fineTuneJob.phase === 'running');
  const activeId = useAppStore((s) => (s.engine.phase === 'ready' ? (s.engine.model?.id ?? null) : null));
  const activeThreshold = useAppStore((s) =>
    s.engine.phase === 'ready' ? (s.engine.model?.threshold ?? null) : null,
  );
  const rows: { id: string; lab: LabModelSummary | null }[] = [
    ...(shippedId ? [{ id: shippedId, lab: null }] : []),
    ...models.filter((m) => m.id !== shippedId).map((m) => ({ id: m.id, lab: m })),
  ];
  return (
    <section className="model-list" aria-labelledby="models-title">
      <h3 id="models-title">Models</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Made</th>
            <th scope="col">Threshold</th>
            <th scope="col">Trained on</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, lab }) => (
            <tr key={id} data-testid="model-row" data-model={id} className={id === activeId ? 'active' : ''}>
              <th scope="row">
                {id}
                {id === activeId ? <span className="in-use"> (in use)</span> : null}
              </th>
              <td>{lab ? new Date(lab.createdAt).toLocaleString() : 'shipped with the app'}</td>
              <td>
                {lab
                  ? lab.threshold.toFixed(3)
                  : id === activeId && activeThreshold !== null
                    ? activeThreshold.toFixed(3)
                    : ''}
              </td>
              <td>{lab ? trainedOn(lab) : 'the default model'}</td>
              <td className="model-actions">
                <button
                  type="button"
                  disabled={id === activeId || switching !== null || training}
                  onClick={() => void switchModel(lab ? id : null)}
                >
                  {switching === id ? 'Loading…' : 'Use'}
                </button>
                <button
                  type="button"
                  disabled={!lab && id !== activeId}
                  title={!lab && id !== activeId ? 'use it first to export it' : undefined}
                  onClick={() => void saveFile(id)}
                >
                  Export
                </button>
                {lab ? (
                  <button
                    type="button"
                    aria-label={`delete ${id}`}
                    disabled={id === activeId}
                    onClick={() => void deleteLabModel(id)}
                  >
                    Delete
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ImportModel />
    </section>
  );
}
