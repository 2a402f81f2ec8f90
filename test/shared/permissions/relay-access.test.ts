/**
 * Who may open which doc, as the relay decides it (relay/access.ts over shared/permissions) and the workspace-doc additions it reads
 * (removeMember, getMemberRecord, case `access`).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decideAccess } from '../../../relay/access';
import type { MemberRole } from '../../../shared/domain/codes';
import type { Member } from '../../../shared/domain/member';
import { roleMayWrite } from '../../../shared/domain/member';
import { WorkspaceDoc, type CaseIndexEntry } from '../../../shared/docs/workspace-doc';
import { NestError } from '../../../shared/errors';

const WID = randomUUID();
const admin: Member = { id: 'admin-1', name: 'Ada', agency: 'NEST Secretariat', role: 'admin', joinedAt: 1 };
const w = { memberId: admin.id, now: () => 1_000 };

function mk(id: string, role: MemberRole, agency: string): Member {
  return { id, name: id, agency, role, joinedAt: 1 };
}

function workspace(): WorkspaceDoc {
  const wd = new WorkspaceDoc(new Y.Doc());
  wd.init({ id: WID, name: 'TF', casePrefix: 'NEST', reportingCurrency: 'USD' }, admin, w);
  return wd;
}

function entry(id: string, access?: CaseIndexEntry['access']): CaseIndexEntry {
  return { id, number: 'NEST-2026-0001', title: 'Timber', status: 'open', sector: 'forestry', tlp: 'AMBER', createdBy: admin.id, createdAt: 1, ...(access ? { access } : {}) };
}

const claimsOf = (m: { id: string; role: MemberRole; agency: string }) => ({ memberId: m.id, role: m.role, agency: m.agency });
const wsRef = { kind: 'workspace' as const, workspaceId: WID };
const caseRef = (caseId: string) => ({ kind: 'case' as const, workspaceId: WID, caseId });

describe('decideAccess', () => {
  it('before the workspace doc exists, admits only admin tokens (to upload it)', () => {
    const empty = new WorkspaceDoc(new Y.Doc());
    expect(decideAccess(empty, wsRef, claimsOf(admin))).toEqual({ ok: true, access: 'write', member: { memberId: admin.id, role: 'admin', agency: admin.agency } });
    expect(decideAccess(empty, wsRef, claimsOf(mk('i', 'investigator', 'Customs')))).toEqual({ ok: false, reason: 'workspace-not-set-up' });
  });

  it('workspace doc: admins write, members read, strangers and removed members are refused', () => {
    const wd = workspace();
    const inv = mk('inv', 'investigator', 'Customs');
    wd.upsertMember(inv, w);
    expect(decideAccess(wd, wsRef, claimsOf(admin))).toMatchObject({ ok: true, access: 'write' });
    expect(decideAccess(wd, wsRef, claimsOf(inv))).toMatchObject({ ok: true, access: 'read' });
    expect(decideAccess(wd, wsRef, claimsOf(mk('stranger', 'admin', 'X')))).toEqual({ ok: false, reason: 'not-a-member' });
    wd.removeMember(inv.id, w);
    expect(decideAccess(wd, wsRef, claimsOf(inv))).toEqual({ ok: false, reason: 'member-removed' });
  });

  it('uses the role in the workspace doc, not the token: a demoted admin token only reads', () => {
    const wd = workspace();
    const m = mk('m', 'investigator', 'Police');
    wd.upsertMember(m, w);
    const claimsSayAdmin = { ...claimsOf(m), role: 'admin' as const };
    expect(decideAccess(wd, wsRef, claimsSayAdmin)).toMatchObject({ ok: true, access: 'read', member: { role: 'investigator' } });
    wd.upsertMember({ ...m, role: 'observer' }, w);
    expect(decideAccess(wd, caseRef(randomUUID()), claimsOf(m))).toMatchObject({ ok: true, access: 'read' });
  });

  it('case docs: open to every member without `access`; observers read-only', () => {
    const wd = workspace();
    const inv = mk('inv', 'investigator', 'Customs');
    const pro = mk('pro', 'prosecutor', 'AGC');
    const obs = mk('obs', 'observer', 'WWF');
    for (const m of [inv, pro, obs]) wd.upsertMember(m, w);
    const c = randomUUID();
    wd.upsertCase(entry(c), w);
    expect(decideAccess(wd, caseRef(c), claimsOf(inv))).toMatchObject({ ok: true, access: 'write' });
    expect(decideAccess(wd, caseRef(c), claimsOf(pro))).toMatchObject({ ok: true, access: 'write' });
    expect(decideAccess(wd, caseRef(c), claimsOf(obs))).toMatchObject({ ok: true, access: 'read' });
    // A case not yet in the index (created by an investigator, indexed later by an admin).
    expect(decideAccess(wd, caseRef(randomUUID()), claimsOf(inv))).toMatchObject({ ok: true, access: 'write' });
  });

  it('case docs with `access`: named members and agencies (case-insensitive), admins always', () => {
    const wd = workspace();
    const customs = mk('c1', 'investigator', 'Singapore Customs');
    const police = mk('p1', 'investigator', 'Police');
    const named = mk('n1', 'observer', 'WWF');
    for (const m of [customs, police, named]) wd.upsertMember(m, w);
    const c = randomUUID();
    wd.upsertCase(entry(c, { agencies: ['  singapore customs '], members: ['n1'] }), w);
    expect(decideAccess(wd, caseRef(c), claimsOf(customs))).toMatchObject({ ok: true, access: 'write' });
    expect(decideAccess(wd, caseRef(c), claimsOf(named))).toMatchObject({ ok: true, access: 'read' });
    expect(decideAccess(wd, caseRef(c), claimsOf(police))).toEqual({ ok: false, reason: 'no-case-access' });
    expect(decideAccess(wd, caseRef(c), claimsOf(admin))).toMatchObject({ ok: true, access: 'write' });
    wd.setCaseAccess(c, { agencies: [], members: [] }, w);
    expect(decideAccess(wd, caseRef(c), claimsOf(customs))).toEqual({ ok: false, reason: 'no-case-access' });
    wd.setCaseAccess(c, null, w);
    expect(decideAccess(wd, caseRef(c), claimsOf(police))).toMatchObject({ ok: true, access: 'write' });
  });

  it('roleMayWrite: everyone but observers', () => {
    expect(['admin', 'investigator', 'prosecutor', 'observer'].map((r) => roleMayWrite(r as MemberRole))).toEqual([true, true, true, false]);
  });
});

describe('workspace doc: members and case access', () => {
  it('removeMember keeps the record marked removed, hides it from listMembers, audits, and upsert re-admits', () => {
    const wd = workspace();
    const m = mk('m', 'investigator', 'Customs');
    wd.upsertMember(m, w);
    wd.removeMember(m.id, w);
    expect(wd.listMembers().map((x) => x.id)).toEqual([admin.id]);
    expect(wd.getMember(m.id)).toBeNull();
    expect(wd.getMemberRecord(m.id)).toEqual({ ...m, removed: true });
    const audit = wd.doc.getArray('audit').toArray() as { action: string; target?: string }[];
    expect(audit.at(-1)).toMatchObject({ action: 'member.remove', target: m.id });
    wd.removeMember(m.id, w); // idempotent
    expect(wd.doc.getArray('audit').length).toBe(audit.length);
    wd.upsertMember(m, w);
    expect(wd.getMemberRecord(m.id)?.removed).toBe(false);
    expect(() => wd.removeMember('nobody', w)).toThrow(NestError);
  });

  it('a removal made on one replica wins over a concurrent edit of the member on another', () => {
    const a = workspace();
    const m = mk('m', 'investigator', 'Customs');
    a.upsertMember(m, w);
    const b = new WorkspaceDoc(new Y.Doc());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.removeMember(m.id, w);
    b.upsertMember({ ...m, agency: 'Customs HQ' }, w);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(a.getMemberRecord(m.id)).toEqual({ ...m, agency: 'Customs HQ', removed: true });
    expect(b.getMemberRecord(m.id)?.removed).toBe(true);
  });

  it('case access: validated on write, listed with the entry, kept when upsertCase omits it, read even after deletion', () => {
    const wd = workspace();
    const c = randomUUID();
    wd.upsertCase(entry(c, { agencies: ['Customs'] }), w);
    expect(wd.getCase(c)?.access).toEqual({ agencies: ['Customs'] });
    wd.upsertCase(entry(c), w);
    expect(wd.caseAccess(c)).toEqual({ agencies: ['Customs'] });
    expect(() => wd.setCaseAccess(c, { agencies: [''] }, w)).toThrow(NestError);
    expect(() => wd.setCaseAccess(randomUUID(), null, w)).toThrow(NestError);
    // Raw layout (records.ts FlatRecords): an edit of the record's `deleted` field.
    wd.doc.getMap('caseFields').set(`${c}/deleted`, true);
    expect(wd.getCase(c)).toBeNull();
    expect(wd.caseAccess(c)).toEqual({ agencies: ['Customs'] });
    expect(wd.caseAccess(randomUUID())).toBeNull();
  });

  it('an unreadable `access` (newer or broken writer) reads as admins-only and does not hide the case', () => {
    const wd = workspace();
    const c = randomUUID();
    wd.upsertCase(entry(c), w);
    wd.doc.getMap('caseFields').set(`${c}/access`, { agencies: 'everyone' });
    expect(wd.caseAccess(c)).toEqual({ agencies: [], members: [] });
    expect(wd.listCases().map((x) => [x.id, x.access])).toEqual([[c, { agencies: [], members: [] }]]);
  });
});
