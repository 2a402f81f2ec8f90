/**
 * Links between cases (issue 12 item 7): a link names another case, a relation and a reason; it is
 * validated (no link to the case itself, none twice to the same case, a reason required, a known
 * relation), attributed and audited, edited only in its relation and reason, and removed as a
 * mark the history keeps. Concurrent links from two replicas both survive.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseLinkedCases } from '../../../shared/docs/case-linked-cases';
import { newCaseFields } from '../../../shared/domain/case';
import { NestError } from '../../../shared/errors';
import { judgeErasure, summariseDeletions } from '../../../shared/permissions';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const THIRD = '33333333-3333-4333-8333-333333333333';
const L = (n: number): string => `44444444-4444-4444-8444-${String(n).padStart(12, '0')}`;
const alice = { memberId: 'alice', now: () => 1_780_000_000_000 };
const bob = { memberId: 'bob', now: () => 1_780_000_100_000 };

function newCase(): Y.Doc {
  const doc = new Y.Doc();
  new CaseDoc(doc).init(OWN, 'NEST-2026-0001', { ...newCaseFields('2026-12-01'), title: 'Pangolin scales via Lagos' }, alice);
  return doc;
}

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof NestError ? (e.messageRef?.id ?? e.code) : String(e);
  }
  return undefined;
};

describe('CaseLinkedCases', () => {
  it('links another case with a relation and a reason, attributed and audited', () => {
    const doc = newCase();
    const links = new CaseLinkedCases(doc);
    const l = links.add(L(1), OWN, { caseId: OTHER, relation: 'same-shipment', reason: 'Same container MSKU 123456-7 in both bills of lading' }, alice);
    expect(l).toMatchObject({ id: L(1), caseId: OTHER, relation: 'same-shipment', reason: 'Same container MSKU 123456-7 in both bills of lading', createdBy: 'alice', createdAt: 1_780_000_000_000 });
    expect(links.list().map((x) => x.caseId)).toEqual([OTHER]);
    const last = new CaseDoc(doc).readAudit().at(-1)!;
    expect(last).toMatchObject({ action: 'caseLink.add', target: L(1), by: 'alice' });
  });

  it('refuses a link to the case itself, a second link to the same case, an empty reason and an unknown relation, writing nothing', () => {
    const doc = newCase();
    const links = new CaseLinkedCases(doc);
    const before = new CaseDoc(doc).readAudit().length;
    expect(codeOf(() => links.add(L(1), OWN, { caseId: OWN, relation: 'other', reason: 'x' }, alice))).toBe('case-link.self');
    expect(codeOf(() => links.add(L(1), OWN, { caseId: OWN.toUpperCase(), relation: 'other', reason: 'x' }, alice))).toBe('case-link.self');
    links.add(L(2), OWN, { caseId: OTHER, relation: 'same-network', reason: 'Same broker' }, alice);
    expect(codeOf(() => links.add(L(3), OWN, { caseId: OTHER.toUpperCase(), relation: 'follow-up', reason: 'Again' }, alice))).toBe('case-link.exists');
    expect(codeOf(() => links.add(L(4), OWN, { caseId: THIRD, relation: 'same-network', reason: '' }, alice))).toBe('validation');
    expect(codeOf(() => links.add(L(5), OWN, { caseId: THIRD, relation: 'cousins' as never, reason: 'x' }, alice))).toBe('validation');
    expect(codeOf(() => links.add(L(6), OWN, { caseId: 'not-a-case', relation: 'other', reason: 'x' }, alice))).toBe('validation');
    expect(links.list().map((x) => x.id)).toEqual([L(2)]);
    expect(new CaseDoc(doc).readAudit().length).toBe(before + 1);
  });

  it('edits the relation and reason, and removes a link as a mark the history keeps; the case can then be linked again', () => {
    const doc = newCase();
    const links = new CaseLinkedCases(doc);
    links.add(L(1), OWN, { caseId: OTHER, relation: 'parallel', reason: 'Kenyan investigation' }, alice);
    expect(links.update(L(1), { relation: 'same-suspects', reason: 'Same two couriers' }, bob).sort()).toEqual(['reason', 'relation']);
    expect(links.get(L(1))).toMatchObject({ relation: 'same-suspects', reason: 'Same two couriers', updatedBy: 'bob' });
    links.delete(L(1), bob);
    expect(links.list()).toEqual([]);
    expect(links.get(L(1))).toBeNull();
    expect(links.get(L(1), true)).toMatchObject({ caseId: OTHER, reason: 'Same two couriers' });
    const audit = new CaseDoc(doc).readAudit().slice(-2);
    expect(audit.map((a) => a.action)).toEqual(['caseLink.update', 'caseLink.delete']);
    expect(audit[1]!.summary).toMatchObject({ caseId: OTHER, relation: 'same-suspects', reason: 'Same two couriers' });
    expect(links.add(L(2), OWN, { caseId: OTHER, relation: 'follow-up', reason: 'Reopened' }, alice).caseId).toBe(OTHER);
  });

  it('keeps concurrent links from two replicas, and a removed link is a soft deletion the deletion rules let through', () => {
    const a = newCase();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    new CaseLinkedCases(a).add(L(1), OWN, { caseId: OTHER, relation: 'same-network', reason: 'Broker A' }, alice);
    new CaseLinkedCases(b).add(L(2), OWN, { caseId: THIRD, relation: 'same-network', reason: 'Broker A again' }, bob);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(new CaseLinkedCases(a).list().map((l) => l.caseId).sort()).toEqual([OTHER, THIRD]);
    const before = Y.encodeStateVector(a);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(a));
    new CaseLinkedCases(a).delete(L(1), alice);
    const update = Y.encodeStateAsUpdate(a, before);
    const summary = summariseDeletions(copy, update);
    expect([...summary.flagged]).toEqual([`caseLinks/${L(1)}`]);
    expect(judgeErasure('investigator', summary)).toBeNull();
    // Removing the record whole is a purge: refused to an investigator.
    const purge = new Y.Doc();
    Y.applyUpdate(purge, Y.encodeStateAsUpdate(copy));
    const sv = Y.encodeStateVector(purge);
    purge.getMap('caseLinks').delete(L(2));
    expect(judgeErasure('investigator', summariseDeletions(copy, Y.encodeStateAsUpdate(purge, sv)))).toBe('record-removal-denied');
  });
});
