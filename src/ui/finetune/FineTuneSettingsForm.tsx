import { useId } from 'react';
import { useAppStore } from '../../state/store';
import type { FineTuneSettings } from '../../worker/finetune-api';

interface Field {
  readonly key: keyof FineTuneSettings;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Shown value = stored value × scale (the share is shown in percent). */
  readonly scale: number;
}

const FIELDS: readonly Field[] = [
  { key: 'tuningShare', label: 'Cases fine-tuned on (%)', min: 5, max: 95, scale: 100 },
  { key: 'steps', label: 'Steps (at most)', min: 1, max: 100_000, scale: 1 },
  { key: 'batch', label: 'Bags per step', min: 1, max: 256, scale: 1 },
  { key: 'evaluationBags', label: 'Held-back bags scored', min: 10, max: 10_000, scale: 1 },
  { key: 'earlyStoppingBags', label: 'Early-stopping bags', min: 10, max: 10_000, scale: 1 },
  { key: 'seed', label: 'Seed', min: 0, max: 2 ** 31, scale: 1 },
];

/** The recipe's numbers, open to change (a slow machine may take fewer steps or bags). */
export function FineTuneSettingsForm() {
  const settings = useAppStore((s) => s.fineTuneSettings);
  const setSettings = useAppStore((s) => s.setFineTuneSettings);
  const disabled = useAppStore((s) => s.fineTuneJob.phase === 'running');
  const id = useId();
  return (
    <details className="finetune-settings">
      <summary>Settings (the command line&apos;s recipe unless changed)</summary>
      <fieldset disabled={disabled}>
        {FIELDS.map((field) => (
          <p key={field.key}>
            <label htmlFor={`${id}-${field.key}`}>{field.label}</label>{' '}
            <input
              id={`${id}-${field.key}`}
              type="number"
              min={field.min}
              max={field.max}
              value={Math.round(settings[field.key] * field.scale * 1000) / 1000}
              onChange={(e) => {
                const shown = Number(e.target.value);
                if (!Number.isFinite(shown) || shown < field.min || shown > field.max) return;
                const value = field.scale === 1 ? Math.round(shown) : shown / field.scale;
                setSettings({ [field.key]: value });
              }}
            />
          </p>
        ))}
      </fieldset>
    </details>
  );
}
