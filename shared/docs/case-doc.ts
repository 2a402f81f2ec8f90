/**
 * The case doc layout and its typed helpers: the only code that reads or writes a case's raw
 * Y types. Layout (top-level shared types of the Y.Doc):
 *
 * - `meta`     Y.Map of case fields (see {@link caseMetaSchema}) plus `layout` (layout version).
 * - `summary`  Y.Text, the case summary (plain text, merged character by character).
 * - `seizures` Y.Map<seizureId, Y.Map<field, value>>; a deleted seizure keeps its record with
 *              `deleted: true` so the evidence trail survives and concurrent edits never resurrect it.
 * - `routes`   Y.Map<routeId, Y.Map> of {@link RouteFields} (suspected trafficking routes), deleted like seizures.
 * - `audit`    Y.Array of {@link AuditEntry}, append-only: who did what, when.
 *
 * Every write validates with zod first (nothing is written when a field is bad), stamps
 * `updatedBy`/`updatedAt`, appends an audit entry and runs in one transaction whose origin
 * is a {@link WriteOrigin} naming the member.
 */
import * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { caseFieldsSchema, caseMetaSchema, type CaseFields, type CaseMeta } from '../domain/case';
import { MAX_SEIZURES_PER_CASE, seizureFieldSchemas, seizureFieldsSchema, newSeizureFields, type Seizure, type SeizureFields } from '../domain/seizure';
import { routeFieldsSchema, type Route, type RouteFields } from '../domain/route';
import { NestError, describeIssues } from '../errors';
import {
  insertRecord,
  readFields,
  readLenient,
  requireRecord,
  stamp,
  validatePatch,
  validateWhole,
  writeFields,
  type Writer,
} from './records';
import { t } from '../messages/format';

/** Version of this layout, stored in `meta.layout`. */
export const CASE_DOC_LAYOUT = 1;

/** One audit-log entry: `at` ms since epoch, `by` member id, `action` e.g. "seizure.update", `target` record id, `fields` changed. */
export interface AuditEntry {
  at: number;
  by: string;
  action: string;
  target?: string;
  fields?: string[];
  count?: number;
}

/** What changed in one transaction of a case doc, for incremental projections. */
export interface CaseDocChange {
  meta: boolean;
  summary: boolean;
  routes: boolean;
  seizureIds: Set<string>;
}

/**
 * What a seizure field reads as when it is missing or invalid (from a newer or buggy peer): empty
 * or the least precise value, never a plausible-looking made-up one (no default country or date).
 */
const UNREADABLE_SEIZURE: SeizureFields = {
  ...newSeizureFields(''),
  seizureDate: '',
  datePrecision: 'year',
  country: '',
  locationPrecision: 'country',
  sector: 'other',
};

/** Fields of a case's meta shown when a replica has not received them yet. */
const META_DEFAULTS: CaseMeta = {
  id: '00000000-0000-0000-0000-000000000000',
  number: 'NEST-0000-0000',
  title: '(untitled case)',
  status: 'open',
  sector: 'other',
  tlp: 'AMBER',
  jurisdictions: [],
  leadAgency: '',
  openedOn: '1970-01-01',
  createdBy: '',
  createdAt: 0,
  updatedBy: '',
  updatedAt: 0,
};

const metaFieldSchemas = caseMetaSchema.shape;

/** Typed view over one case's Y.Doc. Cheap to construct; holds no state of its own. */
export class CaseDoc extends DocView {

  constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  private get metaMap(): Y.Map<unknown> {
    return this.doc.getMap('meta');
  }
  private get seizureMap(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap('seizures');
  }
  private get summaryText(): Y.Text {
    return this.doc.getText('summary');
  }
  private get auditLog(): Y.Array<AuditEntry> {
    return this.doc.getArray('audit');
  }
  private get routeMap(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap('routes');
  }

  /** True once the case has been initialised (its meta carries an id). */
  isInitialised(): boolean {
    return typeof this.metaMap.get('id') === 'string';
  }

  /**
   * Initialises a new case doc with its id, number and fields.
   * @throws NestError('validation') when a field is invalid.
   */
  init(id: string, number: string, fields: CaseFields, w: Writer): CaseMeta {
    const at = stamp(w);
    const meta = validateWhole(caseMetaSchema, { ...fields, id, number, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
    this.write(w, () => {
      writeFields(this.metaMap, { ...meta, layout: CASE_DOC_LAYOUT });
      this.auditLog.push([{ at, by: w.memberId, action: 'case.create', target: id }]);
    });
    return meta;
  }

  /** The case meta, with defaults for fields a replica has not received (lenient read). */
  readMeta(): CaseMeta {
    return readLenient(readFields(this.metaMap), metaFieldSchemas, META_DEFAULTS);
  }

  /**
   * Updates case fields; only changed fields are written.
   * @throws NestError('validation') naming each bad field.
   */
  updateMeta(patch: Partial<CaseFields>, w: Writer): string[] {
    const valid = validatePatch(caseFieldsSchema.shape, patch);
    return this.write(w, () => {
      const changed = writeFields(this.metaMap, valid);
      if (changed.length) {
        const at = stamp(w);
        writeFields(this.metaMap, { updatedBy: w.memberId, updatedAt: at });
        this.auditLog.push([{ at, by: w.memberId, action: 'case.update', fields: changed }]);
      }
      return changed;
    });
  }

  /** The summary text. */
  readSummary(): string {
    return this.summaryText.toString();
  }

  /**
   * Replaces the summary with `next` by the minimal single splice (common prefix and suffix kept),
   * so concurrent edits elsewhere in the text survive.
   */
  setSummary(next: string, w: Writer): void {
    if (next.length > 100_000) throw new NestError('validation', { id: 'case.summary-too-long', values: { max: 100_000 } }, [{ field: 'summary', message: t('field.max-characters', { max: 100_000 }) }]);
    const current = this.summaryText.toString();
    if (current === next) return;
    let start = 0;
    while (start < current.length && start < next.length && current[start] === next[start]) start++;
    let endCur = current.length;
    let endNext = next.length;
    while (endCur > start && endNext > start && current[endCur - 1] === next[endNext - 1]) {
      endCur--;
      endNext--;
    }
    this.write(w, () => {
      if (endCur > start) this.summaryText.delete(start, endCur - start);
      if (endNext > start) this.summaryText.insert(start, next.slice(start, endNext));
      writeFields(this.metaMap, { updatedBy: w.memberId, updatedAt: stamp(w) });
    });
  }

  /** All live (not deleted) seizures, ordered by date then id. */
  listSeizures(): Seizure[] {
    const out: Seizure[] = [];
    this.seizureMap.forEach((rec, id) => {
      if (rec instanceof Y.Map && rec.get('deleted') !== true) out.push(this.toSeizure(id, rec));
    });
    return out.sort((a, b) => a.seizureDate.localeCompare(b.seizureDate) || a.id.localeCompare(b.id));
  }

  /**
   * @throws NestError('too-large') when adding `n` seizures would exceed {@link MAX_SEIZURES_PER_CASE}.
   */
  private requireRoomFor(n: number): void {
    const have = this.seizureCount();
    if (have + n > MAX_SEIZURES_PER_CASE) {
      throw new NestError(
        'too-large',
        { id: 'case.too-many-seizures', values: { max: MAX_SEIZURES_PER_CASE, total: have + n } },
      );
    }
  }

  /** Number of live seizures. */
  seizureCount(): number {
    let n = 0;
    this.seizureMap.forEach((rec) => {
      if (rec instanceof Y.Map && rec.get('deleted') !== true) n++;
    });
    return n;
  }

  /** One seizure by id, or null when missing or deleted. */
  getSeizure(id: string): Seizure | null {
    const rec = this.seizureMap.get(id);
    if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return null;
    return this.toSeizure(id, rec);
  }

  private toSeizure(id: string, rec: Y.Map<unknown>): Seizure {
    const raw = readFields(rec);
    const fields = readLenient(raw, seizureFieldSchemas, UNREADABLE_SEIZURE);
    // A quantity whose unit cannot be read would show a wrong amount: show none instead.
    if (raw.unit !== fields.unit) fields.quantity = null;
    return {
      ...fields,
      id,
      createdBy: typeof raw.createdBy === 'string' ? raw.createdBy : '',
      createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
      updatedBy: typeof raw.updatedBy === 'string' ? raw.updatedBy : '',
      updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : 0,
    };
  }

  /**
   * Adds a seizure.
   * @param id the new record's UUID (callers pass `crypto.randomUUID()`).
   * @throws NestError('validation') naming each bad field; nothing is written.
   */
  addSeizure(id: string, fields: SeizureFields, w: Writer): Seizure {
    this.addSeizures([{ id, fields }], w, 'seizure.add');
    return this.getSeizure(id)!;
  }

  /**
   * Adds many seizures in one transaction (e.g. an import) with a single audit entry.
   * All are validated first: if any is invalid nothing is written.
   * @throws NestError('validation') with the issues of the first bad record, fields prefixed by its index.
   */
  addSeizures(items: { id: string; fields: SeizureFields }[], w: Writer, action = 'seizure.import'): void {
    const valid = items.map((it, i) => {
      try {
        return { id: it.id, fields: validateWhole(seizureFieldsSchema, it.fields) };
      } catch (err) {
        if (err instanceof NestError && items.length > 1) {
          throw new NestError('validation', { id: 'record.nth-invalid', values: { n: i + 1, detail: err.message } }, err.issues?.map((x) => ({ ...x, field: `${i}.${x.field}` })));
        }
        throw err;
      }
    });
    this.requireRoomFor(valid.length);
    const at = stamp(w);
    this.write(w, () => {
      for (const { id, fields } of valid) {
        if (this.seizureMap.has(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'seizure', id } });
        insertRecord(this.seizureMap, id, { ...fields, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
      }
      this.auditLog.push([
        valid.length === 1 ? { at, by: w.memberId, action, target: valid[0]!.id } : { at, by: w.memberId, action, count: valid.length },
      ]);
      writeFields(this.metaMap, { updatedBy: w.memberId, updatedAt: at });
    });
  }

  /**
   * Imports seizures and routes from one file in ONE transaction with one audit entry: every
   * record is validated first, so either all are written or (on a bad record) none.
   * @throws NestError('validation') naming the first bad record and its fields.
   */
  importRecords(items: { seizures: { id: string; fields: SeizureFields }[]; routes: { id: string; fields: RouteFields }[]; source: string }, w: Writer): void {
    const seizures = items.seizures.map((it, i) => {
      const r = seizureFieldsSchema.safeParse(it.fields);
      if (!r.success) throw new NestError('validation', { id: 'record.nth-seizure-invalid', values: { n: i + 1, detail: describeIssues(r.error.issues) } });
      if (this.seizureMap.has(it.id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'seizure', id: it.id } });
      return { id: it.id, fields: r.data };
    });
    const routes = items.routes.map((it) => ({ id: it.id, fields: validateWhole(routeFieldsSchema, it.fields) }));
    this.requireRoomFor(seizures.length);
    const at = stamp(w);
    this.write(w, () => {
      for (const { id, fields } of seizures) insertRecord(this.seizureMap, id, { ...fields, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
      for (const { id, fields } of routes) insertRecord(this.routeMap, id, { ...fields, createdBy: w.memberId, createdAt: at });
      this.auditLog.push([{ at, by: w.memberId, action: 'case.import', count: seizures.length + routes.length, target: items.source.slice(0, 255) }]);
      writeFields(this.metaMap, { updatedBy: w.memberId, updatedAt: at });
    });
  }

  /**
   * Updates some fields of a seizure; the merged record is validated as a whole (e.g. both
   * coordinates or neither).
   * @throws NestError('not-found') for an unknown or deleted id; NestError('validation') naming each bad field.
   */
  updateSeizure(id: string, patch: Partial<SeizureFields>, w: Writer): string[] {
    const rec = requireRecord(this.seizureMap, id, 'seizure');
    const valid = validatePatch(seizureFieldSchemas, patch);
    const current = this.toSeizure(id, rec);
    validateWhole(seizureFieldsSchema, { ...stripStamps(current), ...valid });
    return this.write(w, () => {
      const changed = writeFields(rec, valid);
      if (changed.length) {
        const at = stamp(w);
        writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
        this.auditLog.push([{ at, by: w.memberId, action: 'seizure.update', target: id, fields: changed }]);
        writeFields(this.metaMap, { updatedBy: w.memberId, updatedAt: at });
      }
      return changed;
    });
  }

  /**
   * Deletes a seizure (kept as a tombstone record with `deleted: true`).
   * @throws NestError('not-found') for an unknown or already deleted id.
   */
  deleteSeizure(id: string, w: Writer): void {
    const rec = requireRecord(this.seizureMap, id, 'seizure');
    this.write(w, () => {
      const at = stamp(w);
      writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
      this.auditLog.push([{ at, by: w.memberId, action: 'seizure.delete', target: id }]);
      writeFields(this.metaMap, { updatedBy: w.memberId, updatedAt: at });
    });
  }

  /** All live routes, by name. Records whose points are invalid are skipped. */
  listRoutes(): Route[] {
    const out: Route[] = [];
    this.routeMap.forEach((rec, id) => {
      if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
      const raw = readFields(rec);
      const r = routeFieldsSchema.safeParse({ name: raw.name, points: raw.points, notes: raw.notes ?? '' });
      if (r.success) out.push({ ...r.data, id, createdBy: String(raw.createdBy ?? ''), createdAt: Number(raw.createdAt ?? 0) });
    });
    return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /**
   * Adds routes in one transaction (validated first; nothing is written when one is bad).
   * @throws NestError('validation').
   */
  addRoutes(items: { id: string; fields: RouteFields }[], w: Writer): void {
    const valid = items.map((it) => ({ id: it.id, fields: validateWhole(routeFieldsSchema, it.fields) }));
    if (!valid.length) return;
    const at = stamp(w);
    this.write(w, () => {
      for (const { id, fields } of valid) insertRecord(this.routeMap, id, { ...fields, createdBy: w.memberId, createdAt: at });
      this.auditLog.push([{ at, by: w.memberId, action: 'route.add', count: valid.length }]);
    });
  }

  /**
   * Deletes a route (tombstone).
   * @throws NestError('not-found').
   */
  deleteRoute(id: string, w: Writer): void {
    const rec = requireRecord(this.routeMap, id, 'route');
    this.write(w, () => {
      writeFields(rec, { deleted: true });
      this.auditLog.push([{ at: stamp(w), by: w.memberId, action: 'route.delete', target: id }]);
    });
  }

  /**
   * The audit log, oldest first. Entries that do not have the audit shape (written by a buggy or
   * hostile peer: the log is shared) are left out, so a reader never sees anything but valid entries.
   */
  readAudit(): AuditEntry[] {
    return this.auditLog.toArray().filter(isAuditEntry);
  }

  /**
   * Calls `fn` after every transaction that changed the case, with what changed
   * (meta, summary, ids of added/changed/deleted seizures). Returns the unsubscribe function.
   */
  observe(fn: (change: CaseDocChange, origin: unknown) => void): () => void {
    const onTx = (tr: Y.Transaction): void => {
      const change: CaseDocChange = { meta: false, summary: false, routes: false, seizureIds: new Set() };
      const seizures = this.seizureMap;
      const routes = this.routeMap;
      for (const [changedType, keys] of tr.changed) {
        const type: unknown = changedType;
        if (type === this.metaMap) change.meta = true;
        else if (type === this.summaryText) change.summary = true;
        else if (type === routes || (type instanceof Y.Map && type.parent === routes)) change.routes = true;
        else if (type === seizures) keys.forEach((k) => k !== null && change.seizureIds.add(k));
        else if (type instanceof Y.Map && type.parent === seizures) {
          const key = seizureKeyOf(seizures, type);
          if (key) change.seizureIds.add(key);
        }
      }
      if (change.meta || change.summary || change.routes || change.seizureIds.size) fn(change, tr.origin);
    };
    this.doc.on('afterTransaction', onTx);
    return () => this.doc.off('afterTransaction', onTx);
  }
}

/** True when `e` has the shape of an {@link AuditEntry}. */
export function isAuditEntry(e: unknown): e is AuditEntry {
  if (!e || typeof e !== 'object') return false;
  const a = e as Record<string, unknown>;
  return (
    typeof a.at === 'number' &&
    Number.isFinite(a.at) &&
    typeof a.by === 'string' &&
    typeof a.action === 'string' &&
    (a.target === undefined || typeof a.target === 'string') &&
    (a.count === undefined || typeof a.count === 'number') &&
    (a.fields === undefined || (Array.isArray(a.fields) && a.fields.every((f) => typeof f === 'string')))
  );
}

/** The key under which `child` sits in `parent` (Y.Map records know their parent but not their key through public API). */
function seizureKeyOf(parent: Y.Map<Y.Map<unknown>>, child: Y.Map<unknown>): string | null {
  // `_item.parentSub` is the key; it is stable Yjs internals (used by y-prosemirror too). Fall back to a scan.
  const sub = (child as unknown as { _item?: { parentSub?: string | null } })._item?.parentSub;
  if (typeof sub === 'string') return sub;
  for (const [k, v] of parent.entries()) if (v === child) return k;
  return null;
}

function stripStamps(s: Seizure): SeizureFields {
  const { id: _id, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, ...fields } = s;
  return fields;
}
