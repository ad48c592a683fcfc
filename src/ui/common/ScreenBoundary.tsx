import type { ReactNode } from 'react';
import { Component } from 'react';

interface ScreenBoundaryProps {
  /** The part of the page, as the message names it: "The case view". */
  readonly where: string;
  /** Changes when the part shows something else (another case, screen or type): it then tries again. */
  readonly resetKey: string;
  /** Where to go instead (the worklist, the cases), when there is such a place. */
  readonly back?: { readonly label: string; readonly onBack: () => void };
  readonly children: ReactNode;
}

interface ScreenBoundaryState {
  readonly error: Error | null;
  readonly resetKey: string;
}

/**
 * Keeps a failure of one part of the page in that part: without it, one throw while drawing (a damaged
 * saved case, a bug) unmounts the whole app and leaves a blank page. It shows what failed, with the
 * error's text to report, a way back and Try again; the header, the worklist and the other screens keep
 * working. Only drawing errors reach it (React's rule); actions report theirs in the notice.
 */
export class ScreenBoundary extends Component<ScreenBoundaryProps, ScreenBoundaryState> {
  override state: ScreenBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ScreenBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: ScreenBoundaryProps,
    state: ScreenBoundaryState,
  ): Partial<ScreenBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { where, back } = this.props;
    return (
      <section className="screen-failure" role="alert" data-testid="screen-failure">
        <p>
          <strong>{where} failed</strong>: {error.name}: {error.message}
        </p>
        <p className="muted">
          The rest of the app still works. If this keeps happening with one case, it may be damaged (saved by
          another version, or edited): delete it from the worklist and import or analyse it again.
        </p>
        <div className="screen-failure-actions">
          {back ? (
            <button type="button" onClick={back.onBack}>
              {back.label}
            </button>
          ) : null}
          <button
            type="button"
            onClick={() => {
              this.setState({ error: null });
            }}
          >
            Try again
          </button>
        </div>
      </section>
    );
  }
}
