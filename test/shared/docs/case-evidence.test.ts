/**
 * The evidence parts of a case doc: attached files (metadata, deletion is a mark, `references`),
 * exhibits (numbering, duplicate numbers from concurrent creation shown and renumbered), the
 * custody log (append-only: the helpers offer no edit or removal, corrections chain, concurrent
 * appends all survive) and the timeline events.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseFiles } from '../../../shared/docs/case-files';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { CaseCustody, readCustodyEntries } from '../../../shared/docs/case-custody';
import { custodyTimelineEvents } from '../../../shared/docs/custody-timeline';
import { exhibitReferences, newExhibitFields } from '../../../shared/domain/exhibit';
import type { CustodyFields } from '../../../shared/domain/custody';
import { newCaseFields } from '../../../shared/domain/case';
import { NestError } from '../../../shared/errors';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const E1 = '22222222-2222-4222-8222-222222222221';
const E2 = '22222222-2222-4222-8222-222222222222';
const F1 = '33333333-3333-4333-8333-333333333331';
const C = (n: number): string => `44444444-4444-4444-8444-${String(n).padStart(12, '0')}`;
const HASH = 'a'.repeat(64);
const alice = { memberId: 'alice', now: () => 1_780_000_000_000 };
const bob = { memberId: 'bob', now: () => 1_780_000_100_000 };

function newCase(): Y.Doc {
  const doc = new Y.Doc();
  new CaseDoc(doc).init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Ivory' }, alice);
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function transfer(p: Partial<CustodyFields> & Pick<CustodyFields, 'releasedBy' | 'receivedBy' | 'at'>): CustodyFields {
  return { exhibitId: E1, place: 'Port Klang', purpose: 'to lab', sealIntact: true, newSealNumber: '', condition: 'sealed', corrects: null, ...p };
}

describe('CaseFiles', () => {
  it('adds metadata with author and time, audits it, and deletion is a mark', () => {
    const doc = newCase();
    const files = new CaseFiles(doc);
    const f = files.add(F1, { hash: HASH, size: 12, mediaType: 'image/png', name: 'bag.png' }, alice);
    expect(f).toEqual({ id: F1, hash: HASH, size: 12, mediaType: 'image/png', name: 'bag.png', addedBy: 'alice', addedAt: 1_780_000_000_000, deleted: false });
    expect(files.references(HASH)).toBe(true);
    expect(files.references('b'.repeat(64))).toBe(false);
    files.remove(F1, bob);
    expect(files.list()).toEqual([]);
    expect(files.get(F1)?.deleted).toBe(true);
    expect(files.references(HASH)).toBe(false);
    expect(new CaseDoc(doc).readAudit().map((a) => a.action)).toEqual(['case.create', 'file.add', 'file.delete']);
    expect(() => files.remove(F1, bob)).toThrow(NestError);
  });

  it('refuses a bad hash and writes nothing', () => {
    const files = new CaseFiles(newCase());
    expect(() => files.add(F1, { hash: 'XYZ', size: 1, mediaType: 'text/plain', name: 'a' }, alice)).toThrow(NestError);
    expect(files.all()).toEqual([]);
  });
});

describe('CaseExhibits', () => {
  it('numbers exhibits 1, 2 … and never reuses a deleted one’s number', () => {
    const ex = new CaseExhibits(newCase());
    expect(ex.add(E1, { ...newExhibitFields(), description: 'Tusk 1' }, alice).number).toBe(1);
    ex.remove(E1, alice);
    expect(ex.add(E2, { ...newExhibitFields(), description: 'Tusk 2' }, alice).number).toBe(2);
    expect(ex.list().map((e) => e.id)).toEqual([E2]);
  });

  it('concurrent creation on two machines: both survive, the duplicate is shown, renumbering resolves it', () => {
    const a = newCase();
    const b = new Y.Doc();
    sync(a, b);
    new CaseExhibits(a).add(E1, { ...newExhibitFields(), description: 'Tusk' }, alice);
    new CaseExhibits(b).add(E2, { ...newExhibitFields(), description: 'Scale' }, bob);
    sync(a, b);
    const list = new CaseExhibits(a).list();
    expect(list.map((e) => e.number)).toEqual([1, 1]);
    const refs = exhibitReferences('NEST-2026-0001', list);
    expect(refs.get(E1)).toEqual({ reference: 'NEST-2026-0001/EX-001', duplicate: true });
    expect(new CaseExhibits(b).renumber(E2, bob)).toBe(2);
    sync(a, b);
    const after = exhibitReferences('NEST-2026-0001', new CaseExhibits(a).list());
    expect(after.get(E1)).toEqual({ reference: 'NEST-2026-0001/EX-001', duplicate: false });
    expect(after.get(E2)).toEqual({ reference: 'NEST-2026-0001/EX-002', duplicate: false });
  });

  it('updates fields with old → new in the audit; refuses bad fields', () => {
    const doc = newCase();
    const ex = new CaseExhibits(doc);
    ex.add(E1, { ...newExhibitFields(), description: 'Tusk', sealNumber: 'S-1' }, alice);
    expect(ex.update(E1, { status: 'at-lab', sealNumber: 'S-1' }, bob)).toEqual(['status']);
    expect(ex.get(E1)).toMatchObject({ status: 'at-lab', updatedBy: 'bob' });
    const last = new CaseDoc(doc).readAudit().at(-1)!;
    expect(last).toMatchObject({ action: 'exhibit.update', target: E1, changes: { status: { from: 'in-custody', to: 'at-lab' } } });
    expect(() => ex.update(E1, { status: 'lost' as never }, bob)).toThrow(NestError);
  });
});

describe('CaseCustody', () => {
  function withExhibit(): { doc: Y.Doc; custody: CaseCustody; exists: (id: string) => boolean } {
    const doc = newCase();
    const ex = new CaseExhibits(doc);
    ex.add(E1, { ...newExhibitFields(), description: 'Tusk' }, alice);
    return { doc, custody: new CaseCustody(doc), exists: (id) => ex.get(id) !== null };
  }

  it('appends entries stamped with the recorder; a correction chains and both stay', () => {
    const { doc, custody, exists } = withExhibit();
    custody.record(C(1), transfer({ releasedBy: 'Tan', receivedBy: 'Lem', at: 1 }), alice, exists);
    custody.record(C(2), transfer({ releasedBy: 'Lim', receivedBy: 'Ng', at: 2 }), alice, exists);
    expect(custody.chain(E1).issues.map((i) => i.kind)).toEqual(['gap']);
    custody.record(C(3), transfer({ releasedBy: 'Tan', receivedBy: 'Lim', at: 1, corrects: C(1) }), { memberId: 'bob', now: () => 1_780_000_000_001 }, exists);
    const chain = custody.chain(E1, 'Ng');
    expect(chain.issues).toEqual([]);
    expect(chain.links.map((l) => [l.entry.id, l.replaces.map((r) => r.id)])).toEqual([[C(3), [C(1)]], [C(2), []]]);
    expect(readCustodyEntries(doc).map((e) => [e.id, e.recordedBy])).toEqual([[C(1), 'alice'], [C(2), 'alice'], [C(3), 'bob']]);
    expect(new CaseDoc(doc).readAudit().slice(-3).map((a) => a.action)).toEqual(['custody.record', 'custody.record', 'custody.correct']);
  });

  it('refuses an unknown exhibit, a duplicate id and a correction of an entry not in the exhibit’s log', () => {
    const { custody, exists } = withExhibit();
    custody.record(C(1), transfer({ releasedBy: 'Tan', receivedBy: 'Lim', at: 1 }), alice, exists);
    expect(() => custody.record(C(2), transfer({ releasedBy: 'a', receivedBy: 'b', at: 1, exhibitId: E2 }), alice, exists)).toThrow(/does not exist/);
    expect(() => custody.record(C(1), transfer({ releasedBy: 'a', receivedBy: 'b', at: 1 }), alice, exists)).toThrow(/already exists/);
    expect(() => custody.record(C(3), transfer({ releasedBy: 'a', receivedBy: 'b', at: 1, corrects: C(9) }), alice, exists)).toThrow(/not in this exhibit/);
    expect(custody.entries()).toHaveLength(1);
  });

  it('offers no way to edit or remove an entry: the view has only read methods and record()', () => {
    const names = Object.getOwnPropertyNames(CaseCustody.prototype).filter((n) => n !== 'constructor').sort();
    expect(names).toEqual(['audit', 'chain', 'entries', 'log', 'record']);
  });

  it('concurrent appends on two machines all survive', () => {
    const { doc: a, exists } = withExhibit();
    const b = new Y.Doc();
    sync(a, b);
    new CaseCustody(a).record(C(1), transfer({ releasedBy: 'Tan', receivedBy: 'Lim', at: 1 }), alice, exists);
    new CaseCustody(b).record(C(2), transfer({ releasedBy: 'Lim', receivedBy: 'Ng', at: 2 }), bob, () => true);
    sync(a, b);
    expect(new CaseCustody(a).chain(E1).links.map((l) => l.entry.id)).toEqual([C(1), C(2)]);
    expect(new CaseCustody(b).chain(E1).links.map((l) => l.entry.id)).toEqual([C(1), C(2)]);
  });

  it('skips entries of the wrong shape written by a peer', () => {
    const { doc, custody, exists } = withExhibit();
    doc.getArray('custody').push([{ id: 'x' }, 'junk', null]);
    custody.record(C(1), transfer({ releasedBy: 'Tan', receivedBy: 'Lim', at: 1 }), alice, exists);
    expect(custody.entries().map((e) => e.id)).toEqual([C(1)]);
  });
});

describe('custodyTimelineEvents', () => {
  it('lists exhibit creations and hand-overs in force, oldest first, corrections marked', () => {
    const doc = newCase();
    const ex = new CaseExhibits(doc);
    ex.add(E1, { ...newExhibitFields(), description: 'Tusk' }, alice);
    const custody = new CaseCustody(doc);
    const exists = (id: string): boolean => ex.get(id) !== null;
    // Recorded after the hand-overs happened (a hand-over dated in the recorder's future is refused).
    const later = (memberId: string) => ({ memberId, now: () => 1_780_001_000_000 });
    custody.record(C(1), transfer({ releasedBy: 'Tan', receivedBy: 'Lem', at: 1_780_000_500_000 }), later('alice'), exists);
    custody.record(C(2), transfer({ releasedBy: 'Tan', receivedBy: 'Lim', at: 1_780_000_400_000, corrects: C(1) }), later('bob'), exists);
    expect(custodyTimelineEvents(doc)).toEqual([
      { kind: 'exhibit-created', at: 1_780_000_000_000, exhibitId: E1, reference: 'NEST-2026-0001/EX-001', description: 'Tusk', by: 'alice' },
      { kind: 'custody-transfer', at: 1_780_000_400_000, exhibitId: E1, reference: 'NEST-2026-0001/EX-001', entryId: C(2), releasedBy: 'Tan', receivedBy: 'Lim', place: 'Port Klang', corrected: true },
    ]);
  });
});

describe('CaseCustody.record refusals (tester F-CUST-3)', () => {
  it('refuses a hand-over dated in the future of the writer’s clock or to the releaser, writing nothing', () => {
    const doc = newCase();
    const ex = new CaseExhibits(doc);
    ex.add(E1, { ...newExhibitFields(), description: 'Tusk' }, alice);
    const custody = new CaseCustody(doc);
    const exists = (id: string): boolean => ex.get(id) !== null;
    const audit = doc.getArray('audit').length;
    expect(() => custody.record(C(1), transfer({ releasedBy: 'Tan', receivedBy: 'Lim', at: 1_780_000_000_000 + 3_600_000 }), alice, exists)).toThrow(
      expect.objectContaining({ code: 'validation', messageRef: { id: 'custody.future' } }),
    );
    expect(() => custody.record(C(2), transfer({ releasedBy: 'Tan', receivedBy: ' tan', at: 1_779_999_000_000 }), alice, exists)).toThrow(
      expect.objectContaining({ code: 'validation', messageRef: { id: 'custody.self-handover' } }),
    );
    expect(custody.entries()).toEqual([]);
    expect(doc.getArray('audit').length).toBe(audit);
    custody.record(C(3), transfer({ releasedBy: 'Tan', receivedBy: 'Lim', at: 1_780_000_000_000 + 60_000 }), alice, exists);
    expect(custody.entries().map((e) => e.id)).toEqual([C(3)]);
  });
});
