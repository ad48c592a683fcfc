import { useAppStore } from '../state/store';

/** The backend in use and the model id, always visible: results are only as good as what made them. */
export function EngineStatus() {
  const engine = useAppStore((state) => state.engine);
  if (engine.phase === 'starting') return <p role="status">Starting the analysis engine…</p>;
  if (engine.phase === 'failed') {
    return (
      <p role="alert" className="engine-failed">
        The analysis engine could not start: {engine.message}
      </p>
    );
  }
  return (
    <>
      <dl className="engine-status" aria-label="Analysis engine">
        <dt>Backend</dt>
        <dd data-testid="backend-name" title={engine.backend.reason}>
          {engine.backend.name}
          {engine.backend.adapter ? ` (${engine.backend.adapter})` : ''}
        </dd>
        <dt>Model</dt>
        <dd data-testid="model-id">{engine.model ? engine.model.id : 'no model loaded'}</dd>
        {engine.typeClassifier && 'id' in engine.typeClassifier ? (
          <>
            <dt>Type classifier</dt>
            <dd data-testid="classifier-id">{engine.typeClassifier.id}</dd>
          </>
        ) : null}
      </dl>
      {engine.typeClassifier && 'problem' in engine.typeClassifier ? (
        <p role="status" className="engine-recovery" data-testid="classifier-problem">
          No type classifier ({engine.typeClassifier.problem}): metaphase images without their annotation
          cannot be arranged and are refused; karyograms and annotated metaphases are analysed as usual.
        </p>
      ) : null}
      {engine.recovery ? (
        <p role="status" className="engine-recovery" data-testid="engine-recovery">
          {engine.recovery}
        </p>
      ) : null}
      {engine.modelProblem ? (
        <p role="alert" className="engine-failed" data-testid="model-problem">
          No analysis possible: {engine.modelProblem}. Saved cases can still be reviewed and exported.
        </p>
      ) : null}
    </>
  );
}
