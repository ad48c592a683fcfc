import { useAppStore } from '../state/store';

/** A message for the user: an error (announced at once) or information (announced politely). */
export interface NoticeMessage {
  readonly kind: 'error' | 'info';
  readonly text: string;
}

/** One message with a Dismiss button; the text is shown as text, never as markup. */
export function NoticeBox({
  notice,
  onDismiss,
  testId,
}: {
  notice: NoticeMessage;
  onDismiss: () => void;
  testId: string;
}) {
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      <pre>{notice.text}</pre>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** The last problem or message of the case screens, until dismissed. */
export function Notice() {
  const notice = useAppStore((s) => s.notice);
  const setNotice = useAppStore((s) => s.setNotice);
  if (!notice) return null;
  return (
    <NoticeBox
      notice={notice}
      testId="notice"
      onDismiss={() => {
        setNotice(null);
      }}
    />
  );
}
