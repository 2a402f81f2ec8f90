/**
 * One case record map (`Y.Map<recordId, Y.Map<field, value>>`) with the seizure rules, for the
 * record kinds added by issue 12 (tasks, timeline events): writes validated with zod first (a bad
 * field writes nothing), stamped with the member and time, audited (old → new per field) and run
 * in the caller's one transaction; deletions kept as `deleted: true`; reads lenient (a missing or
 * invalid field reads as its default; a record whose whole shape is invalid is left out).
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { NestError } from '../errors';
import { changesOf, summaryOf, type AuditEntry } from './case-audit';
import { insertRecord, readFields, readLenient, stamp, validatePatch, validateWhole, writeFields, type Writer } from './records';

/** Runs `fn` in one transaction attributed to the writer (DocView.write). */
export type Tx = <T>(w: Writer, fn: () => T) => T;

/** Stamps every record carries (ms since epoch, member ids). */
export interface Stamps {
  id: string;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
}

/** How one kind of record is checked and named in the audit log. */
export interface RecordSpec<F extends Record<string, unknown>> {
  /** Audit action prefix and `record.*` kind, e.g. 'task' → 'task.add', 'task.update', 'task.delete'. */
  kind: 'task' | 'event' | 'caseLink';
  /** Per-field schemas (patches). */
  fields: Record<keyof F & string, z.ZodType>;
  /** The whole record's schema (cross-field rules). */
  whole: z.ZodType<F>;
  /** What a missing or unreadable field reads as. */
  defaults: F;
  /** Fields a deletion keeps in its audit `summary`. */
  summary: readonly (keyof F & string)[];
}

/** A typed record map of one case doc. */
export class CaseRecordMap<F extends Record<string, unknown>> {
  constructor(
    private readonly map: Y.Map<Y.Map<unknown>>,
    private readonly meta: Y.Map<unknown>,
    private readonly audit: Y.Array<AuditEntry>,
    private readonly spec: RecordSpec<F>,
  ) {}

  private read(id: string, rec: Y.Map<unknown>): F & Stamps {
    const raw = readFields(rec);
    const fields = readLenient(raw, this.spec.fields, this.spec.defaults);
    return {
      ...fields,
      id,
      createdBy: typeof raw.createdBy === 'string' ? raw.createdBy : '',
      createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
      updatedBy: typeof raw.updatedBy === 'string' ? raw.updatedBy : '',
      updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : 0,
    };
  }

  /** Every live record, oldest first (then by id). */
  list(): (F & Stamps)[] {
    const out: (F & Stamps)[] = [];
    this.map.forEach((rec, id) => {
      if (rec instanceof Y.Map && rec.get('deleted') !== true) out.push(this.read(id, rec));
    });
    return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** Every record, live and deleted (`deleted` says which), oldest first (then by id). */
  listWithDeleted(): (F & Stamps & { deleted: boolean })[] {
    const out: (F & Stamps & { deleted: boolean })[] = [];
    this.map.forEach((rec, id) => {
      if (rec instanceof Y.Map) out.push({ ...this.read(id, rec), deleted: rec.get('deleted') === true });
    });
    return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** One record; null when missing, or when deleted unless `withDeleted`. */
  get(id: string, withDeleted = false): (F & Stamps) | null {
    const rec = this.map.get(id);
    if (!(rec instanceof Y.Map) || (!withDeleted && rec.get('deleted') === true)) return null;
    return this.read(id, rec);
  }

  private require(id: string): Y.Map<unknown> {
    const rec = this.map.get(id);
    if (!(rec instanceof Y.Map) || rec.get('deleted') === true) throw new NestError('not-found', { id: 'record.not-found', values: { kind: this.spec.kind, id } });
    return rec;
  }

  /**
   * Adds records in the caller's transaction, with one audit entry each (`<kind>.add`, or `action`).
   * @throws NestError('validation') naming each bad field (nothing written); when `id` exists.
   */
  add(tx: Tx, items: { id: string; fields: F }[], w: Writer, action = `${this.spec.kind}.add`): void {
    const valid = items.map((it) => ({ id: it.id, fields: validateWhole(this.spec.whole, it.fields) }));
    const at = stamp(w);
    tx(w, () => {
      for (const { id, fields } of valid) {
        if (this.map.has(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: this.spec.kind, id } });
        insertRecord(this.map, id, { ...fields, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
        this.audit.push([{ at, by: w.memberId, action, target: id, summary: summaryOf(fields, this.spec.summary) }]);
      }
      if (valid.length) writeFields(this.meta, { updatedBy: w.memberId, updatedAt: at });
    });
  }

  /**
   * Updates fields of a record; the merged record is validated as a whole.
   * @returns the changed field names.
   * @throws NestError('not-found') for an unknown or deleted id; NestError('validation').
   */
  update(tx: Tx, id: string, patch: Partial<F>, w: Writer, action = `${this.spec.kind}.update`): string[] {
    const rec = this.require(id);
    const valid = validatePatch(this.spec.fields, patch);
    const current = this.read(id, rec);
    validateWhole(this.spec.whole, { ...pick(current, Object.keys(this.spec.defaults)), ...valid });
    return tx(w, () => {
      const before = readFields(rec);
      const changed = writeFields(rec, valid);
      if (changed.length) {
        const at = stamp(w);
        writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
        this.audit.push([{ at, by: w.memberId, action, target: id, fields: changed, changes: changesOf(changed, before, valid), summary: summaryOf(before, this.spec.summary) }]);
        writeFields(this.meta, { updatedBy: w.memberId, updatedAt: at });
      }
      return changed;
    });
  }

  /**
   * Marks a record deleted (kept with `deleted: true`); the audit entry keeps its summary.
   * @throws NestError('not-found') for an unknown or already deleted id.
   */
  delete(tx: Tx, id: string, w: Writer): void {
    const rec = this.require(id);
    tx(w, () => {
      const at = stamp(w);
      const summary = summaryOf(readFields(rec), this.spec.summary);
      writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
      this.audit.push([{ at, by: w.memberId, action: `${this.spec.kind}.delete`, target: id, summary }]);
      writeFields(this.meta, { updatedBy: w.memberId, updatedAt: at });
    });
  }
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = o[k];
  return out;
}
