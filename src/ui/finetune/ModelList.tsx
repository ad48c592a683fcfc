import { deleteLabModel, exportModel, switchModel } from '../../state/model-actions';
import { useAppStore } from '../../state/store';
import type { LabModelSummary } from '../../worker/finetune-api';
import { download } from '../report/download';
import { ImportModel } from './ImportModel';
import { trainedOn } from './trained-on';

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
  // Lab entries under the shipped model's id, stored by versions that let a file take it: never loaded
  // (the shipped model is), but listed so that they can be deleted.
  const storedCopies = models.filter((m) => m.id === shippedId);
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
          {storedCopies.map((copy) => (
            <tr key={`stored-copy-${copy.sha256}`} data-testid="stored-copy-row" data-model={copy.id}>
              <th scope="row">
                {copy.id} <span className="stored-copy">(stored copy)</span>
              </th>
              <td>{new Date(copy.createdAt).toLocaleString()}</td>
              <td>{copy.threshold.toFixed(3)}</td>
              <td>
                stored by an earlier version under the shipped model&apos;s id; it is never used, the shipped
                model is
              </td>
              <td className="model-actions">
                <button
                  type="button"
                  aria-label={`delete the stored copy of ${copy.id}`}
                  onClick={() => void deleteLabModel(copy.id)}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ImportModel />
    </section>
  );
}
