import { useState } from 'react';
import type { ModelFileReview } from '../../state/model-actions';
import { importModelFile } from '../../state/model-actions';
import { useAppStore } from '../../state/store';
import type { CollisionChoice } from '../../worker/finetune/model-import-plan';
import { trainedOn } from './trained-on';

/**
 * A checked model file before it is stored: what its manifest claims (none of it verified), what its
 * checksum does and does not prove, and, when its id is already one of the lab's models, the choice
 * between replacing that model, keeping both and cancelling. Nothing is replaced without a click.
 */
export function ImportReview({ review, onClose }: { review: ModelFileReview; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const existing = useAppStore((s) =>
    review.plan.kind === 'ask' ? s.labModels.find((m) => m.id === review.claims.id) : undefined,
  );
  const { claims, plan } = review;
  const store = (choice?: CollisionChoice) => {
    setBusy(true);
    void importModelFile(review, choice).finally(onClose);
  };
  return (
    <section
      className="import-review"
      role="dialog"
      aria-labelledby="import-review-title"
      data-testid="import-review"
    >
      <h4 id="import-review-title">
        Import {claims.id} from {review.name}?
      </h4>
      <p>What the file claims (the app cannot verify any of it):</p>
      <dl className="import-claims">
        <dt>Model</dt>
        <dd data-testid="claim-id">{claims.id}</dd>
        <dt>Derived from</dt>
        <dd data-testid="claim-parent">{claims.parentId ?? 'not stated'}</dd>
        <dt>Made</dt>
        <dd data-testid="claim-made">{new Date(claims.createdAt).toLocaleString()}</dd>
        <dt>Threshold</dt>
        <dd data-testid="claim-threshold">{claims.threshold.toFixed(3)}</dd>
        <dt>Trained on</dt>
        <dd data-testid="claim-training">
          {claims.training ? trainedOn(claims) : 'the file states no training facts'}
        </dd>
        <dt>Weights checksum</dt>
        <dd data-testid="claim-sha">{claims.sha256.slice(0, 16)}…</dd>
      </dl>
      <p className="import-integrity">
        Its weights match their checksum, but the checksum only shows that the file arrived intact, not who
        made it or whether the claims above are true: anyone can change a model&apos;s weights and compute a
        new checksum. Check the model on cases you know before using it.
      </p>
      {plan.kind === 'ask' ? (
        <p className="import-collision">
          The lab already has a model named {plan.existingId}
          {existing
            ? ` (made ${new Date(existing.createdAt).toLocaleString()}, weights checksum ${existing.sha256.slice(0, 16)}…)`
            : ''}
          . Nothing is replaced unless you choose to.
          {plan.canReplace ? '' : ' It is the model in use: switch to another one before replacing it.'}
        </p>
      ) : null}
      <p className="import-actions">
        {plan.kind === 'ask' ? (
          <>
            <button
              type="button"
              disabled={busy || !plan.canReplace}
              onClick={() => {
                store('replace');
              }}
            >
              Replace {plan.existingId}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                store('keep-both');
              }}
            >
              Keep both (import as {plan.keepBothId})
            </button>
          </>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              store();
            }}
          >
            Import {plan.id}
          </button>
        )}
        <button type="button" disabled={busy} autoFocus onClick={onClose}>
          Cancel
        </button>
      </p>
    </section>
  );
}
