/**
 * service/renderer-sync/sync-hub.ts: a window's update that would erase a custody hand-over (or
 * another append-only entry), or purge a record its member may not, is refused whole by the data
 * service before it is applied or stored — the tester's forged chain (F-CUST-1) included — while
 * honest appends, corrections and soft deletions pass. Real SyncHub, real case docs written with
 * the real doc helpers, frames through the real codec.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { decodeFrame, FRAME, type DocStatus } from '../../../shared/protocol/frames';
import { SyncHub, type DocSource, type HubPeer } from '../../../service/renderer-sync/sync-hub';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { CaseCustody, readCustodyEntries } from '../../../shared/docs/case-custody';
import { newExhibitFields } from '../../../shared/domain/exhibit';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import type { CustodyFields } from '../../../shared/domain/custody';
import type { MemberRole } from '../../../shared/domain/codes';

const NAME = '00000000-0000-4000-8000-000000000001/case/00000000-0000-4000-8000-000000000002';
const CASE_ID = '00000000-0000-4000-8000-000000000002';
const E1 = '22222222-2222-4222-8222-222222222221';
const S1 = '55555555-5555-4555-8555-555555555551';
const C = (n: number): string => `44444444-4444-4444-8444-${String(n).padStart(12, '0')}`;
const alice = { memberId: 'alice', now: () => 1_780_000_000_000 };

/** A window: its replica of the doc, and the statuses the hub sent it. */
class Window implements HubPeer {
  readonly doc = new Y.Doc();
  readonly statuses: DocStatus[] = [];
  constructor(readonly memberId: string) {}
  send(bytes: Uint8Array): void {
    const f = decodeFrame(bytes);
    if (f.type === FRAME.DOC_STATUS) this.statuses.push(f.status);
  }
}

function transfer(p: Pick<CustodyFields, 'releasedBy' | 'receivedBy' | 'at'> & Partial<CustodyFields>): CustodyFields {
  return { exhibitId: E1, place: 'Mombasa', purpose: 'to lab', sealIntact: true, newSealNumber: '', condition: 'sealed', corrects: null, ...p };
}

/** The service's stored doc (a case with one exhibit, two hand-overs and a seizure), counting stored updates. */
function stored(): { doc: Y.Doc; src: DocSource; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  new CaseDoc(doc).init(CASE_ID, 'BRK-2026-0001', { ...newCaseFields('2026-12-01'), title: 'Red case' }, alice);
  const ex = new CaseExhibits(doc);
  ex.add(E1, { ...newExhibitFields(), description: 'Tusks' }, alice);
  const custody = new CaseCustody(doc);
  custody.record(C(1), transfer({ releasedBy: 'Customs Mombasa', receivedBy: 'KWS Lab', at: 1_764_547_200_000 }), alice, () => true);
  custody.record(C(2), transfer({ releasedBy: 'KWS Lab', receivedBy: 'Prosecutor office', at: 1_764_633_600_000 }), alice, () => true);
  new CaseDoc(doc).addSeizure(S1, { ...newSeizureFields('2026-12-01'), country: 'KE', place: 'Mombasa', commodity: 'elephant ivory', quantity: 3.2, unit: 't' }, alice);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, src: { retain: () => doc, release: () => undefined }, updates };
}

/** A window with the stored doc's state, open on the hub. */
function open(hub: SyncHub, s: ReturnType<typeof stored>, memberId = 'tess'): Window {
  const w = new Window(memberId);
  Y.applyUpdate(w.doc, Y.encodeStateAsUpdate(s.doc));
  hub.open(w, NAME, s.src, false);
  return w;
}

/** Runs `edit` in the window's doc and sends its update to the hub as the window would. */
function edit(hub: SyncHub, w: Window, role: MemberRole, change: (doc: Y.Doc) => void): void {
  const before = Y.encodeStateVector(w.doc);
  w.doc.transact(() => change(w.doc));
  const enc = encoding.createEncoder();
  syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(w.doc, before));
  hub.sync(w, NAME, encoding.toUint8Array(enc), role);
}

const chain = (doc: Y.Doc): string[] => readCustodyEntries(doc).map((e) => `${e.releasedBy} → ${e.receivedBy}`);

describe('SyncHub: erasures from a window are refused before they are applied', () => {
  it("refuses the tester's forged chain whole: nothing applied, nothing stored, the window told to reload", () => {
    const hub = new SyncHub();
    const s = stored();
    const w = open(hub, s);
    edit(hub, w, 'admin', (doc) => {
      const custody = doc.getArray<Record<string, unknown>>('custody');
      const second = custody.get(1);
      custody.delete(0, 1);
      custody.delete(0, 1);
      custody.insert(0, [{ ...second, receivedBy: 'Somebody Else', at: (second.at as number) - 86_400_000 }]);
    });
    expect(chain(s.doc)).toEqual(['Customs Mombasa → KWS Lab', 'KWS Lab → Prosecutor office']);
    expect(s.updates).toHaveLength(0);
    expect(w.statuses).toHaveLength(1);
    expect(w.statuses[0]).toMatchObject({ state: 'rejected', reason: 'append-only' });
    expect(w.statuses[0]!.message).toContain('can never be edited or removed');
  });

  it('refuses deleting one audit entry, and a mixed update (an allowed edit plus a custody deletion) whole', () => {
    const hub = new SyncHub();
    const s = stored();
    const w = open(hub, s);
    const auditBefore = s.doc.getArray('audit').length;
    edit(hub, w, 'admin', (doc) => doc.getArray('audit').delete(0, 1));
    expect(s.doc.getArray('audit').length).toBe(auditBefore);
    const title = (doc: Y.Doc): string => new CaseDoc(doc).readMeta().title;
    edit(hub, w, 'investigator', (doc) => {
      new CaseDoc(doc).updateMeta({ title: 'Renamed' }, alice);
      doc.getArray('custody').delete(1, 1);
    });
    expect(title(s.doc)).toBe('Red case');
    expect(chain(s.doc)).toHaveLength(2);
    expect(s.updates).toHaveLength(0);
    expect(w.statuses.map((x) => x.reason)).toEqual(['append-only', 'append-only']);
  });

  it('lets an honest hand-over, a correction and a soft deletion through, and stores them', () => {
    const hub = new SyncHub();
    const s = stored();
    const w = open(hub, s);
    edit(hub, w, 'investigator', (doc) => {
      const c = new CaseCustody(doc);
      c.record(C(3), transfer({ releasedBy: 'Prosecutor office', receivedBy: 'Court registry', at: 1_764_720_000_000 }), alice, () => true);
      c.record(C(4), transfer({ releasedBy: 'KWS Lab', receivedBy: 'Prosecutor office', at: 1_764_640_000_000, corrects: C(2) }), alice, () => true);
    });
    edit(hub, w, 'investigator', (doc) => new CaseDoc(doc).deleteSeizure(S1, alice));
    expect(w.statuses).toEqual([]);
    expect(chain(s.doc)).toHaveLength(4);
    expect(new CaseDoc(s.doc).getSeizure(S1)).toBeNull();
    expect(s.updates.length).toBe(2);
  });

  it("refuses a whole record's removal unless the member may purge (admins)", () => {
    const hub = new SyncHub();
    const s = stored();
    const w = open(hub, s);
    edit(hub, w, 'investigator', (doc) => doc.getMap('seizures').delete(S1));
    expect(s.doc.getMap('seizures').has(S1)).toBe(true);
    expect(w.statuses[0]).toMatchObject({ state: 'rejected', reason: 'record-removal-denied' });
    const admin = open(hub, s, 'root');
    edit(hub, admin, 'admin', (doc) => doc.getMap('seizures').delete(S1));
    expect(s.doc.getMap('seizures').has(S1)).toBe(false);
    expect(admin.statuses).toEqual([]);
  });
});
