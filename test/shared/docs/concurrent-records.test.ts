/**
 * Issue 9, item 5: records created from several places at once must merge field by field. Two
 * admins register the same new case in the workspace index (and the same member) while apart,
 * each then edits a different field; after they exchange updates, both edits are there, whichever
 * peer's Yjs client id is higher. With the index stored as one nested Y.Map per record, the
 * concurrent `map.set(id, new Y.Map())` let one whole map win and the other admin's edit vanished.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Member } from '../../../shared/domain/member';
import { WorkspaceDoc, type CaseIndexEntry } from '../../../shared/docs/workspace-doc';

const CASE_ID = '0b7d4a52-8a3c-4f3e-9d3e-2f6c1a9b8e01';
const founder: Member = { id: 'admin-a', name: 'Ana', agency: 'Customs', role: 'admin', joinedAt: 1 } as Member;
const entry: CaseIndexEntry = { id: CASE_ID, number: 'TFA-2026-0001', title: 'Timber', status: 'open', sector: 'forestry', tlp: 'AMBER', createdBy: 'inv-1', createdAt: 1 };

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Two replicas of one initialised workspace doc with the given Yjs client ids. */
function twoAdmins(idA: number, idB: number): { a: WorkspaceDoc; b: WorkspaceDoc } {
  const da = new Y.Doc();
  da.clientID = idA;
  const db = new Y.Doc();
  db.clientID = idB;
  const a = new WorkspaceDoc(da);
  a.init({ id: '5c7d4a52-8a3c-4f3e-9d3e-2f6c1a9b8e99', name: 'TF', casePrefix: 'TFA', reportingCurrency: 'USD' }, founder, { memberId: 'admin-a', now: () => 1 });
  const b = new WorkspaceDoc(db);
  sync(da, db);
  return { a, b };
}

describe('concurrent creation of the same record', () => {
  for (const [idA, idB] of [
    [1, 2],
    [2, 1],
  ] as const) {
    it(`the case index keeps both admins' edits (client ids ${idA}/${idB})`, () => {
      const { a, b } = twoAdmins(idA, idB);
      a.upsertCase(entry, { memberId: 'admin-a' });
      a.upsertCase({ ...entry, status: 'closed' }, { memberId: 'admin-a' });
      b.upsertCase(entry, { memberId: 'admin-b' });
      b.upsertCase({ ...entry, title: 'Timber from Myanmar' }, { memberId: 'admin-b' });
      b.setCaseAccess(CASE_ID, { agencies: ['Customs'], members: [] }, { memberId: 'admin-b' });
      sync(a.doc, b.doc);
      for (const side of [a, b]) {
        expect(side.getCase(CASE_ID)).toMatchObject({ status: 'closed', title: 'Timber from Myanmar', access: { agencies: ['Customs'], members: [] } });
        expect(side.caseAccess(CASE_ID)).toEqual({ agencies: ['Customs'], members: [] });
        expect(side.listCases().map((c) => c.id)).toEqual([CASE_ID]);
      }
    });

    it(`a member record keeps both admins' edits (client ids ${idA}/${idB})`, () => {
      const { a, b } = twoAdmins(idA, idB);
      const m: Member = { id: 'inv-9', name: 'Ivo', agency: 'Police', role: 'investigator', joinedAt: 5 } as Member;
      a.upsertMember(m, { memberId: 'admin-a' });
      a.upsertMember({ ...m, role: 'prosecutor' }, { memberId: 'admin-a' });
      b.upsertMember(m, { memberId: 'admin-b' });
      b.upsertMember({ ...m, agency: 'Interpol' }, { memberId: 'admin-b' });
      sync(a.doc, b.doc);
      for (const side of [a, b]) expect(side.getMember('inv-9')).toMatchObject({ role: 'prosecutor', agency: 'Interpol' });
    });
  }

  it('reads records written in the old nested layout, and writes over them field by field', () => {
    const doc = new Y.Doc();
    const wd = new WorkspaceDoc(doc);
    const old = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(entry)) old.set(k, v);
    old.set('access', { agencies: ['Police'], members: [] });
    doc.getMap('cases').set(CASE_ID, old);
    expect(wd.getCase(CASE_ID)).toMatchObject({ title: 'Timber', access: { agencies: ['Police'], members: [] } });
    expect(wd.caseAccess(CASE_ID)).toEqual({ agencies: ['Police'], members: [] });
    wd.upsertCase({ ...entry, title: 'Timber 2' }, { memberId: 'admin-a' });
    wd.setCaseAccess(CASE_ID, null, { memberId: 'admin-a' });
    expect(wd.getCase(CASE_ID)).toMatchObject({ title: 'Timber 2', status: 'open' });
    expect(wd.caseAccess(CASE_ID)).toBeNull();
    expect(wd.listCases()).toHaveLength(1);
  });
});
