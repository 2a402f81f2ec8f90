/**
 * A window that opens a case before it is on this computer (a member following a link to a case
 * created moments ago on another desktop) waits for it: the service answers `waiting`, drops the
 * window's sync frames without an error, and opens the doc the moment the relay delivers it; the
 * window then syncs and shows the case. Before, it got "document … is not open on this connection"
 * and never recovered.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { caseDocName } from '../../../shared/docs/names';
import { newCaseFields } from '../../../shared/domain/case';
import { FRAME, decodeFrame, encodeFrame, type DocStatus } from '../../../shared/protocol/frames';
import { RELAY_ORIGIN } from '../../../service/relay-sync/relay-doc-link';
import { t } from '../../../shared/messages';
import { startService, waitFor, type Harness } from '../../helpers/service';
import { transportPair } from '../../helpers/transport-pair';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

/** A workspace with a member, and the update of a case created "elsewhere" (not stored here). */
async function setup(): Promise<{ workspaceId: string; name: string; update: Uint8Array; title: string }> {
  h = startService();
  const c = h.client();
  const memberId = (await c.call('identity.create', { name: 'Ana Ruiz', agency: 'Customs', role: 'admin' })).memberId;
  const ws = await c.call('workspaces.create', { name: 'Task Force', casePrefix: 'TF', reportingCurrency: 'USD' });
  const caseId = crypto.randomUUID();
  const title = 'Pangolin scales via Lagos';
  const elsewhere = new Y.Doc();
  new CaseDoc(elsewhere).init(caseId, 'TF-2026-0099', { ...newCaseFields('2026-12-07'), title }, { memberId });
  return { workspaceId: ws.id, name: caseDocName(ws.id, caseId), update: Y.encodeStateAsUpdate(elsewhere), title };
}

/** Stores `update` in the service as the relay sync engine does when a doc arrives. */
function arrive(workspaceId: string, name: string, update: Uint8Array): void {
  h!.service.workspace(workspaceId).host.with(name, (doc) => Y.applyUpdate(doc, update, RELAY_ORIGIN));
}

function step1(doc: string): Uint8Array {
  const e = encoding.createEncoder();
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  return encodeFrame({ type: FRAME.DOC_SYNC, doc, payload: encoding.toUint8Array(e) });
}

describe('opening a case that has not arrived yet', () => {
  it('waits, then syncs the case when the relay delivers it', async () => {
    const { workspaceId, name, update, title } = await setup();
    const c = h!.client();
    const r = c.openDoc(name);
    const states: string[] = [];
    r.onChange(() => states.push(r.status?.state ?? 'none'));
    await waitFor(() => r.status?.state === 'waiting', 2000, 'the waiting status');
    expect(r.status?.message).toBe(t('service.doc.waiting'));
    expect(r.synced).toBe(false);

    arrive(workspaceId, name, update);
    await r.whenSynced();
    expect(r.status?.state).toBe('open');
    expect(new CaseDoc(r.doc).readMeta().title).toBe(title);
    expect(states).not.toContain('error');
    // And it is live: an edit in the window reaches the service's copy.
    new CaseDoc(r.doc).updateMeta({ title: `${title} (2)` }, { memberId: 'x' });
    await waitFor(() => h!.service.workspace(workspaceId).host.with(name, (d) => new CaseDoc(d).readMeta().title) === `${title} (2)`, 2000, 'the edit at the service');
  });

  it('answers a window’s sync frames for a waited-for doc with nothing, and forgets the wait when it closes the doc', async () => {
    const { workspaceId, name, update } = await setup();
    const [a, b] = transportPair();
    h!.service.connect(a);
    const statuses: DocStatus[] = [];
    const syncs: string[] = [];
    b.onmessage = (bytes) => {
      const f = decodeFrame(bytes);
      if (f.type === FRAME.DOC_STATUS) statuses.push(f.status);
      if (f.type === FRAME.DOC_SYNC) syncs.push(f.doc);
    };
    b.postMessage(encodeFrame({ type: FRAME.DOC_OPEN, doc: name }));
    b.postMessage(step1(name));
    b.postMessage(step1(name));
    await waitFor(() => statuses.length >= 1, 2000, 'the waiting status');
    await new Promise((res) => setTimeout(res, 20));
    expect(statuses.map((s) => s.state)).toEqual(['waiting']);

    b.postMessage(encodeFrame({ type: FRAME.DOC_CLOSE, doc: name }));
    await new Promise((res) => setTimeout(res, 20));
    arrive(workspaceId, name, update);
    await new Promise((res) => setTimeout(res, 50));
    expect(statuses.map((s) => s.state)).toEqual(['waiting']);
    expect(syncs).toEqual([]);
  });

  it('still answers an error for a doc of a workspace that is not on this computer', async () => {
    await setup();
    const c = h!.client();
    const r = c.openDoc(caseDocName(crypto.randomUUID(), crypto.randomUUID()));
    await waitFor(() => r.status !== null, 2000, 'a status');
    expect(r.status?.state).toBe('error');
  });
});
