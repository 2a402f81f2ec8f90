/**
 * Error boundaries: a fault while drawing one part of the window (a bug, or data from another
 * replica that a view did not expect) shows an error panel in that part only — what could not be
 * shown, the error's message, "Try again" and "Reload window" — instead of unmounting the whole
 * app and leaving a white window. The rest of the window (sidebar, header, other cards) keeps
 * working. Used around each routed screen, each case tab, each overview card and each dialog.
 *
 * React catches only errors thrown while rendering (and in lifecycle methods); event handlers
 * report their own errors next to the control, as before.
 */
import { Component, type ReactNode } from 'react';
import { Icon } from './icons';
import { t } from '../../../shared/messages';

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  children: ReactNode;
  /** The panel's title: what could not be shown, e.g. "This part of the case could not be shown". */
  title?: string;
  /**
   * When this changes, a shown error is cleared and the children are drawn again (e.g. the route
   * or the tab, so that going elsewhere recovers without a reload).
   */
  resetKey?: string;
  /** Adds a "Close" button that calls this (for dialogs: the user can get rid of the broken part). */
  onDismiss?: () => void;
  /** Extra class of the panel (e.g. "card" inside a card grid). */
  className?: string;
}

interface ErrorBoundaryState {
  failed: boolean;
  error: unknown;
  resetKey: string | undefined;
}

/** The message of anything thrown, for the panel. */
export function faultMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** Contains rendering faults of its children; see the module comment. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  constructor(props: ErrorBoundaryProps) {
    super(props);
    this.state = { failed: false, error: null, resetKey: props.resetKey };
  }

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    if (props.resetKey !== state.resetKey) return { failed: false, error: null, resetKey: props.resetKey };
    return null;
  }

  private readonly retry = (): void => {
    this.setState({ failed: false, error: null });
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <FaultPanel title={this.props.title ?? t('ui.common.fault-title')} error={this.state.error} onRetry={this.retry} onDismiss={this.props.onDismiss} className={this.props.className} />;
  }
}

/** The panel shown in place of a part that failed to draw. */
export function FaultPanel(props: { title: string; error: unknown; onRetry: () => void; onDismiss?: (() => void) | undefined; className?: string | undefined }): ReactNode {
  return (
    <div className={`alert fault-panel${props.className ? ` ${props.className}` : ''}`} role="alert" data-testid="fault-panel">
      <Icon name="alert" />
      <div className="grow">
        <p className="alert-title">{props.title}</p>
        <p className="fault-message">{faultMessage(props.error)}</p>
        <p className="fault-note">{t('ui.common.fault-note')}</p>
        <div className="fault-actions">
          <button type="button" className="btn btn-sm" onClick={props.onRetry}>
            {t('ui.common.try-again')}
          </button>
          <button type="button" className="btn btn-sm" onClick={() => window.location.reload()}>
            {t('ui.common.reload-window')}
          </button>
          {props.onDismiss ? (
            <button type="button" className="btn btn-sm" onClick={props.onDismiss}>
              {t('ui.common.close')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
