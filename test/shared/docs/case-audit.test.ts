/**
 * The audit log's values: updates carry old → new per changed field (seizures and case fields),
 * long values are cut with a marker, deletions keep what the record was, and entries of any
 * shape (old ones without values, damaged ones) are still read.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { AUDIT_VALUE_MAX, capValue, isAuditEntry } from '../../../shared/docs/case-audit';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const S1 = '22222222-2222-4222-8222-222222222222';
const R1 = '33333333-3333-4333-8333-333333333333';
const alice = { memberId: 'alice', now: () => 1_700_000_000_000 };
const bob = { memberId: 'bob', now: () => 1_700_000_100_000 };

function ivory(): SeizureFields {
  return { ...newSeizureFields('2019-07-21'), country: 'SG', place: 'Pasir Panjang', commodity: 'elephant ivory', quantity: 8.8, unit: 't' };
}

function newCase(): CaseDoc {
  const cd = new CaseDoc(new Y.Doc());
  cd.init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Ivory via Singapore' }, alice);
  cd.addSeizure(S1, ivory(), alice);
  return cd;
}

describe('audit values', () => {
  it('records old and new values of each changed seizure field, and only of changed ones', () => {
    const cd = newCase();
    cd.updateSeizure(S1, { quantity: 9.1, place: 'Pasir Panjang', seizingAgencies: ['ICA', 'NParks'] }, bob);
    expect(cd.readAudit().at(-1)).toEqual({
      at: 1_700_000_100_000,
      by: 'bob',
      action: 'seizure.update',
      target: S1,
      fields: ['quantity', 'seizingAgencies'],
      changes: { quantity: { from: 8.8, to: 9.1 }, seizingAgencies: { from: [], to: ['ICA', 'NParks'] } },
    });
  });

  it('records case field changes with old and new values', () => {
    const cd = newCase();
    cd.updateMeta({ title: 'Ivory and scales via Singapore', status: 'open' }, bob);
    expect(cd.readAudit().at(-1)).toEqual({
      at: 1_700_000_100_000,
      by: 'bob',
      action: 'case.update',
      fields: ['title'],
      changes: { title: { from: 'Ivory via Singapore', to: 'Ivory and scales via Singapore' } },
    });
  });

  it('cuts a long text to the maximum and marks it, so the log stays small', () => {
    const cd = newCase();
    const long = 'x'.repeat(AUDIT_VALUE_MAX + 300);
    cd.updateSeizure(S1, { notes: long }, bob);
    const c = cd.readAudit().at(-1)!.changes!.notes!;
    expect(c).toEqual({ from: '', to: 'x'.repeat(AUDIT_VALUE_MAX), toCut: true });
    expect(capValue(['a'.repeat(AUDIT_VALUE_MAX)])).toEqual({ value: `["${'a'.repeat(AUDIT_VALUE_MAX - 2)}`, cut: true });
    expect(capValue(Number.NaN)).toEqual({ value: null, cut: false });
    expect(capValue(undefined)).toEqual({ value: null, cut: false });
  });

  it('keeps the deleted seizure and route in the deletion entry', () => {
    const cd = newCase();
    cd.addRoutes([{ id: R1, fields: { name: 'Mombasa to Singapore', points: [[-4.05, 39.67], [1.27, 103.76]], notes: '' } }], alice);
    cd.deleteSeizure(S1, bob);
    cd.deleteRoute(R1, bob);
    const log = cd.readAudit();
    expect(log.at(-3)).toEqual({ at: 1_700_000_000_000, by: 'alice', action: 'route.add', count: 1, target: R1 });
    expect(log.at(-2)).toEqual({
      at: 1_700_000_100_000,
      by: 'bob',
      action: 'seizure.delete',
      target: S1,
      summary: { commodity: 'elephant ivory', quantity: 8.8, unit: 't', seizureDate: '2019-07-21', country: 'SG', place: 'Pasir Panjang' },
    });
    expect(log.at(-1)).toEqual({ at: 1_700_000_100_000, by: 'bob', action: 'route.delete', target: R1, summary: { name: 'Mombasa to Singapore' } });
    expect(cd.getSeizureEvenDeleted(S1)?.commodity).toBe('elephant ivory');
    expect(cd.routeName(R1)).toBe('Mombasa to Singapore');
  });

  it('reads old entries without values, and leaves out entries whose changes are not an object', () => {
    expect(isAuditEntry({ at: 1, by: 'a', action: 'seizure.update', target: S1, fields: ['quantity'] })).toBe(true);
    expect(isAuditEntry({ at: 1, by: 'a', action: 'seizure.update', changes: 'quantity' })).toBe(false);
    expect(isAuditEntry({ at: 1, by: 'a', action: 'seizure.update', changes: [1] })).toBe(false);
    expect(isAuditEntry({ at: 1, by: 'a', action: 'seizure.delete', summary: { commodity: 'ivory' } })).toBe(true);
  });

  it('reports the entries a remote transaction inserted, wherever they land in the log', () => {
    const a = newCase();
    const b = new CaseDoc(new Y.Doc());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    const seen: { actions: string[]; origin: unknown }[] = [];
    const stop = b.observeAudit((added, origin) => seen.push({ actions: added.map((e) => (e as { action: string }).action), origin }));
    a.updateSeizure(S1, { quantity: 1 }, alice);
    a.updateSeizure(S1, { quantity: 2 }, alice);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), 'remote');
    stop();
    expect(seen).toEqual([{ actions: ['seizure.update', 'seizure.update'], origin: 'remote' }]);
  });
});
