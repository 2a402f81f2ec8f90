/**
 * The workspace doc layout and its typed helpers: the only code that reads or writes the raw
 * Y types of a task force's workspace doc. Layout:
 *
 * - `settings` Y.Map: `id`, `name`, `casePrefix` (e.g. "NEST"), `reportingCurrency` (ISO 4217), `layout`.
 * - `members`  Y.Map<memberId, Y.Map> of {@link Member} fields; a removed member keeps its record
 *              with `removed: true` (and `removedAt`), so audit entries still name them.
 * - `cases`    Y.Map<caseId, Y.Map> the case index: {@link CaseIndexEntry} fields, including the
 *              optional `access` that limits who may open the case doc (see {@link CaseAccess}).
 * - `audit`    Y.Array of {@link AuditEntry}.
 *
 * Only workspace admins may write this doc once it is shared through a relay (the relay enforces it,
 * and reads members and case access from it to authorise every connection).
 */
import * as Y from 'yjs';
import { WORKSPACE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { z } from 'zod';
import { CASE_STATUSES, CRIME_SECTORS, TLP_MARKINGS } from '../domain/codes';
import { caseNumberSchema } from '../domain/case';
import { currencyCodeSchema, idSchema, lineSchema } from '../domain/fields';
import { onlineTilesSchema, type OnlineTiles } from '../domain/online-tiles';
import { memberSchema, type Member } from '../domain/member';
import type { AuditEntry } from './case-doc';
import {
  FlatRecords,
  readFields,
  readLenient,
  stamp,
  validatePatch,
  validateWhole,
  writeFields,
  type Writer,
} from './records';

/** Version of this layout, stored in `settings.layout`. */
export const WORKSPACE_DOC_LAYOUT = 1;

/** Workspace settings. `casePrefix`: 2–12 capitals/digits starting with a letter. */
export const workspaceSettingsSchema = z.object({
  id: idSchema,
  name: lineSchema(120).min(1, 'is required'),
  casePrefix: z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/, 'must be 2–12 capital letters or digits, starting with a letter'),
  reportingCurrency: currencyCodeSchema,
});
/** Workspace settings. */
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/**
 * Who may open a case doc. A member may when their id is in `members` or their agency is in
 * `agencies` (agency names compared trimmed and case-insensitively); workspace admins always may.
 * No `access` on an entry (or no entry) means every member of the workspace may; observers only
 * ever read. An `access` with both lists empty leaves the case to admins.
 */
export const caseAccessSchema = z.object({
  agencies: z.array(lineSchema(200).min(1)).max(200).optional(),
  members: z.array(z.string().min(1).max(100)).max(1000).optional(),
});
/** Who may open a case doc; see {@link caseAccessSchema}. */
export type CaseAccess = z.infer<typeof caseAccessSchema>;

/** What a case's `access` field reads as when it is present but unreadable (a newer or broken writer): admins only. */
const ACCESS_FAIL_CLOSED: CaseAccess = { agencies: [], members: [] };

/** One entry of the case index: what every member may know about a case without opening it. */
export const caseIndexEntrySchema = z.object({
  id: idSchema,
  number: caseNumberSchema,
  title: lineSchema(200),
  status: z.enum(CASE_STATUSES),
  sector: z.enum(CRIME_SECTORS),
  tlp: z.enum(TLP_MARKINGS),
  createdBy: z.string(),
  createdAt: z.number().int(),
  access: caseAccessSchema.optional(),
});
/** One entry of the case index. */
export type CaseIndexEntry = z.infer<typeof caseIndexEntrySchema>;

/** A member record including its removal state (a removed member is kept so audit entries still name them). */
export type MemberRecord = Member & { removed: boolean };

/** The fields read per member record (the schema's, plus the record state flags). */
const MEMBER_FIELDS: readonly string[] = [...Object.keys(memberSchema.shape), 'deleted', 'removed', 'removedAt'];
/** The fields read per case index record. */
const CASE_FIELDS: readonly string[] = [...Object.keys(caseIndexEntrySchema.shape), 'deleted'];

const SETTINGS_DEFAULTS: WorkspaceSettings = { id: '00000000-0000-0000-0000-000000000000', name: '(workspace)', casePrefix: 'NEST', reportingCurrency: 'USD' };

/** Typed view over one workspace's Y.Doc. */
export class WorkspaceDoc extends DocView {

  constructor(doc: Y.Doc) {
    super(doc, WORKSPACE_DOC_ROOTS);
  }

  private get settingsMap(): Y.Map<unknown> {
    return this.doc.getMap('settings');
  }
  /** Member records, field by field (records.ts FlatRecords: concurrent creations merge). */
  private get members(): FlatRecords {
    return new FlatRecords(this.doc.getMap('memberFields'), this.doc.getMap('members'), MEMBER_FIELDS);
  }
  /** Case index records, field by field (records.ts FlatRecords: concurrent creations merge). */
  private get cases(): FlatRecords {
    return new FlatRecords(this.doc.getMap('caseFields'), this.doc.getMap('cases'), CASE_FIELDS);
  }
  private get auditLog(): Y.Array<AuditEntry> {
    return this.doc.getArray('audit');
  }


  /** True once settings carry an id. */
  isInitialised(): boolean {
    return typeof this.settingsMap.get('id') === 'string';
  }

  /**
   * Initialises a new workspace with its settings and first member (its admin).
   * @throws NestError('validation') for invalid settings or member.
   */
  init(settings: WorkspaceSettings, founder: Member, w: Writer): void {
    const s = validateWhole(workspaceSettingsSchema, settings);
    const m = validateWhole(memberSchema, founder);
    this.write(w, () => {
      writeFields(this.settingsMap, { ...s, layout: WORKSPACE_DOC_LAYOUT });
      this.members.write(m.id, m);
      this.auditLog.push([{ at: stamp(w), by: w.memberId, action: 'workspace.create', target: s.id }]);
    });
  }

  /** Settings, with defaults for anything not yet received. */
  readSettings(): WorkspaceSettings {
    return readLenient(readFields(this.settingsMap), workspaceSettingsSchema.shape, SETTINGS_DEFAULTS);
  }

  /**
   * Updates settings (not the id).
   * @throws NestError('validation').
   */
  updateSettings(patch: Partial<Omit<WorkspaceSettings, 'id'>>, w: Writer): void {
    const { id: _id, ...schemas } = workspaceSettingsSchema.shape;
    const valid = validatePatch(schemas, patch);
    this.write(w, () => {
      const changed = writeFields(this.settingsMap, valid);
      if (changed.length) this.auditLog.push([{ at: stamp(w), by: w.memberId, action: 'workspace.update', fields: changed }]);
    });
  }

  /** The online tile layer an admin enabled (settings key `onlineTiles`), or null when off or unreadable. */
  readOnlineTiles(): OnlineTiles | null {
    const r = onlineTilesSchema.safeParse(this.settingsMap.get('onlineTiles'));
    return r.success ? r.data : null;
  }

  /**
   * Enables (with a validated layer) or disables (null) the online tile layer; one audit entry
   * `workspace.update` naming the field. Admins only: callers check `workspace.settings`, and the
   * relay accepts workspace-doc writes from admins alone.
   * @throws NestError('validation') for a bad template or attribution; nothing is written.
   */
  setOnlineTiles(value: OnlineTiles | null, w: Writer): void {
    const valid = value === null ? null : validateWhole(onlineTilesSchema, value);
    this.write(w, () => {
      const changed = writeFields(this.settingsMap, { onlineTiles: valid });
      if (changed.length) this.auditLog.push([{ at: stamp(w), by: w.memberId, action: 'workspace.update', fields: changed }]);
    });
  }

  /** All current members (not removed), by name. */
  listMembers(): Member[] {
    const out: Member[] = [];
    const members = this.members;
    for (const id of members.ids()) {
      const rec = members.read(id);
      if (!rec || rec.deleted === true || rec.removed === true) continue;
      const r = memberSchema.safeParse({ ...rec, id });
      if (r.success) out.push(r.data);
    }
    return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** One current member, or null (also for a removed member; see {@link getMemberRecord}). */
  getMember(id: string): Member | null {
    const rec = this.getMemberRecord(id);
    if (!rec || rec.removed) return null;
    const { removed: _removed, ...member } = rec;
    return member;
  }

  /**
   * One member record whether removed or not, or null when there is none or it is unreadable.
   * The relay authorises with it: a removed member is refused and disconnected.
   */
  getMemberRecord(id: string): MemberRecord | null {
    const rec = this.members.read(id);
    if (!rec || rec.deleted === true) return null;
    const r = memberSchema.safeParse({ ...rec, id });
    return r.success ? { ...r.data, removed: rec.removed === true } : null;
  }

  /**
   * Adds or updates a member record; a removed member is admitted again.
   * @throws NestError('validation').
   */
  upsertMember(member: Member, w: Writer): void {
    const m = validateWhole(memberSchema, member);
    this.write(w, () => {
      const rec = this.members.read(m.id);
      this.members.write(m.id, rec ? { ...m, deleted: false, ...(rec.removed === true ? { removed: false } : {}) } : m);
      this.auditLog.push([{ at: stamp(w), by: w.memberId, action: 'member.upsert', target: m.id }]);
    });
  }

  /**
   * Removes a member from the workspace: the record stays, marked `removed: true` with `removedAt`
   * (ms since epoch), so audit entries still name them; the relay disconnects their sockets and
   * refuses their token from then on. {@link upsertMember} admits them again.
   * @throws NestError('not-found') when there is no such member.
   */
  removeMember(id: string, w: Writer): void {
    const rec = this.members.require(id, 'member');
    if (rec.removed === true) return;
    this.write(w, () => {
      this.members.write(id, { removed: true, removedAt: stamp(w) });
      this.auditLog.push([{ at: stamp(w), by: w.memberId, action: 'member.remove', target: id }]);
    });
  }

  /** The case index, newest case number first. */
  listCases(): CaseIndexEntry[] {
    const out: CaseIndexEntry[] = [];
    const cases = this.cases;
    for (const id of cases.ids()) {
      const rec = cases.read(id);
      if (!rec || rec.deleted === true) continue;
      const e = readCaseEntry(rec, id);
      if (e) out.push(e);
    }
    return out.sort((a, b) => b.number.localeCompare(a.number) || a.id.localeCompare(b.id));
  }

  /** One case index entry, or null. */
  getCase(id: string): CaseIndexEntry | null {
    const rec = this.cases.read(id);
    if (!rec || rec.deleted === true) return null;
    return readCaseEntry(rec, id);
  }

  /**
   * Who may open case `caseId`'s doc: its entry's `access`, or null when every member may (no
   * entry, or an entry without `access`). Read even from a deleted entry, so deleting a restricted
   * case from the index never opens it to everyone; an unreadable `access` reads as admins-only.
   */
  caseAccess(caseId: string): CaseAccess | null {
    const rec = this.cases.read(caseId);
    if (!rec || !('access' in rec)) return null;
    const raw = rec.access;
    if (raw === null || raw === undefined) return null;
    const r = caseAccessSchema.safeParse(raw);
    return r.success ? r.data : ACCESS_FAIL_CLOSED;
  }

  /**
   * Sets who may open a case doc (`null`: every member). The relay applies it to connected
   * members at once: a member no longer allowed is disconnected.
   * @throws NestError('not-found') when the case is not in the index; NestError('validation').
   */
  setCaseAccess(caseId: string, access: CaseAccess | null, w: Writer): void {
    const rec = this.cases.require(caseId, 'case');
    const valid = access === null ? null : validateWhole(caseAccessSchema, access);
    this.write(w, () => {
      // "No restriction" is written as null (not a deleted key), so it also overrides an
      // `access` of the older nested layout.
      if (valid === null && (rec.access === undefined || rec.access === null)) return;
      if (this.cases.write(caseId, { access: valid }).length === 0) return;
      this.auditLog.push([{ at: stamp(w), by: w.memberId, action: 'case.access', target: caseId }]);
    });
  }

  /**
   * The next free case number for `year` (e.g. 2026 → "NEST-2026-0003" when 0001 and 0002 exist).
   * Two offline replicas can pick the same number; {@link duplicateCaseNumbers} finds those after sync.
   */
  nextCaseNumber(year: number): string {
    const prefix = `${this.readSettings().casePrefix}-${year}-`;
    let max = 0;
    const cases = this.cases;
    for (const id of cases.ids()) {
      const n = cases.read(id)?.number;
      if (typeof n === 'string' && n.startsWith(prefix)) max = Math.max(max, Number.parseInt(n.slice(prefix.length), 10) || 0);
    }
    return `${prefix}${String(max + 1).padStart(4, '0')}`;
  }

  /** Case numbers used by more than one case (possible after offline creation on two machines). */
  duplicateCaseNumbers(): string[] {
    const seen = new Map<string, number>();
    for (const c of this.listCases()) seen.set(c.number, (seen.get(c.number) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  }

  /**
   * Adds or updates a case index entry (only changed fields are written).
   * @throws NestError('validation').
   */
  upsertCase(entry: CaseIndexEntry, w: Writer): void {
    const e = validateWhole(caseIndexEntrySchema, entry);
    this.write(w, () => {
      const exists = this.cases.read(e.id) !== null;
      this.cases.write(e.id, e);
      if (!exists) {
        this.auditLog.push([{ at: stamp(w), by: w.memberId, action: 'case.index', target: e.id }]);
      }
    });
  }

  /** Calls `fn` after every transaction that changed the workspace doc. Returns the unsubscribe function. */
  observe(fn: (origin: unknown) => void): () => void {
    const onUpdate = (_u: Uint8Array, origin: unknown): void => fn(origin);
    this.doc.on('update', onUpdate);
    return () => this.doc.off('update', onUpdate);
  }
}

/** Reads one case index entry leniently: an unreadable `access` reads as admins-only instead of hiding the case. */
function readCaseEntry(rec: Record<string, unknown>, id: string): CaseIndexEntry | null {
  const { access, ...fields } = rec;
  const r = caseIndexEntrySchema.omit({ access: true }).safeParse({ ...fields, id });
  if (!r.success) return null;
  if (access === undefined || access === null) return r.data;
  const a = caseAccessSchema.safeParse(access);
  return { ...r.data, access: a.success ? a.data : ACCESS_FAIL_CLOSED };
}
