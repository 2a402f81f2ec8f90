/**
 * Field history: the values one field had, who set each and when, read from the audit log; a
 * restore is a new attributed change that appears in the history; concurrent edits of one field
 * by two members both stay in the history whichever value the merge kept; damaged and old entries
 * are read without throwing.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { AUDIT_VALUE_MAX } from '../../../shared/docs/case-audit';
import { fieldHistory, isRestorable } from '../../../shared/docs/field-history';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const S1 = '22222222-2222-4222-8222-222222222222';
const S2 = '44444444-4444-4444-8444-444444444444';
const at = (memberId: string, ms: number) => ({ memberId, now: () => ms });

function newCase(): CaseDoc {
  const cd = new CaseDoc(new Y.Doc());
  cd.init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Ivory via Singapore' }, at('alice', 1000));
  cd.addSeizure(S1, { ...newSeizureFields('2019-07-21'), country: 'SG', commodity: 'elephant ivory', quantity: 8.8, unit: 't' }, at('alice', 1000));
  cd.addSeizure(S2, { ...newSeizureFields('2019-07-21'), country: 'SG', commodity: 'pangolin scales', quantity: 12, unit: 't' }, at('alice', 1000));
  return cd;
}

describe('fieldHistory', () => {
  it('lists the values a seizure field had, oldest first, with who and when', () => {
    const cd = newCase();
    cd.updateSeizure(S1, { quantity: 9.1 }, at('bob', 2000));
    cd.updateSeizure(S2, { quantity: 13 }, at('bob', 2500)); // another seizure: not in S1's history
    cd.updateSeizure(S1, { quantity: 9.4, place: 'Jurong' }, at('carol', 3000));
    cd.updateSeizure(S1, { place: 'Pasir Panjang' }, at('carol', 4000)); // another field
    expect(fieldHistory(cd.readAudit(), S1, 'quantity', { by: 'alice', at: 1000 })).toEqual([
      { kind: 'initial', value: 8.8, known: true, cut: false, by: 'alice', at: 1000 },
      { kind: 'change', value: 9.1, from: 8.8, known: true, cut: false, by: 'bob', at: 2000 },
      { kind: 'change', value: 9.4, from: 9.1, known: true, cut: false, by: 'carol', at: 3000 },
    ]);
    expect(fieldHistory(cd.readAudit(), S1, 'commodity')).toEqual([]);
  });

  it('restores a past value as a new attributed change, deleting nothing', () => {
    const cd = newCase();
    cd.updateSeizure(S1, { quantity: 9.1 }, at('bob', 2000));
    expect(cd.restoreSeizureField(S1, 'quantity', 8.8, at('carol', 3000))).toBe(true);
    expect(cd.getSeizure(S1)).toMatchObject({ quantity: 8.8, updatedBy: 'carol', updatedAt: 3000 });
    expect(cd.readAudit().at(-1)).toEqual({ at: 3000, by: 'carol', action: 'seizure.restore', target: S1, fields: ['quantity'], changes: { quantity: { from: 9.1, to: 8.8 } } });
    expect(fieldHistory(cd.readAudit(), S1, 'quantity').map((v) => [v.kind, v.value, v.by])).toEqual([
      ['initial', 8.8, ''],
      ['change', 9.1, 'bob'],
      ['restore', 8.8, 'carol'],
    ]);
    expect(cd.restoreSeizureField(S1, 'quantity', 8.8, at('carol', 3100))).toBe(false); // already that value: nothing written
    expect(cd.readAudit()).toHaveLength(5);
    expect(() => cd.restoreSeizureField(S1, 'quantity', -1, at('carol', 3200))).toThrow(/quantity/);
  });

  it('restores a case field and reads its history (meta: target null)', () => {
    const cd = newCase();
    cd.updateMeta({ title: 'Ivory and scales' }, at('bob', 2000));
    cd.restoreMetaField('title', 'Ivory via Singapore', at('alice', 3000));
    expect(cd.readMeta().title).toBe('Ivory via Singapore');
    expect(fieldHistory(cd.readAudit(), null, 'title').map((v) => [v.kind, v.value, v.from, v.by])).toEqual([
      ['initial', 'Ivory via Singapore', undefined, ''],
      ['change', 'Ivory and scales', 'Ivory via Singapore', 'bob'],
      ['restore', 'Ivory via Singapore', 'Ivory and scales', 'alice'],
    ]);
  });

  it('keeps both members’ values of a concurrent edit, whichever the merge kept', () => {
    const a = newCase();
    const b = new CaseDoc(new Y.Doc());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.updateSeizure(S1, { quantity: 9.1 }, at('alice', 2000));
    b.updateSeizure(S1, { quantity: 7.5 }, at('bob', 2001));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
    const kept = a.getSeizure(S1)!.quantity;
    expect(b.getSeizure(S1)!.quantity).toBe(kept);
    for (const r of [a, b]) {
      expect(fieldHistory(r.readAudit(), S1, 'quantity').map((v) => [v.value, v.from, v.by])).toEqual([
        [8.8, undefined, ''],
        [9.1, 8.8, 'alice'],
        [7.5, 8.8, 'bob'],
      ]);
    }
    // The member whose value lost restores it from the history: both replicas then hold it.
    const loser = kept === 9.1 ? { doc: b, value: 7.5 } : { doc: a, value: 9.1 };
    loser.doc.restoreSeizureField(S1, 'quantity', loser.value, at('bob', 5000));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
    expect([a.getSeizure(S1)!.quantity, b.getSeizure(S1)!.quantity]).toEqual([loser.value, loser.value]);
  });

  it('reads old entries without values as unknown, not restorable, and skips damaged entries', () => {
    const log: unknown[] = [
      null,
      'text',
      { at: 1500, by: 'dave', action: 'seizure.update', target: S1, fields: ['quantity'] },
      { at: 'soon', by: 7, action: 'seizure.update', target: S1, changes: { quantity: { to: 3 } } },
      { at: 1600, by: 'eve', action: 'seizure.update', target: S1, changes: { quantity: 'nonsense' } },
      { at: 1700, by: 'eve', action: 'seizure.update', target: S1, changes: [1, 2] },
      { at: 1800, by: 'eve', action: 'seizure.update', target: S1, changes: { quantity: { from: 3, to: { deep: [Infinity] } } } },
    ];
    const h = fieldHistory(log, S1, 'quantity');
    expect(h).toEqual([
      { kind: 'change', value: 3, known: true, cut: false, by: '', at: 0 },
      { kind: 'change', value: null, known: false, cut: false, by: 'dave', at: 1500 },
      { kind: 'change', value: { deep: [Infinity] }, from: 3, known: true, cut: false, by: 'eve', at: 1800 },
    ]);
    expect(h.map(isRestorable)).toEqual([true, false, true]);
  });

  it('does not offer a cut value for restoring', () => {
    const cd = newCase();
    cd.updateSeizure(S1, { notes: 'n'.repeat(AUDIT_VALUE_MAX + 1) }, at('bob', 2000));
    cd.updateSeizure(S1, { notes: 'short' }, at('bob', 3000));
    const h = fieldHistory(cd.readAudit(), S1, 'notes');
    expect(h.map((v) => [v.kind, v.cut, isRestorable(v)])).toEqual([
      ['initial', false, true],
      ['change', true, false],
      ['change', false, true],
    ]);
  });
});
