/**
 * The data-service connection and whether this workspace's changes are on disk, discreet when all
 * is well (a green dot and "Saved locally") and visible otherwise: connecting, reconnecting, the
 * service lost for good (then it offers to reload the window), or changes the disk refused
 * (e.g. the disk is full: they are held in memory and retried; a "Retry now" button writes them
 * as soon as space is freed). "Saved locally" is shown only when the service reports every
 * change of the workspace written (storage.status), never merely because it is connected.
 */
import type { ReactNode } from 'react';
import { useConnectionState } from '../data/use-connection-state';
import { useLiveQuery } from '../data/use-live-query';
import { useClient } from '../app/services';
import { t } from '../../../shared/messages';

/** The connection and storage indicator; `workspaceId` null outside a workspace (nothing to save). */
export function ConnectionIndicator(props: { workspaceId: string | null }): ReactNode {
  const state = useConnectionState();
  const ws = props.workspaceId;
  const storage = useLiveQuery('storage.status', ws && state === 'open' ? { workspaceId: ws } : null, {
    refetchOn: [{ event: 'storage.status', when: (s) => s.workspaceId === ws }],
  });
  const client = useClient();
  if (state === 'open') {
    const s = storage.data;
    if (s && !s.saved) {
      return (
        <span className="conn conn-warn conn-lost" role="alert" data-state="open" data-storage="unsaved" title={t('ui.shell.unsaved-tip', { error: s.error ?? '' })}>
          <span className="conn-dot" aria-hidden="true" />
          {t('ui.shell.unsaved', { count: s.unsaved })}
          <button type="button" className="btn btn-sm" onClick={() => void client.call('storage.retry', { workspaceId: s.workspaceId }).then(() => storage.reload(), () => storage.reload())}>
            {t('ui.shell.retry-save')}
          </button>
        </span>
      );
    }
    const saved = Boolean(s?.saved);
    return (
      <span className="conn" title={t(saved ? 'ui.shell.saved-tip' : 'ui.shell.connected-tip')} data-state="open" data-storage={saved ? 'saved' : 'unknown'}>
        <span className="conn-dot" aria-hidden="true" />
        {t(saved ? 'ui.shell.saved-locally' : 'ui.shell.connected')}
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
