import { useId, useState } from 'react';
import type { ChromosomeType } from '../../shared/chromosome-types';
import type { KaryogramChromosomeView } from '../../worker/analysis-api';
import { chromosomeName } from './arranged-chromosome-text';
import { typeFromInput } from './arranged-karyogram-layout';

/** What can be done to the selected chromosome: move it by typing a type, exclude, split or join it. */
export function SelectedActions({
  chromosome,
  joining,
  busy,
  onMove,
  onReject,
  onExclude,
  onSplit,
  onJoin,
  onCancel,
  onDeselect,
}: {
  chromosome: KaryogramChromosomeView;
  joining: boolean;
  busy: boolean;
  onMove: (to: ChromosomeType) => void;
  onReject: (message: string) => void;
  onExclude: () => void;
  onSplit: () => void;
  onJoin: () => void;
  onCancel: () => void;
  onDeselect: () => void;
}) {
  const [text, setText] = useState('');
  const inputId = useId();
  const name = chromosomeName(chromosome);
  const submit = (): void => {
    const to = typeFromInput(text);
    if (to === null) {
      onReject(`"${text.trim()}" is no chromosome type: type 1 to 22, X or Y.`);
      return;
    }
    onMove(to);
  };
  if (joining)
    return (
      <div className="arranged-actions" role="group" aria-label={`Joining ${name}`}>
        <span>Joining {name}: pick the other chromosome.</span>
        <button type="button" onClick={onCancel}>
          Cancel join
        </button>
      </div>
    );
  return (
    <div
      className="arranged-actions"
      role="group"
      aria-label={`Selected: ${name}`}
      data-testid="arranged-actions"
    >
      <span>
        Selected: <strong>{name}</strong>
      </span>
      <label htmlFor={inputId}>Move to type</label>
      {/* Selecting a chromosome is mostly for typing its type: the field takes the keys at once. */}
      <input
        id={inputId}
        autoFocus
        className="arranged-move-input"
        value={text}
        size={3}
        disabled={busy}
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onDeselect();
          }
        }}
      />
      <button type="button" disabled={busy || text.trim() === ''} onClick={submit}>
        Move
      </button>
      {chromosome.typeDoubt !== undefined ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            onMove(chromosome.type);
          }}
        >
          Confirm type {chromosome.type}
        </button>
      ) : null}
      <button type="button" disabled={busy} onClick={onExclude}>
        Exclude
      </button>
      {chromosome.splittable ? (
        <button type="button" disabled={busy || !chromosome.axisPicture} onClick={onSplit}>
          Split…
        </button>
      ) : null}
      {chromosome.joinable ? (
        <button type="button" disabled={busy} onClick={onJoin}>
          Join with…
        </button>
      ) : null}
      <button type="button" onClick={onDeselect}>
        Deselect
      </button>
    </div>
  );
}
