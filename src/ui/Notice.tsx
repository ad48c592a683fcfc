import { useAppStore } from '../state/store';

/** The last problem or message, until dismissed. */
export function Notice() {
  const notice = useAppStore((s) => s.notice);
  const setNotice = useAppStore((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <pre>{notice.text}</pre>
      <button
        type="button"
        onClick={() => {
          setNotice(null);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
