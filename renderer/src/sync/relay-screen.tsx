/**
 * Workspace settings → "Relay & members": the relay card (admins connect the workspace, see what
 * the relay operator must register, follow the live status, retry, disconnect; other members
 * see the relay and its status read-only) and the members card (members/members-card.tsx).
 */
import { useEffect, useState, type ReactNode } from 'react';
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
import { canIn } from '../members/use-can';
import './sync.css';

/** The Relay & members page of workspace `ws`. */
export function RelayScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  const status = useSyncStatus(ws.id);
  const admin = canIn(ws, 'sync.configure');
  useDocumentTitle(`Relay & members · ${ws.name}`);

  return (
    <div className="page settings-page">
      <div className="page-header">
        <div className="page-header-text">
          <p className="page-eyebrow">Workspace settings</p>
          <h1>Relay &amp; members</h1>
          <p className="page-subtitle">
            {admin ? 'Share this workspace with your task force through its relay, and decide who may open it.' : 'How this workspace is shared, and who else works in it.'}
          </p>
        </div>
      </div>
      <section className="card settings-card" aria-labelledby="relay-title">
        <div className="card-header">
          <h2 id="relay-title" className="grow">
            Relay
          </h2>
          {!admin ? <span className="tag">Read-only: managed by the workspace admins</span> : null}
        </div>
        <div className="card-body">{status ? <RelayCardBody ws={ws} status={status} admin={admin} /> : <Loading>Reading the sync status…</Loading>}</div>
      </section>
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
      <Notice kind="info">This workspace is not shared through a relay: its cases stay on this computer.</Notice>
    );
  }
  const needed = status.state === 'refused' || status.lastSyncedAt === null;
  return (
    <>
      {admin && registration ? <RelayRegistration registration={registration} workspaceId={ws.id} open={needed} /> : null}
      <RelayStatusPanel status={status} admin={admin} commandShownAbove={admin && registration !== null && needed} />
    </>
  );
}
