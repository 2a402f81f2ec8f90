/**
 * Workspace settings → "Relay & members": the relay card (admins connect the workspace, see what
 * the relay operator must register, follow the live status, retry, disconnect; other members
 * see the relay and its status read-only), the workspace key card (workspace-key-card.tsx: the
 * public key to hand to a court, every workspace) and the members card (members/members-card.tsx).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { RelayRegistration as Registration } from '../../../shared/rpc/sync';
import { useClient } from '../app/services';
import { useDocumentTitle } from '../hooks/use-document-title';
import { Loading, Notice } from '../ui/states';
import { MembersCard } from '../members/members-card';
import { useSyncStatus } from './use-sync-status';
import { RelayConnectForm } from './relay-connect-form';
import { RelayRegistration } from './relay-registration';
import { RelayStatusPanel } from './relay-status-panel';
import { DocHealthList } from './doc-health-list';
import { WorkspaceKeyCard } from './workspace-key-card';
import { canIn } from '../members/use-can';
import './sync.css';
import './doc-health.css';

/** The Relay & members page of workspace `ws`. */
export function RelayScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  const status = useSyncStatus(ws.id);
  const admin = canIn(ws, 'sync.configure');
  useDocumentTitle(t('sync.page.title', { workspace: ws.name }));

  return (
    <div className="page settings-page">
      <div className="page-header">
        <div className="page-header-text">
          <p className="page-eyebrow">{t('sync.page.eyebrow')}</p>
          <h1>{t('sync.page.heading')}</h1>
          <p className="page-subtitle">
            {admin ? t('sync.page.subtitle-admin') : t('sync.page.subtitle')}
          </p>
        </div>
      </div>
      <section className="card settings-card" aria-labelledby="relay-title">
        <div className="card-header">
          <h2 id="relay-title" className="grow">
            {t('sync.page.relay')}
          </h2>
          {!admin ? <span className="tag">{t('sync.page.read-only')}</span> : null}
        </div>
        <div className="card-body">{status ? <RelayCardBody ws={ws} status={status} admin={admin} /> : <Loading>{t('sync.page.loading')}</Loading>}</div>
      </section>
      <WorkspaceKeyCard workspaceId={ws.id} />
      <MembersCard ws={ws} status={status} />
    </div>
  );
}

function RelayCardBody(props: { ws: WorkspaceSummary; status: NonNullable<ReturnType<typeof useSyncStatus>>; admin: boolean }): ReactNode {
  const { ws, status, admin } = props;
  const client = useClient();
  const [registration, setRegistration] = useState<Registration | null>(null);
  const connected = status.state !== 'off';

  useEffect(() => {
    if (!admin || !connected) return;
    let live = true;
    client.call('sync.registration', { workspaceId: ws.id }).then(
      (r) => live && setRegistration(r),
      () => undefined, // the status panel still shows what is wrong
    );
    return () => {
      live = false;
    };
  }, [client, ws.id, admin, connected]);

  if (!connected) {
    return admin ? (
      <RelayConnectForm workspaceId={ws.id} onConnected={setRegistration} />
    ) : (
      <Notice kind="info">{t('sync.explain.off')}</Notice>
    );
  }
  const needed = status.state === 'refused' || status.lastSyncedAt === null;
  return (
    <>
      {admin && registration ? <RelayRegistration registration={registration} workspaceId={ws.id} open={needed} /> : null}
      <RelayStatusPanel status={status} admin={admin} commandShownAbove={admin && registration !== null && needed} />
      <DocHealthList status={status} />
    </>
  );
}
