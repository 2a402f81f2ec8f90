/**
 * The data-service connection state, discreet when all is well (a green dot with a quiet
 * label) and visible when the app is connecting, reconnecting, or has lost the service for good
 * (then it offers to reload the window, which asks for a new connection).
 */
import type { ReactNode } from 'react';
import { useConnectionState } from '../data/use-connection-state';
import { t } from '../../../shared/messages';

/** The connection indicator. */
export function ConnectionIndicator(): ReactNode {
  const state = useConnectionState();
  if (state === 'open') {
    return (
      <span className="conn" title={t('ui.shell.connected-tip')} data-state="open">
        <span className="conn-dot" aria-hidden="true" />
        {t('ui.shell.saved-locally')}
      </span>
    );
  }
  if (state === 'disconnected') {
    return (
      <span className="conn conn-warn conn-lost" role="status" data-state={state}>
        <span className="conn-dot" aria-hidden="true" />
        {t('ui.shell.disconnected')}
        <button type="button" className="btn btn-sm" onClick={() => window.location.reload()}>
          {t('ui.shell.reload')}
        </button>
      </span>
    );
  }
  return (
    <span className="conn conn-warn" role="status" data-state={state}>
      <span className="conn-dot" aria-hidden="true" />
      {state === 'connecting' ? t('ui.shell.connecting') : t('ui.shell.reconnecting')}
    </span>
  );
}
