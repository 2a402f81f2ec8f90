/**
 * A volume doc (a case's seizures beyond the case doc) is decided exactly as its case doc, by the
 * one rule in shared/permissions/doc-access.ts: for every role, access list, registration state and
 * local state the decision on `<wid>/case/<c>/vol/<n>` equals the decision on `<wid>/case/<c>`; a
 * member who may open case A but not case B is refused B's volumes (a volume name naming B cannot be
 * used to reach B's seizures).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decideAccess } from '../../../relay/access';
import type { MemberRole } from '../../../shared/domain/codes';
import type { Member } from '../../../shared/domain/member';
import { caseDocName, volumeDocName, type DocRef } from '../../../shared/docs/names';
import { WorkspaceDoc, type CaseIndexEntry } from '../../../shared/docs/workspace-doc';
import { accessRef, decideDocAccess, docAccess, needsRegistry } from '../../../shared/permissions';

const WID = randomUUID();
const admin: Member = { id: 'admin-1', name: 'Ada', agency: 'NEST Secretariat', role: 'admin', joinedAt: 1 };
const w = { memberId: admin.id, now: () => 1_000 };
const ROLES: MemberRole[] = ['admin', 'investigator', 'prosecutor', 'observer'];

function entry(id: string, access?: CaseIndexEntry['access']): CaseIndexEntry {
  return { id, number: 'NEST-2026-0001', title: 'Timber', status: 'open', sector: 'forestry', tlp: 'AMBER', createdBy: admin.id, createdAt: 1, ...(access ? { access } : {}) };
}

const caseRef = (caseId: string): DocRef => ({ kind: 'case', workspaceId: WID, caseId });
const volRef = (caseId: string, volume: number): DocRef => ({ kind: 'volume', workspaceId: WID, caseId, volume });

describe('volume doc access', () => {
  it('decides a volume exactly as its case, for every role, access list, registration and local state', () => {
    const wd = new WorkspaceDoc(new Y.Doc());
    wd.init({ id: WID, name: 'TF', casePrefix: 'NEST', reportingCurrency: 'USD' }, admin, w);
    const members = ROLES.flatMap((role, i) => ['Customs', 'Police'].map((agency) => ({ id: `m${i}-${agency}`, name: 'x', agency, role, joinedAt: 1 }) as Member));
    for (const m of members) wd.upsertMember(m, w);
    const removed = { id: 'gone', name: 'x', agency: 'Customs', role: 'investigator', joinedAt: 1 } as Member;
    wd.upsertMember(removed, w);
    wd.removeMember(removed.id, w);
    const cases = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    wd.upsertCase(entry(cases[0]!), w); // open to every member
    wd.upsertCase(entry(cases[1]!, { agencies: ['customs '] }), w);
    wd.upsertCase(entry(cases[2]!, { members: [members[2]!.id] }), w);
    // cases[3]: not indexed (registration decides)
    const registries = [undefined, { has: () => false }, { has: (c: string) => c === cases[3] }];
    const locals = [undefined, { revoked: false }, { revoked: true }];
    let compared = 0;
    let refused = 0;
    for (const m of [...members, removed, { id: 'stranger', name: 'x', agency: 'Customs', role: 'admin' } as Member]) {
      const subject = { memberId: m.id, role: m.role, agency: m.agency };
      for (const c of cases) {
        for (const registry of registries) {
          for (const local of locals) {
            const onCase = decideDocAccess(subject, caseRef(c), wd, local, registry);
            for (const n of [1, 2, 999]) {
              expect(decideDocAccess(subject, volRef(c, n), wd, local, registry)).toEqual(onCase);
              compared++;
            }
            if (!onCase.ok) refused++;
          }
          expect(needsRegistry(subject, volRef(c, 1), wd)).toBe(needsRegistry(subject, caseRef(c), wd));
        }
        // The string form the data service uses (openDoc) agrees too.
        expect(docAccess(subject, volumeDocName(WID, c, 3), wd)).toBe(docAccess(subject, caseDocName(WID, c), wd));
      }
    }
    // The table covered refusals of several kinds, not only grants.
    expect(compared).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(20);
  });

  it('refuses a member the volumes of a case they may not open, while they open their own case’s volumes', () => {
    const wd = new WorkspaceDoc(new Y.Doc());
    wd.init({ id: WID, name: 'TF', casePrefix: 'NEST', reportingCurrency: 'USD' }, admin, w);
    const customs: Member = { id: 'inv-c', name: 'C', agency: 'Customs', role: 'investigator', joinedAt: 1 };
    wd.upsertMember(customs, w);
    const mine = randomUUID();
    const theirs = randomUUID();
    wd.upsertCase(entry(mine, { agencies: ['Customs'] }), w);
    wd.upsertCase(entry(theirs, { agencies: ['Police'] }), w);
    const claims = { memberId: customs.id, role: customs.role, agency: customs.agency };
    expect(decideAccess(wd, volRef(mine, 1), claims)).toMatchObject({ ok: true, access: 'write' });
    expect(decideAccess(wd, volRef(theirs, 1), claims)).toEqual({ ok: false, reason: 'no-case-access' });
    expect(docAccess(claims, volumeDocName(WID, theirs, 7), wd)).toBe('no-case-access');
    expect(docAccess(claims, `${WID}/case/${mine}/vol/07`, wd)).toBe('bad-doc-name');
    // Losing the case loses its volumes at once.
    wd.upsertCase(entry(mine, { agencies: ['Police'] }), w);
    expect(decideAccess(wd, volRef(mine, 1), claims)).toEqual({ ok: false, reason: 'no-case-access' });
  });

  it('accessRef maps a volume to its case and leaves other refs alone', () => {
    const c = randomUUID();
    expect(accessRef(volRef(c, 4))).toEqual(caseRef(c));
    expect(accessRef(caseRef(c))).toEqual(caseRef(c));
    const reg: DocRef = { kind: 'registry', workspaceId: WID, memberId: 'm' };
    expect(accessRef(reg)).toBe(reg);
  });
});
