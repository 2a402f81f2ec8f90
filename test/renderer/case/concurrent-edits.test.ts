/**
 * Concurrent-edit detection: two replicas edit the same seizure field at once; each member's side
 * hears the other's audit entry and raises a notice naming who, their value and ours — for the
 * member whose value the merge dropped and for the one whose value it kept. Old edits (beyond the
 * window), own edits, equal values and other fields raise none; a later change to my value resolves it.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { applyAuditEntries, fieldKey, RECENT_EDIT_MS, type EditNotice, type MyValue } from '../../../renderer/src/case/concurrent-edits';

const S1 = '22222222-2222-4222-8222-222222222222';
const ada = { memberId: 'ada', now: () => 10_000 };
const bo = { memberId: 'bo', now: () => 10_001 };
const NOW = 1_000_000;

/**
 * Two replicas of one case. Yjs settles a concurrent set of one key by client id; fixed ids make
 * the merge keep Ada's value (client 2) in every run, instead of a coin toss per run.
 */
function replicas(): [CaseDoc, CaseDoc] {
  const docA = new Y.Doc();
  docA.clientID = 2;
  const docB = new Y.Doc();
  docB.clientID = 1;
  const a = new CaseDoc(docA);
  a.init('11111111-1111-4111-8111-111111111111', 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Ivory' }, ada);
  a.addSeizure(S1, { ...newSeizureFields('2019-07-21'), country: 'SG', commodity: 'elephant ivory', quantity: 8.8, unit: 't' }, ada);
  const b = new CaseDoc(docB);
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
  return [a, b];
}

/** Sends what `from` has that `to` lacks, and returns the audit entries `to` gained. */
function deliver(from: CaseDoc, to: CaseDoc): unknown[] {
  const got: unknown[] = [];
  const stop = to.observeAudit((added) => got.push(...added));
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), 'remote');
  stop();
  return got;
}

describe('concurrent-edit notices', () => {
  it('tells both members of a concurrent edit of one field, whichever value the merge kept', () => {
    const [a, b] = replicas();
    const mineA = new Map<string, MyValue>([[fieldKey(S1, 'quantity'), { value: 9.1, at: NOW }]]);
    const mineB = new Map<string, MyValue>([[fieldKey(S1, 'quantity'), { value: 7.5, at: NOW }]]);
    a.updateSeizure(S1, { quantity: 9.1 }, ada);
    b.updateSeizure(S1, { quantity: 7.5 }, bo);
    const toA = deliver(b, a);
    const toB = deliver(a, b);
    expect([a.getSeizure(S1)!.quantity, b.getSeizure(S1)!.quantity]).toEqual([9.1, 9.1]);
    const noticesA = applyAuditEntries(new Map(), toA, 'ada', mineA, NOW + 1000);
    const noticesB = applyAuditEntries(new Map(), toB, 'bo', mineB, NOW + 1000);
    expect([...noticesA.values()]).toEqual<EditNotice[]>([{ seizureId: S1, field: 'quantity', by: 'bo', at: 10_001, theirs: 7.5, theirsCut: false, mine: 9.1 }]);
    expect([...noticesB.values()]).toEqual<EditNotice[]>([{ seizureId: S1, field: 'quantity', by: 'ada', at: 10_000, theirs: 9.1, theirsCut: false, mine: 7.5 }]);

    // Ada restores Bo's value: her own entry leaves her notice to the button that closes it; Bo's
    // notice is resolved, since his value now holds.
    mineA.set(fieldKey(S1, 'quantity'), { value: 7.5, at: NOW + 2000 });
    const ownA: unknown[] = [];
    const stop = a.observeAudit((added) => ownA.push(...added));
    a.restoreSeizureField(S1, 'quantity', 7.5, ada);
    stop();
    expect(applyAuditEntries(noticesA, ownA, 'ada', mineA, NOW + 2000)).toBe(noticesA);
    expect(applyAuditEntries(noticesB, deliver(a, b), 'bo', mineB, NOW + 2000).size).toBe(0);
    expect([a.getSeizure(S1)!.quantity, b.getSeizure(S1)!.quantity]).toEqual([7.5, 7.5]);
  });

  it('tells a member who is still typing, comparing their text with the value as text', () => {
    const [a, b] = replicas();
    b.updateSeizure(S1, { quantity: 7.5 }, bo);
    const added = deliver(b, a);
    const typing = (text: string) => new Map<string, MyValue>([[fieldKey(S1, 'quantity'), { value: text, at: 0, typing: true }]]);
    expect(applyAuditEntries(new Map(), added, 'ada', typing('9.1'), NOW).get(fieldKey(S1, 'quantity'))).toMatchObject({ by: 'bo', theirs: 7.5, mine: '9.1' });
    expect(applyAuditEntries(new Map(), added, 'ada', typing('7.5'), NOW).size).toBe(0);
  });

  it('tells a member of a colleague\'s bulk set-field that touched the field they are editing', () => {
    const [a, b] = replicas();
    const S2 = '44444444-4444-4444-8444-444444444444';
    a.addSeizure(S2, { ...newSeizureFields('2019-07-22'), country: 'SG', commodity: 'pangolin scales', place: 'Tuas' }, ada);
    deliver(a, b);
    b.updateSeizures([S1, S2], { place: 'Jurong' }, bo);
    const added = deliver(b, a);
    expect(added).toHaveLength(1);
    const mine = new Map<string, MyValue>([[fieldKey(S2, 'place'), { value: 'Pasir Panjang', at: NOW }]]);
    expect([...applyAuditEntries(new Map(), added, 'ada', mine, NOW).values()]).toEqual<EditNotice[]>([{ seizureId: S2, field: 'place', by: 'bo', at: 10_001, theirs: 'Jurong', theirsCut: false, mine: 'Pasir Panjang' }]);
    // A seizure the action did not touch: nothing.
    const other = new Map<string, MyValue>([[fieldKey('55555555-5555-4555-8555-555555555555', 'place'), { value: 'x', at: NOW }]]);
    expect(applyAuditEntries(new Map(), added, 'ada', other, NOW).size).toBe(0);
  });

  it('says nothing for an old edit of mine, my own entries, or another field', () => {
    const [a, b] = replicas();
    b.updateSeizure(S1, { quantity: 7.5, place: 'Jurong' }, bo);
    const added = deliver(b, a);
    const empty = new Map<string, EditNotice>();
    const old = new Map<string, MyValue>([[fieldKey(S1, 'quantity'), { value: 9.1, at: NOW - RECENT_EDIT_MS - 1 }]]);
    expect(applyAuditEntries(empty, added, 'ada', old, NOW)).toBe(empty);
    const recent = new Map<string, MyValue>([[fieldKey(S1, 'commodity'), { value: 'ivory', at: NOW }]]);
    expect(applyAuditEntries(empty, added, 'ada', recent, NOW)).toBe(empty);
    const mineQ = new Map<string, MyValue>([[fieldKey(S1, 'quantity'), { value: 9.1, at: NOW }]]);
    expect(applyAuditEntries(empty, added, 'bo', mineQ, NOW)).toBe(empty); // Bo's own entry
    expect(applyAuditEntries(empty, [null, 3, { action: 'seizure.update', target: S1, changes: 'x' }], 'ada', mineQ, NOW)).toBe(empty);
  });
});
