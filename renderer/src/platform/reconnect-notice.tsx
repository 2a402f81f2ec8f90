/**
 * Tells the user that the connection to the data service dropped and came back (browser mode:
 * the host restarted; Electron: the data service was restarted): a banner while it is down, a
 * toast once the client has reconnected, re-opened its docs and live queries refetched.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { useConnectionState } from '../data/use-connection-state';
import { useToast } from '../ui/toast';

/** The reconnect banner and toast; render once, inside the ToastProvider. */
export function ReconnectNotice(): ReactNode {
  const client = useClient();
  const state = useConnectionState();
  const toast = useToast();
  const shown = useRef(client.reconnects);
  useEffect(() => {
    if (state === 'open' && client.reconnects > shown.current) {
      shown.current = client.reconnects;
      toast(t('data.reconnected'));
    }
  }, [state, client, toast]);
  if (state !== 'reconnecting') return null;
  return (
    // No role="status": the header's connection indicator already announces the state; this is its visible echo.
    <div className="reconnect-banner" data-testid="reconnect-banner">
      <span className="conn-dot" aria-hidden="true" />
      {t('data.reconnecting')}
    </div>
  );
}
