/**
 * The permission model at its edges (shared/permissions), aimed at what the role × doc table in
 * permission-table.test.ts does not reach (issue 16, docs/testing.md): registry ids in other
 * letter cases, empty and case-folded agency names, a deleted case whose access list remains,
 * `needsRegistry` for every kind of doc, `standing` itself, and `can` without a workspace doc.
 * Workspace facts come from a real WorkspaceDoc, or from a small real {@link WorkspaceFacts} where
 * a state cannot be reached through the doc (members but no settings yet).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decideAccess } from '../../../relay/access';
import type { MemberRole } from '../../../shared/domain/codes';
import { WorkspaceDoc, type CaseAccess, type MemberRecord } from '../../../shared/docs/workspace-doc';
import { ALL_ACTIONS, can, decideDocAccess, docAccess, needsRegistry, roleMay, standing, type PermissionSubject, type WorkspaceFacts } from '../../../shared/permissions';

const WID = randomUUID();
const w = { memberId: 'admin', now: () => 1_000 };
const who = (memberId: string, role: MemberRole, agency = 'Customs'): PermissionSubject => ({ memberId, role, agency });
const caseRef = (caseId: string) => ({ kind: 'case' as const, workspaceId: WID, caseId });
const registryRef = (memberId: string) => ({ kind: 'registry' as const, workspaceId: WID, memberId });
const wsRef = { kind: 'workspace' as const, workspaceId: WID };

function workspace(...members: PermissionSubject[]): WorkspaceDoc {
  const wd = new WorkspaceDoc(new Y.Doc());
  wd.init({ id: WID, name: 'TF', casePrefix: 'NEST', reportingCurrency: 'USD' }, { id: 'admin', name: 'Ada', agency: 'Secretariat', role: 'admin', joinedAt: 1 }, w);
  for (const m of members) wd.upsertMember({ id: m.memberId, name: m.memberId, agency: m.agency, role: m.role, joinedAt: 1 }, w);
  return wd;
}

function indexCase(wd: WorkspaceDoc, access?: CaseAccess): string {
  const id = randomUUID();
  wd.upsertCase({ id, number: 'NEST-2026-0001', title: 'Timber', status: 'open', sector: 'forestry', tlp: 'AMBER', createdBy: 'admin', createdAt: 1, ...(access ? { access } : {}) }, w);
  return id;
}

/** Workspace facts with members but no settings id: a state a WorkspaceDoc reaches only mid-sync. */
function uninitialisedWith(records: MemberRecord[]): WorkspaceFacts {
  return {
    isInitialised: () => false,
    getMemberRecord: (id) => records.find((r) => r.id === id) ?? null,
    caseAccess: () => null,
    getCase: () => null,
  };
}

describe('registry docs', () => {
  it('a member’s own registry is theirs whatever the letter case of the id on either side', () => {
    const inv = who('inv-a', 'investigator');
    const wd = workspace(inv);
    expect(decideDocAccess(inv, registryRef('INV-A'), wd)).toMatchObject({ ok: true, access: 'write' });
    const upper = who('Obs-B', 'observer');
    const wd2 = workspace(upper);
    expect(decideDocAccess(upper, registryRef('obs-b'), wd2)).toMatchObject({ ok: true, access: 'read' });
    expect(decideDocAccess(inv, registryRef('inv-b'), wd)).toEqual({ ok: false, reason: 'not-your-registry' });
  });

  it('a member held to reading reads their own registry; an admin reads another’s and writes their own', () => {
    const inv = who('inv-a', 'investigator');
    const wd = workspace(inv);
    expect(decideDocAccess(inv, registryRef('inv-a'), wd, { revoked: true })).toMatchObject({ ok: true, access: 'read' });
    expect(decideDocAccess(who('admin', 'admin'), registryRef('inv-a'), wd)).toMatchObject({ ok: true, access: 'read' });
    expect(decideDocAccess(who('admin', 'admin'), registryRef('admin'), wd)).toMatchObject({ ok: true, access: 'write' });
  });
});

describe('agencies on a case’s access list', () => {
  it('a member without an agency is not let in by a blank agency on the list', () => {
    // The desktop, before its replica knows the member (their local settings name no agency), and
    // an access list holding a blank name (schemas refuse one; facts from an older writer may not).
    const facts: WorkspaceFacts = { isInitialised: () => true, getMemberRecord: () => null, caseAccess: () => ({ agencies: ['  '] }), getCase: () => ({}) };
    expect(decideDocAccess(who('n', 'investigator', ''), caseRef(randomUUID()), facts, { revoked: false })).toEqual({ ok: false, reason: 'no-case-access' });
    expect(decideDocAccess(who('n', 'investigator', ' '), caseRef(randomUUID()), facts, { revoked: false })).toEqual({ ok: false, reason: 'no-case-access' });
  });

  it('agencies match trimmed and lower-cased (English rules): "Straße" and "STRASSE" are two agencies', () => {
    const de = who('de', 'investigator', 'Zoll Straße');
    const wd = workspace(de);
    const same = indexCase(wd, { agencies: [' ZOLL STRAßE'] });
    const other = indexCase(wd, { agencies: ['ZOLL STRASSE'] });
    expect(decideDocAccess(de, caseRef(same), wd)).toMatchObject({ ok: true, access: 'write' });
    expect(decideDocAccess(de, caseRef(other), wd)).toEqual({ ok: false, reason: 'no-case-access' });
  });

  it('the member’s agency is compared trimmed too (the desktop’s own settings, before its replica knows the member)', () => {
    const wd = workspace();
    const c = indexCase(wd, { agencies: ['customs'] });
    expect(decideDocAccess(who('new', 'investigator', '  Customs  '), caseRef(c), wd, { revoked: false })).toMatchObject({ ok: true, access: 'write' });
    expect(decideDocAccess(who('new', 'investigator', '  Police  '), caseRef(c), wd, { revoked: false })).toEqual({ ok: false, reason: 'no-case-access' });
  });

  it('a deleted case whose list names the member needs no registration: the list admits them', () => {
    const inv = who('inv', 'investigator');
    const wd = workspace(inv);
    const c = indexCase(wd, { members: ['inv'] });
    wd.doc.getMap('caseFields').set(`${c}/deleted`, true);
    expect(decideDocAccess(inv, caseRef(c), wd, undefined, { has: () => false })).toMatchObject({ ok: true, access: 'write' });
  });

  it('a list naming members only still admits its members, and nobody else of the same agency', () => {
    const a = who('a', 'investigator');
    const b = who('b', 'investigator');
    const wd = workspace(a, b);
    const c = indexCase(wd, { members: ['a'] });
    expect([decideDocAccess(a, caseRef(c), wd).ok, decideDocAccess(b, caseRef(c), wd).ok]).toEqual([true, false]);
  });
});

describe('needsRegistry', () => {
  const inv = who('inv', 'investigator');

  it('only a non-admin member’s case doc that is neither indexed nor access-listed needs the registry', () => {
    const wd = workspace(inv, who('adm2', 'admin'));
    const open = indexCase(wd);
    const listed = indexCase(wd, { members: ['inv'] });
    const unindexed = randomUUID();
    expect([
      needsRegistry(inv, caseRef(unindexed), wd),
      needsRegistry(inv, caseRef(open), wd),
      needsRegistry(inv, caseRef(listed), wd),
      needsRegistry(who('adm2', 'admin'), caseRef(unindexed), wd),
      needsRegistry(who('stranger', 'investigator'), caseRef(unindexed), wd),
      needsRegistry(inv, wsRef, wd),
      needsRegistry(inv, registryRef('inv'), wd),
    ]).toEqual([true, false, false, false, false, false, false]);
  });

  it('a deleted case keeps its access list, so it needs no registry (the list decides)', () => {
    const wd = workspace(inv);
    const c = indexCase(wd, { agencies: ['Customs'] });
    wd.doc.getMap('caseFields').set(`${c}/deleted`, true);
    expect(wd.getCase(c)).toBeNull();
    expect(needsRegistry(inv, caseRef(c), wd)).toBe(false);
  });

  it('before the workspace doc is initialised nothing needs a registry, even for a known member', () => {
    const facts = uninitialisedWith([{ id: 'inv', name: 'inv', agency: 'Customs', role: 'investigator', joinedAt: 1, removed: false }]);
    expect(needsRegistry(inv, caseRef(randomUUID()), facts)).toBe(false);
  });

  it('the relay adapter passes the registry through: unregistered refused, registered admitted', () => {
    const wd = workspace(inv);
    const c = randomUUID();
    expect(decideAccess(wd, caseRef(c), inv, { has: () => false })).toEqual({ ok: false, reason: 'case-not-registered' });
    expect(decideAccess(wd, caseRef(c), inv, { has: (id) => id === c })).toMatchObject({ ok: true, access: 'write' });
    expect(decideAccess(wd, caseRef(c), inv)).toMatchObject({ ok: true, access: 'write', member: { memberId: 'inv', role: 'investigator', agency: 'Customs' } });
  });
});

describe('standing', () => {
  it('the relay’s view and the desktop’s, before and after the workspace doc is set up', () => {
    const empty = new WorkspaceDoc(new Y.Doc());
    const inv = who('inv', 'investigator');
    expect(standing(inv, empty)).toEqual({ ok: false, reason: 'workspace-not-set-up' });
    expect(standing(inv, empty, { revoked: true })).toEqual({ ok: true, member: inv, readOnly: true });
    expect(standing(inv, empty, { revoked: false })).toEqual({ ok: true, member: inv, readOnly: false });
    expect(standing(who('a', 'admin'), empty)).toEqual({ ok: true, member: who('a', 'admin'), readOnly: false });
    const wd = workspace(who('inv', 'prosecutor', 'AGC'));
    // The record's role and agency count, not the subject's.
    expect(standing(inv, wd)).toEqual({ ok: true, member: who('inv', 'prosecutor', 'AGC'), readOnly: false });
    expect(standing(inv, wd, { revoked: true })).toEqual({ ok: true, member: who('inv', 'prosecutor', 'AGC'), readOnly: true });
    expect(standing(who('new', 'observer'), wd, { revoked: true })).toEqual({ ok: true, member: who('new', 'observer'), readOnly: true });
    wd.removeMember('inv', w);
    expect(standing(inv, wd, { revoked: false })).toEqual({ ok: true, member: who('inv', 'prosecutor', 'AGC'), readOnly: true });
  });

  it('an uninitialised doc on the desktop: a revoked admin reads the workspace doc, an unrevoked one writes it', () => {
    const empty = new WorkspaceDoc(new Y.Doc());
    const name = `${WID}/workspace`;
    expect(docAccess(who('a', 'admin'), name, empty, { revoked: true })).toBe('read');
    expect(docAccess(who('a', 'admin'), name, empty, { revoked: false })).toBe('write');
  });
});

describe('can', () => {
  it('roleMay reads the table', () => {
    expect(ALL_ACTIONS.filter((a) => roleMay('observer', a))).toEqual(['workspace.read', 'sync.run', 'case.read']);
    expect(ALL_ACTIONS.filter((a) => !roleMay('admin', a))).toEqual([]);
  });

  it('with a case but no workspace doc, the role alone decides (the case’s list is not known)', () => {
    const c = randomUUID();
    expect(can(who('i', 'investigator'), 'case.edit', { caseId: c })).toBe(true);
    expect(can(who('o', 'observer'), 'case.edit', { caseId: c })).toBe(false);
    expect(can(who('o', 'observer'), 'case.read', { caseId: c })).toBe(true);
    // With no local state and no workspace doc a subject is not held to reading.
    expect(can(who('i', 'investigator'), 'case.create')).toBe(true);
    expect(can(who('i', 'investigator'), 'case.create', { local: { revoked: true } })).toBe(false);
  });

  it('with the workspace doc, an action on a case follows its list; actions without a case ignore the case id', () => {
    const inv = who('inv', 'investigator');
    const wd = workspace(inv);
    const closed = indexCase(wd, { agencies: ['Police'] });
    expect(can(inv, 'case.read', { workspace: wd, caseId: closed })).toBe(false);
    expect(can(inv, 'seizures.export', { workspace: wd, caseId: closed })).toBe(false);
    expect(can(inv, 'case.create', { workspace: wd, caseId: closed })).toBe(true);
    const obsWd = workspace(who('obs', 'observer'));
    const open = indexCase(obsWd);
    expect(can(who('obs', 'observer'), 'case.read', { workspace: obsWd, caseId: open })).toBe(true);
    expect(can(who('obs', 'observer'), 'case.edit', { workspace: obsWd, caseId: open })).toBe(false);
    // A revoked admin reads a case but cannot edit it: read access to the doc is not write access.
    expect(can(who('admin', 'admin'), 'case.read', { workspace: wd, caseId: closed, local: { revoked: true } })).toBe(true);
    expect(can(who('admin', 'admin'), 'case.edit', { workspace: wd, caseId: closed, local: { revoked: true } })).toBe(false);
  });

  it('a case action allowed by can gets the doc access it needs from decideDocAccess, for every role and standing', () => {
    // can() does not check the doc access level itself (shared/permissions/actions.ts): this is the lock.
    const roles: MemberRole[] = ['admin', 'investigator', 'prosecutor', 'observer'];
    const seen: string[] = [];
    for (const role of roles) {
      const m = who(`m-${role}`, role);
      const wd = workspace(m);
      const c = indexCase(wd);
      for (const revoked of [false, true]) {
        for (const action of ALL_ACTIONS) {
          const target = { workspace: wd, caseId: c, local: { revoked } };
          const d = decideDocAccess(m, caseRef(c), wd, { revoked });
          const needs = ({ 'case.read': 'read', 'case.edit': 'write', 'seizures.import': 'write', 'seizures.export': 'read' } as Record<string, string>)[action];
          if (needs === undefined) continue;
          const allowed = can(m, action, target);
          if (allowed) seen.push(`${role}${revoked ? ' (revoked)' : ''} ${action}`);
          expect(allowed && needs === 'write' ? d.ok && d.access : 'write').toBe('write');
          expect(allowed).toBe(d.ok && (needs === 'read' || d.access === 'write') && roleMay(revoked ? 'observer' : role, action));
        }
      }
    }
    // Every role may read; the three that work cases edit and import unless revoked; observers and
    // revoked members never write; exporting is for those who work cases.
    expect(seen.filter((s) => s.endsWith('case.edit') || s.endsWith('seizures.import'))).toEqual([
      'admin case.edit', 'admin seizures.import', 'investigator case.edit', 'investigator seizures.import', 'prosecutor case.edit', 'prosecutor seizures.import',
    ]);
    expect(seen.filter((s) => s.endsWith('case.read'))).toHaveLength(8);
  });
});
