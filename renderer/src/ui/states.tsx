/**
 * Empty, loading and error states, so every screen says what is happening and what to do next.
 */
import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';
import { RpcError } from '../data/rpc-error';
import { t } from '../../../shared/messages';

/** An empty state: icon, title, what to do next, and actions. */
export function EmptyState(props: { icon: IconName; title: string; children?: ReactNode; actions?: ReactNode }): ReactNode {
  return (
    <div className="empty">
      <div className="empty-icon">
        <Icon name={props.icon} size={22} />
      </div>
      <h3>{props.title}</h3>
      {props.children ? <p>{props.children}</p> : null}
      {props.actions ? <div className="empty-actions">{props.actions}</div> : null}
    </div>
  );
}

/** A spinner. */
export function Spinner(props: { large?: boolean; label?: string }): ReactNode {
  return <span className={`spinner${props.large ? ' spinner-lg' : ''}`} role="status" aria-label={props.label ?? t('ui.common.loading')} />;
}

/** A loading block with a message. */
export function Loading(props: { children?: ReactNode; full?: boolean }): ReactNode {
  return (
    <div className={`loading${props.full ? ' loading-full' : ''}`}>
      <span className="spinner" aria-hidden="true" />
      <span role="status">{props.children ?? t('ui.common.loading-text')}</span>
    </div>
  );
}

/** The title and detail of any error, using the catalogue sentence for data-service errors. */
export function describeError(err: unknown): { title: string; detail: string } {
  if (err instanceof RpcError) return { title: err.title, detail: err.message !== err.title ? err.message : '' };
  if (err instanceof Error) return { title: t('ui.common.something-wrong'), detail: err.message };
  return { title: t('ui.common.something-wrong'), detail: String(err) };
}

/** An inline alert for an error, with an optional retry. */
export function ErrorPanel(props: { error: unknown; onRetry?: () => void; title?: string }): ReactNode {
  const { title, detail } = describeError(props.error);
  return (
    <div className="alert" role="alert">
      <Icon name="alert" />
      <div className="grow">
        <p className="alert-title">{props.title ?? title}</p>
        {detail ? <p>{detail}</p> : null}
      </div>
      {props.onRetry ? (
        <button type="button" className="btn btn-sm" onClick={props.onRetry}>
          {t('ui.common.try-again')}
        </button>
      ) : null}
    </div>
  );
}

/** A non-error notice (info, warning, success). */
export function Notice(props: { kind: 'info' | 'warning' | 'success'; icon?: IconName; children: ReactNode }): ReactNode {
  return (
    <div className={`alert alert-${props.kind}`}>
      <Icon name={props.icon ?? (props.kind === 'success' ? 'check' : 'info')} />
      <div className="grow">{props.children}</div>
    </div>
  );
}
