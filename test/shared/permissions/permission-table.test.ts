/**
 * The permission model as one table: every role (admin, investigator, prosecutor, observer, a
 * removed member, a non-member) × every doc kind (the workspace doc; a case doc not yet indexed,
 * indexed without `access`, listing its members by id, by agency, or leaving them out) × each
 * view (the relay; the desktop; the desktop after the relay revoked access), registry docs and
 * case registration, and every role × every action, each cell the exact answer.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberRole } from '../../../shared/domain/codes';
import { caseDocName, registryDocName, workspaceDocName } from '../../../shared/docs/names';
import { WorkspaceDoc } from '../../../shared/docs/workspace-doc';
import { ACTIONS, ALL_ACTIONS, can, decideDocAccess, docAccess, needsRegistry, type Action, type LocalState, type PermissionSubject } from '../../../shared/permissions';

const WID = randomUUID();
const w = { memberId: 'admin', now: () => 1_000 };
type Who = 'admin' | 'investigator' | 'prosecutor' | 'observer' | 'removed' | 'non-member';
const WHO: Who[] = ['admin', 'investigator', 'prosecutor', 'observer', 'removed', 'non-member'];
/** The removed member was an investigator; the non-member's token or local settings say investigator. */
const ROLE: Record<Who, MemberRole> = { admin: 'admin', investigator: 'investigator', prosecutor: 'prosecutor', observer: 'observer', removed: 'investigator', 'non-member': 'investigator' };
const subject = (who: Who): PermissionSubject => ({ memberId: who, role: ROLE[who], agency: who === 'admin' ? 'NEST Secretariat' : 'Singapore Customs' });

type Kind = 'workspace' | 'case-unindexed' | 'case-open' | 'case-by-member' | 'case-by-agency' | 'case-other';
const KINDS: Kind[] = ['workspace', 'case-unindexed', 'case-open', 'case-by-member', 'case-by-agency', 'case-other'];
const CASE: Record<Exclude<Kind, 'workspace'>, string> = {
  'case-unindexed': randomUUID(),
  'case-open': randomUUID(),
  'case-by-member': randomUUID(),
  'case-by-agency': randomUUID(),
  'case-other': randomUUID(),
};
const docOf = (k: Kind): string => (k === 'workspace' ? workspaceDocName(WID) : caseDocName(WID, CASE[k]));

function workspace(): WorkspaceDoc {
  const wd = new WorkspaceDoc(new Y.Doc());
  wd.init({ id: WID, name: 'TF', casePrefix: 'NEST', reportingCurrency: 'USD' }, { ...subject('admin'), id: 'admin', name: 'Ada', joinedAt: 1 }, w);
  for (const who of ['investigator', 'prosecutor', 'observer', 'removed'] as const) wd.upsertMember({ id: who, name: who, agency: subject(who).agency, role: ROLE[who], joinedAt: 1 }, w);
  wd.removeMember('removed', w);
  const entry = (id: string) => ({ id, number: 'NEST-2026-0001', title: 'Timber', status: 'open' as const, sector: 'forestry' as const, tlp: 'AMBER' as const, createdBy: 'admin', createdAt: 1 });
  wd.upsertCase(entry(CASE['case-open']), w);
  wd.upsertCase({ ...entry(CASE['case-by-member']), access: { members: ['investigator', 'prosecutor', 'observer', 'removed', 'non-member'] } }, w);
  wd.upsertCase({ ...entry(CASE['case-by-agency']), access: { agencies: ['  SINGAPORE customs '] } }, w);
  wd.upsertCase({ ...entry(CASE['case-other']), access: { agencies: ['Police'], members: ['someone-else'] } }, w);
  return wd;
}

function table(wd: WorkspaceDoc, local?: LocalState): Record<Who, string[]> {
  return Object.fromEntries(WHO.map((who) => [who, KINDS.map((k) => docAccess(subject(who), docOf(k), wd, local))])) as Record<Who, string[]>;
}

describe('docAccess', () => {
  //                      workspace  unindexed  open  by-member by-agency other
  it('the relay’s view (no local state)', () => {
    expect(table(workspace())).toEqual({
      admin: ['write', 'write', 'write', 'write', 'write', 'write'],
      investigator: ['read', 'write', 'write', 'write', 'write', 'no-case-access'],
      prosecutor: ['read', 'write', 'write', 'write', 'write', 'no-case-access'],
      observer: ['read', 'read', 'read', 'read', 'read', 'no-case-access'],
      removed: Array(6).fill('member-removed'),
      'non-member': Array(6).fill('not-a-member'),
    });
  });

  it('the desktop’s view: a member its replica does not know yet acts with its own role; a removed one reads its copy', () => {
    expect(table(workspace(), { revoked: false })).toEqual({
      admin: ['write', 'write', 'write', 'write', 'write', 'write'],
      investigator: ['read', 'write', 'write', 'write', 'write', 'no-case-access'],
      prosecutor: ['read', 'write', 'write', 'write', 'write', 'no-case-access'],
      observer: ['read', 'read', 'read', 'read', 'read', 'no-case-access'],
      removed: ['read', 'read', 'read', 'read', 'read', 'no-case-access'],
      'non-member': ['read', 'write', 'write', 'write', 'write', 'no-case-access'],
    });
  });

  it('the desktop after the relay revoked access: everything readable stays readable, nothing writable', () => {
    expect(table(workspace(), { revoked: true })).toEqual({
      admin: ['read', 'read', 'read', 'read', 'read', 'read'],
      investigator: ['read', 'read', 'read', 'read', 'read', 'no-case-access'],
      prosecutor: ['read', 'read', 'read', 'read', 'read', 'no-case-access'],
      observer: ['read', 'read', 'read', 'read', 'read', 'no-case-access'],
      removed: ['read', 'read', 'read', 'read', 'read', 'no-case-access'],
      'non-member': ['read', 'read', 'read', 'read', 'read', 'no-case-access'],
    });
  });

  it('before the workspace doc is initialised: the relay admits only admins (to upload it); the desktop uses its own role', () => {
    const empty = new WorkspaceDoc(new Y.Doc());
    const relay = WHO.map((who) => [docAccess(subject(who), docOf('workspace'), empty), docAccess(subject(who), docOf('case-other'), empty)]);
    expect(relay).toEqual([['write', 'write'], ...Array(5).fill(['workspace-not-set-up', 'workspace-not-set-up'])]);
    const desk = ['admin', 'investigator', 'observer'].map((who) => [docAccess(subject(who as Who), docOf('workspace'), empty, { revoked: false }), docAccess(subject(who as Who), docOf('case-open'), empty, { revoked: false })]);
    expect(desk).toEqual([['write', 'write'], ['read', 'write'], ['read', 'read']]);
  });

  it('registry docs: their member writes (an observer reads), admins read every one, other members are refused', () => {
    const wd = workspace();
    const reg = (of: Who): string => registryDocName(WID, of);
    const grid = WHO.map((who) => [docAccess(subject(who), reg(who), wd), docAccess(subject(who), reg('investigator'), wd)]);
    expect(grid).toEqual([
      ['write', 'read'], // admin: own, and reads the investigator's
      ['write', 'write'], // investigator: own (both columns)
      ['write', 'not-your-registry'], // prosecutor
      ['read', 'not-your-registry'], // observer
      ['member-removed', 'member-removed'],
      ['not-a-member', 'not-a-member'],
    ]);
  });

  it('with the member’s registry (the relay, before storing): a non-admin’s unindexed case must be registered', () => {
    const wd = workspace();
    const unindexed = CASE['case-unindexed'];
    const none = { has: () => false };
    const mine = { has: (id: string) => id === unindexed };
    const d = (who: Who, k: Exclude<Kind, 'workspace'>, registry: { has(id: string): boolean }) => decideDocAccess(subject(who), { kind: 'case', workspaceId: WID, caseId: CASE[k] }, wd, undefined, registry);
    expect(d('investigator', 'case-unindexed', none)).toEqual({ ok: false, reason: 'case-not-registered' });
    expect(d('observer', 'case-unindexed', none)).toEqual({ ok: false, reason: 'case-not-registered' });
    expect(d('investigator', 'case-unindexed', mine)).toMatchObject({ ok: true, access: 'write' });
    expect(d('investigator', 'case-open', none)).toMatchObject({ ok: true, access: 'write' }); // indexed: no registration needed
    expect(d('investigator', 'case-other', none)).toEqual({ ok: false, reason: 'no-case-access' });
    expect(d('admin', 'case-unindexed', none)).toMatchObject({ ok: true, access: 'write' });
    const ref = (k: Exclude<Kind, 'workspace'>) => ({ kind: 'case' as const, workspaceId: WID, caseId: CASE[k] });
    expect([needsRegistry(subject('investigator'), ref('case-unindexed'), wd), needsRegistry(subject('investigator'), ref('case-open'), wd), needsRegistry(subject('admin'), ref('case-unindexed'), wd)]).toEqual([true, false, false]);
  });

  it('a name that is not a doc name is refused', () => {
    expect(docAccess(subject('admin'), `${WID}/nothing`, workspace())).toBe('bad-doc-name');
  });
});

const ALL = [...ALL_ACTIONS];
const WORKERS: Action[] = ['workspace.read', 'sync.run', 'case.read', 'case.create', 'case.edit', 'seizures.import', 'seizures.export', 'rates.import', 'rates.remove'];
const READERS: Action[] = ['workspace.read', 'sync.run', 'case.read'];
const allowed = (who: Who, local: LocalState | undefined, target: { caseId?: string } = {}): Action[] => {
  const wd = workspace();
  return ALL.filter((a) => can(subject(who), a, { workspace: wd, local, ...target }));
};

describe('can', () => {
  it('lists every action the app checks', () => {
    expect(ALL).toEqual([
      'workspace.read', 'sync.run', 'case.read', 'case.create', 'case.edit', 'seizures.import', 'seizures.export', 'rates.import', 'rates.remove',
      'case.index', 'rates.edit', 'prices.edit', 'workspace.settings', 'members.invite', 'members.remove', 'sync.configure',
      'records.purge', 'history.view', 'history.restore', 'deletions.decide',
    ]);
  });

  it('each role × each action, on the desktop (no case given)', () => {
    const got = Object.fromEntries(WHO.map((who) => [who, allowed(who, { revoked: false })]));
    expect(got).toEqual({ admin: ALL, investigator: WORKERS, prosecutor: WORKERS, observer: READERS, removed: READERS, 'non-member': WORKERS });
  });

  it('after the relay revoked access every role keeps only reading', () => {
    for (const who of WHO) expect(allowed(who, { revoked: true })).toEqual(READERS);
  });

  it('without local state (an authority’s view) removed members and non-members may do nothing', () => {
    expect(allowed('removed', undefined)).toEqual([]);
    expect(allowed('non-member', undefined)).toEqual([]);
    expect(allowed('investigator', undefined)).toEqual(WORKERS);
  });

  it('case actions follow the case’s doc access', () => {
    const caseActs = (who: Who, k: Exclude<Kind, 'workspace'>): Action[] =>
      allowed(who, { revoked: false }, { caseId: CASE[k] }).filter((a) => ACTIONS[a].caseDoc !== null);
    const grid = Object.fromEntries(WHO.map((who) => [who, (Object.keys(CASE) as Exclude<Kind, 'workspace'>[]).map((k) => caseActs(who, k).join(','))]));
    const all = 'case.read,case.edit,seizures.import,seizures.export';
    //                                  unindexed  open  by-member by-agency other
    expect(grid).toEqual({
      admin: [all, all, all, all, all],
      investigator: [all, all, all, all, ''],
      prosecutor: [all, all, all, all, ''],
      observer: ['case.read', 'case.read', 'case.read', 'case.read', ''],
      removed: ['case.read', 'case.read', 'case.read', 'case.read', ''],
      'non-member': [all, all, all, all, ''],
    });
  });

  it('without a workspace doc (a screen that has not loaded it) the member’s own role counts', () => {
    const roles: MemberRole[] = ['admin', 'investigator', 'prosecutor', 'observer'];
    expect(roles.map((role) => ALL.filter((a) => can({ memberId: 'x', role, agency: '' }, a, { local: { revoked: false } })))).toEqual([ALL, WORKERS, WORKERS, READERS]);
    expect(ALL.filter((a) => can({ memberId: 'x', role: 'admin', agency: '' }, a, { local: { revoked: true } }))).toEqual(READERS);
  });

  it('uses the role in the workspace doc over the subject’s claim', () => {
    const wd = workspace();
    expect(can({ ...subject('investigator'), role: 'admin' }, 'members.invite', { workspace: wd, local: { revoked: false } })).toBe(false);
    wd.upsertMember({ id: 'investigator', name: 'i', agency: 'Singapore Customs', role: 'observer', joinedAt: 1 }, w);
    expect(can(subject('investigator'), 'case.create', { workspace: wd, local: { revoked: false } })).toBe(false);
  });
});
