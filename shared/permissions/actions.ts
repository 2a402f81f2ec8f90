/**
 * What a member may do in the app besides opening docs: every action the data service checks at
 * RPC dispatch and the UI hides or disables. One table, so the service and the screens cannot
 * disagree. Who may do what, and why:
 *
 * - `workspace.read`: every member, also a revoked one (lists, searches, valuations, statements:
 *   reading the local copy; what a member may not see never reaches their disk).
 * - `sync.run`: every member (retry or stop syncing their own copy; it changes nothing shared).
 * - `case.read`: every member the case's doc access lets read it (a row, map, valuation or
 *   statement of one case tells what its doc holds).
 * - `case.create`, `case.edit`, `seizures.import`: members who work cases (admins, investigators,
 *   prosecutors); observers (e.g. an NGO) only read. `case.edit` and `seizures.import` on a given
 *   case also need write access to its doc ({@link decideDocAccess}).
 * - `seizures.export`: members who work cases, and who may read the case; observers read in the
 *   app, but taking data out of it is for the agencies that own it.
 * - `rates.import`, `rates.remove`: members who work cases (ECB files live in this machine's
 *   database and feed this member's valuations; nothing shared changes).
 * - `case.index`, `rates.edit`, `prices.edit`, `workspace.settings`: admins only: they write the
 *   workspace doc (case index, shared reference lists, settings), which only admins may write.
 * - `members.invite`, `members.remove`, `sync.configure`: admins only (the workspace key signs
 *   tokens; whoever holds it decides who is a member).
 * - `records.purge`: admins only: removing a whole record from a doc (the app itself only marks
 *   records `deleted`); the relay refuses it from anyone else (shared/permissions/deletion-rules.ts).
 * - `history.view`, `history.restore`: admins only: the relay's provenance log of a doc, and
 *   restoring a doc or a record to a past point as a new, attributed change.
 * - `deletions.decide`: admins only: approving or rejecting a mass deletion the relay held
 *   (relay/held-deletions.ts); listing them is `history.view`.
 *
 * A revoked or removed member ({@link standing}) may do what an observer may: `workspace.read`
 * and `sync.run`.
 */
import type { MemberRole } from '../domain/codes';
import type { ErrorCode } from '../errors';
import { decideDocAccess, standing, type LocalState, type PermissionSubject, type WorkspaceFacts } from './doc-access';

/**
 * Every action: the roles that may do it, whether it changes data (`writes`), which access to the
 * target case's doc it needs (`caseDoc`), and the error code the data service throws on refusal.
 */
export const ACTIONS = {
  'workspace.read': { roles: ['admin', 'investigator', 'prosecutor', 'observer'], writes: false, caseDoc: null, denied: 'forbidden' },
  'sync.run': { roles: ['admin', 'investigator', 'prosecutor', 'observer'], writes: false, caseDoc: null, denied: 'forbidden' },
  'case.read': { roles: ['admin', 'investigator', 'prosecutor', 'observer'], writes: false, caseDoc: 'read', denied: 'forbidden' },
  'case.create': { roles: ['admin', 'investigator', 'prosecutor'], writes: true, caseDoc: null, denied: 'read-only' },
  'case.edit': { roles: ['admin', 'investigator', 'prosecutor'], writes: true, caseDoc: 'write', denied: 'read-only' },
  'seizures.import': { roles: ['admin', 'investigator', 'prosecutor'], writes: true, caseDoc: 'write', denied: 'read-only' },
  'seizures.export': { roles: ['admin', 'investigator', 'prosecutor'], writes: false, caseDoc: 'read', denied: 'forbidden' },
  'rates.import': { roles: ['admin', 'investigator', 'prosecutor'], writes: true, caseDoc: null, denied: 'read-only' },
  'rates.remove': { roles: ['admin', 'investigator', 'prosecutor'], writes: true, caseDoc: null, denied: 'read-only' },
  'case.index': { roles: ['admin'], writes: true, caseDoc: null, denied: 'forbidden' },
  'rates.edit': { roles: ['admin'], writes: true, caseDoc: null, denied: 'forbidden' },
  'prices.edit': { roles: ['admin'], writes: true, caseDoc: null, denied: 'forbidden' },
  'workspace.settings': { roles: ['admin'], writes: true, caseDoc: null, denied: 'forbidden' },
  'members.invite': { roles: ['admin'], writes: true, caseDoc: null, denied: 'forbidden' },
  'members.remove': { roles: ['admin'], writes: true, caseDoc: null, denied: 'forbidden' },
  'sync.configure': { roles: ['admin'], writes: true, caseDoc: null, denied: 'forbidden' },
  'records.purge': { roles: ['admin'], writes: true, caseDoc: null, denied: 'forbidden' },
  'history.view': { roles: ['admin'], writes: false, caseDoc: null, denied: 'forbidden' },
  'history.restore': { roles: ['admin'], writes: true, caseDoc: null, denied: 'forbidden' },
  'deletions.decide': { roles: ['admin'], writes: true, caseDoc: null, denied: 'forbidden' },
} as const satisfies Record<string, { roles: readonly MemberRole[]; writes: boolean; caseDoc: 'read' | 'write' | null; denied: ErrorCode }>;

/** An action name. */
export type Action = keyof typeof ACTIONS;

/** Every action name, in table order. */
export const ALL_ACTIONS = Object.keys(ACTIONS) as Action[];

/**
 * What an action applies to. `workspace`: the workspace doc as this replica holds it (omitted in
 * the UI where it is not loaded: the subject's own role counts then). `caseId`: for the case
 * actions (`case.edit`, `seizures.import`, `seizures.export`), the case whose doc access counts.
 * `local`: the desktop's revoked state (see {@link LocalState}); omit it for the relay's view.
 */
export interface ActionTarget {
  workspace?: WorkspaceFacts;
  caseId?: string;
  local?: LocalState;
}

/** True when a member with `role` may do `action` by role alone (no workspace doc, no case). */
export function roleMay(role: MemberRole, action: Action): boolean {
  return (ACTIONS[action].roles as readonly MemberRole[]).includes(role);
}

/**
 * True when `member` may do `action` on `target`; see the module comment for who may do what.
 * With `target.local` (the desktop) a member the replica does not know yet acts with their own
 * role and a removed one keeps reading; without it (an authority's view) both may do nothing.
 */
export function can(member: PermissionSubject, action: Action, target: ActionTarget = {}): boolean {
  const spec = ACTIONS[action];
  const local = target.local;
  let role = member.role;
  let readOnly = local?.revoked ?? false;
  if (target.workspace) {
    const s = standing(member, target.workspace, local);
    if (!s.ok) return false;
    role = s.member.role;
    readOnly = s.readOnly;
  }
  // A member held to reading (revoked, removed) may do what an observer may: read their copy.
  if (!roleMay(readOnly ? 'observer' : role, action)) return false;
  if (spec.caseDoc === null || target.caseId === undefined || !target.workspace) return true;
  // Stryker disable next-line StringLiteral: decideDocAccess never reads a case ref's workspace id (the workspace passed beside it counts), so any string gives the same decision.
  const d = decideDocAccess(member, { kind: 'case', workspaceId: '', caseId: target.caseId }, target.workspace, local);
  // No separate `d.access === 'write'` check for the write actions: a member who got this far with
  // one is neither held to reading nor an observer (refused above), and decideDocAccess gives every
  // such member 'write' (roleMayWrite). permission-edges.test.ts pins that the two agree for every
  // role, standing and action, so a change to either fails a test rather than a silent check.
  return d.ok;
}
