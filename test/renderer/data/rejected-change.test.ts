/**
 * The renderer's DataClient when the data service rejects a change (service/renderer-sync/sync-hub.ts):
 * the replica that made it is retired (stops sending, `retired` true, `onRejected` hears the
 * reason), the next open of the doc syncs a fresh replica holding the service's state (the
 * custody chain intact), edits from the fresh replica are saved, and the service's stored chain
 * survives a restart of the workspace. The real data service and the renderer's own client code,
 * over in-memory transports.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { CaseCustody, readCustodyEntries } from '../../../shared/docs/case-custody';
import { newCaseFields } from '../../../shared/domain/case';
import { newExhibitFields } from '../../../shared/domain/exhibit';
import type { CustodyFields } from '../../../shared/domain/custody';
import type { DocStatus } from '../../../shared/protocol/frames';
import { startService, waitFor, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const E1 = '22222222-2222-4222-8222-222222222221';
const C = (n: number): string => `44444444-4444-4444-8444-${String(n).padStart(12, '0')}`;

function transfer(releasedBy: string, receivedBy: string, at: number): CustodyFields {
  return { exhibitId: E1, releasedBy, receivedBy, at, place: 'Mombasa', purpose: 'analysis', sealIntact: true, newSealNumber: '', condition: 'sealed', corrects: null };
}

const chain = (entries: { releasedBy: string; receivedBy: string }[]): string[] => entries.map((e) => `${e.releasedBy} → ${e.receivedBy}`);

describe('DataClient: a change the service rejects', () => {
  it('retires the replica, reopens with the stored chain, and keeps saving honest edits', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'Tess Breaker', agency: 'KWS', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'Break WS', casePrefix: 'BRK', reportingCurrency: 'USD' });
    const created = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-01'), title: 'Red case' } });
    const w = { memberId: me.memberId };
    const rejections: [string, DocStatus][] = [];
    c.onRejected((doc, status) => rejections.push([doc, status]));

    const first = c.openDoc(created.docName);
    await first.whenSynced();
    new CaseExhibits(first.doc).add(E1, { ...newExhibitFields(), description: 'Tusks' }, w);
    const custody = new CaseCustody(first.doc);
    custody.record(C(1), transfer('Customs Mombasa', 'KWS Lab', 1_764_547_200_000), w, () => true);
    custody.record(C(2), transfer('KWS Lab', 'Prosecutor office', 1_764_633_600_000), w, () => true);
    const stored = (): string[] => chain(h!.service.workspace(ws.id).host.with(created.docName, (doc) => readCustodyEntries(doc)));
    await waitFor(() => stored().length === 2, 5000, 'both hand-overs stored');

    // The forgery: both hand-overs deleted and a rewritten copy inserted, in one transaction.
    first.doc.transact(() => {
      const log = first.doc.getArray<Record<string, unknown>>('custody');
      const second = log.get(1);
      log.delete(0, 2);
      log.insert(0, [{ ...second, receivedBy: 'Somebody Else' }]);
    });
    await waitFor(() => first.retired, 5000, 'the replica retired');
    expect(first.status).toMatchObject({ state: 'rejected', reason: 'append-only' });
    expect(rejections).toHaveLength(1);
    expect(rejections[0]![0]).toBe(created.docName);
    expect(stored()).toEqual(['Customs Mombasa → KWS Lab', 'KWS Lab → Prosecutor office']);
    // The retired replica sends nothing more.
    new CaseDoc(first.doc).updateMeta({ title: 'Sent from a retired replica' }, w);

    const fresh = c.openDoc(created.docName);
    expect(fresh).not.toBe(first);
    await fresh.whenSynced();
    expect(fresh.retired).toBe(false);
    expect(chain(readCustodyEntries(fresh.doc))).toEqual(['Customs Mombasa → KWS Lab', 'KWS Lab → Prosecutor office']);
    first.release(); // the last user of the retired replica leaves: the fresh one stays open on the service
    new CaseCustody(fresh.doc).record(C(3), transfer('Prosecutor office', 'Court registry', 1_764_720_000_000), w, () => true);
    await waitFor(() => stored().length === 3, 5000, 'the honest hand-over stored');
    expect(new CaseDoc(fresh.doc).readMeta().title).toBe('Red case');
    const meta = await c.call('cases.get', { workspaceId: ws.id, caseId: created.id });
    expect(meta.title).toBe('Red case');
    fresh.release();
  });
});
