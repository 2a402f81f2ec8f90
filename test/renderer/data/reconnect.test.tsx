// @vitest-environment happy-dom
/**
 * The reconnect path against a real data service that is really restarted on the same data
 * folder: while the renderer is cut off, another window changes a case and adds one; when the
 * client reconnects it re-opens its docs (the doc view shows the change made meanwhile) and live
 * queries refetch (the list shows the new case), although the events of those changes were
 * never delivered to it. Also the Electron-style path: `drop()` on a restart notice while the old
 * transport still looks open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import type { Transport } from '../../../shared/protocol/transport';
import { DataService } from '../../../service/data-service';
import { DataClient } from '../../../renderer/src/data/client';
import { useDocView } from '../../../renderer/src/data/use-doc-view';
import { projectionChanged, useLiveQuery } from '../../../renderer/src/data/use-live-query';
import { useConnectionState } from '../../../renderer/src/data/use-connection-state';
import { transportPair } from '../../helpers/transport-pair';
import { caseFixture, withClient, type CaseFixture } from './render-with-client';

let f: CaseFixture | null = null;
let restarted: DataService | null = null;
afterEach(() => {
  restarted?.close();
  restarted = null;
  f?.h.close();
  f = null;
});

/** A client of `service()` (re-read on each reconnect) whose reconnects wait for `gate()` to open. */
function gatedClient(service: () => DataService): { client: DataClient; open: () => void } {
  let release: (() => void) | null = null;
  let opened = false;
  const connect = (): Transport => {
    const [a, b] = transportPair();
    service().connect(a);
    return b;
  };
  const client = new DataClient(connect(), async () => {
    if (!opened) await new Promise<void>((r) => (release = r));
    opened = false;
    return connect();
  });
  return {
    client,
    open: () => {
      opened = true;
      release?.();
    },
  };
}

function useScreen(docName: string, workspaceId: string) {
  const doc = useDocView(docName, CaseDoc);
  return {
    doc,
    // Read during the render (the view reads the live doc): a change here proves a re-render.
    title: doc?.synced ? doc.view.readMeta().title : null,
    cases: useLiveQuery('cases.list', { workspaceId }, { refetchOn: [projectionChanged(workspaceId)] }),
    state: useConnectionState(),
  };
}

describe('reconnect', () => {
  it('re-opens docs and refetches live queries after the data service restarts', async () => {
    f = await caseFixture();
    const { docName, workspaceId, identity, h } = f;
    let current: DataService = h.service;
    const { client, open } = gatedClient(() => current);
    const { result } = renderHook(() => useScreen(docName, workspaceId), { wrapper: withClient(client) });
    await waitFor(() => expect(result.current.doc?.synced && result.current.cases.data?.length === 1).toBe(true));

    // The data service dies; the renderer notices and waits to reconnect.
    h.service.close();
    await waitFor(() => expect(result.current.state).toBe('reconnecting'));
    expect(result.current.doc!.synced).toBe(false);

    // A new service on the same folder; another window changes the case and adds one meanwhile.
    restarted = DataService.open({ mode: 'browser', dataDir: h.dataDir });
    current = restarted;
    const [a, b] = transportPair();
    restarted.connect(a);
    const other = new DataClient(b);
    const r = other.openDoc(docName);
    await r.whenSynced();
    new CaseDoc(r.doc).updateMeta({ title: 'Ivory via Port Klang' }, { memberId: identity.memberId });
    await other.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-12-03'), title: 'Shark fins' } });
    expect(result.current.cases.data?.length).toBe(1);

    open();
    await waitFor(() => expect(result.current.state).toBe('open'));
    await waitFor(() => expect(result.current.title).toBe('Ivory via Port Klang'));
    await waitFor(() => expect(result.current.cases.data?.map((c) => c.title).sort()).toEqual(['Ivory via Port Klang', 'Shark fins']));
    expect(result.current.doc!.synced).toBe(true);
    expect(client.reconnects).toBe(1);

    // The re-opened doc is live again: an edit from the other window arrives.
    new CaseDoc(r.doc).updateMeta({ title: 'Ivory via Tanjung Pelepas' }, { memberId: identity.memberId });
    await waitFor(() => expect(result.current.title).toBe('Ivory via Tanjung Pelepas'));
  });

  it('drop() on a restart notice reconnects while the old transport still looks open', async () => {
    f = await caseFixture();
    const { docName, workspaceId, h, admin } = f;
    const { client, open } = gatedClient(() => h.service);
    const { result } = renderHook(() => useScreen(docName, workspaceId), { wrapper: withClient(client) });
    await waitFor(() => expect(result.current.doc?.synced && result.current.cases.data?.length === 1).toBe(true));

    client.drop();
    expect(client.state).toBe('reconnecting');
    await admin.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-12-03'), title: 'Shark fins' } });
    open();
    await waitFor(() => expect(result.current.cases.data?.length).toBe(2));
    expect(result.current.state).toBe('open');
    expect(result.current.doc!.synced).toBe(true);
    expect(client.reconnects).toBe(1);
  });
});
