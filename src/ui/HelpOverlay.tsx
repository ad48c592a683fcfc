import { useAppStore } from '../state/store';
import { SHORTCUTS } from './keyboard';

/** The `?` overlay: every keyboard shortcut. */
export function HelpOverlay() {
  const show = useAppStore((s) => s.showHelp);
  const setShowHelp = useAppStore((s) => s.setShowHelp);
  if (!show) return null;
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="help-title"
      data-testid="help-overlay"
    >
      <div className="overlay-box">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button
          type="button"
          autoFocus
          onClick={() => {
            setShowHelp(false);
          }}
        >
          Close
        </button>
      </div>
    </div>
  );
}
