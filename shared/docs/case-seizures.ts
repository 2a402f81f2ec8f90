/**
 * The seizures of a case doc (`seizures`: Y.Map<seizureId, Y.Map<field, value>>, deleted ones kept
 * as tombstones with `deleted: true`) and the audit entries their writes append. `CaseDoc`
 * delegates to these functions; nothing else calls them. The write functions run inside the
 * caller's transaction (`tx`), after validating everything first, so a bad record writes nothing.
 */
import * as Y from 'yjs';
import { MAX_SEIZURES_PER_CASE, readReviewFlags, reviewFlagSchema, seizureFieldSchemas, seizureFieldsSchema, newSeizureFields, stampReviewFlags, type RaisedReviewFlag, type ReviewFlag, type Seizure, type SeizureFields } from '../domain/seizure';
import { NestError } from '../errors';
import { changesOf, summaryOf, SEIZURE_SUMMARY_FIELDS, type AuditEntry } from './case-audit';
import { insertRecord, jsonEqual, readFields, readLenient, requireRecord, stamp, validatePatch, validateWhole, writeFields, type Writer } from './records';

/** The raw parts of a case doc the record helpers use. */
export interface CaseParts {
  meta: Y.Map<unknown>;
  seizures: Y.Map<Y.Map<unknown>>;
  routes: Y.Map<Y.Map<unknown>>;
  audit: Y.Array<AuditEntry>;
}

/** Runs `fn` in one transaction attributed to the writer (DocView.write). */
export type Tx = <T>(w: Writer, fn: () => T) => T;

/**
 * Where a seizure's record lives: the `seizures` map of the case doc itself or of one of its
 * volume docs (volume-doc.ts), with that doc's transaction. The audit entry and the case's
 * `updatedBy` stay in the case doc whichever home the record has.
 */
export interface SeizureHome {
  seizures: Y.Map<Y.Map<unknown>>;
  tx: Tx;
}

/** The case doc's own seizures as a {@link SeizureHome}. */
export function inlineHome(p: CaseParts, tx: Tx): SeizureHome {
  return { seizures: p.seizures, tx };
}

/**
 * A transaction that writes both `home` and the case doc: the home's transaction runs inside the
 * case doc's (one transaction when the home is the case doc). For a volume the volume's update is
 * committed first, then the case doc's with the audit: a write that throws writes neither, and
 * a crash between the two leaves a stamped record (updatedBy/updatedAt) without its audit entry,
 * never an audit entry for a change that was not made.
 */
export function bothTx(tx: Tx, home: SeizureHome): Tx {
  return home.tx === tx ? tx : <T>(w: Writer, fn: () => T): T => tx(w, () => home.tx(w, fn));
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
  locationPrecision: null,
  sector: 'other',
};

/** The seizure fields' names, listed once (not per record read). */
const SEIZURE_FIELD_KEYS = Object.keys(UNREADABLE_SEIZURE) as readonly (keyof SeizureFields)[];

/** A seizure record read leniently (see {@link UNREADABLE_SEIZURE}), with its stamps. */
export function toSeizure(id: string, rec: Y.Map<unknown>): Seizure {
  const raw = readFields(rec);
  return seizureOf(id, raw, readLenient(raw, seizureFieldSchemas, UNREADABLE_SEIZURE));
}

/**
 * What {@link toSeizure} reads from a record written this moment from `raw` (fields that passed
 * `seizureFieldsSchema`, plus stamps and the batch mark), without parsing every field again:
 * the per-field schemas accept such fields unchanged, so this equals toSeizure of the stored
 * record (test/shared/docs/volume-doc-fresh-read.test.ts). Only for records this process has
 * just written from validated fields (volume-doc.ts `insertSeizures`); anything read from a
 * doc goes through toSeizure.
 */
export function toWrittenSeizure(id: string, raw: Record<string, unknown>): Seizure {
  const fields = { ...UNREADABLE_SEIZURE };
  for (const key of SEIZURE_FIELD_KEYS) if (raw[key] !== undefined) (fields as Record<string, unknown>)[key] = raw[key];
  return seizureOf(id, raw, fields);
}

/** The seizure of record `id` from its raw values and `fields` as read (a fresh object, completed in place); the rules of reading both readers share. */
function seizureOf(id: string, raw: Record<string, unknown>, fields: SeizureFields): Seizure {
  // A quantity whose unit cannot be read would show a wrong amount: show none instead.
  if (raw.unit !== fields.unit || fields.unit === null) fields.quantity = null;
  // Docs written before unit and location precision could be empty (issue 11) stored the form's
  // defaults for facts nobody reported: 'kg' beside no quantity, 'exact' beside no coordinates.
  // Read them as not reported (the CSV export already wrote them empty).
  if (fields.quantity === null) fields.unit = null;
  if (fields.latitude === null && fields.locationPrecision === 'exact') fields.locationPrecision = null;
  // A missed-opportunity mark on a country that is no longer a transit country (two concurrent
  // edits) is dropped rather than making the record unreadable.
  // (An empty list, most records', is kept as it is: no new array per record.)
  if (fields.missedTransitCountries.length) fields.missedTransitCountries = fields.missedTransitCountries.filter((c) => fields.transitCountries.includes(c));
  // Stamped in place: `fields` is each reader's own fresh object, and a second 35-key copy per
  // record cost more than reading it (docs/architecture.md "P3").
  const out = fields as Seizure;
  out.id = id;
  out.createdBy = typeof raw.createdBy === 'string' ? raw.createdBy : '';
  out.createdAt = typeof raw.createdAt === 'number' ? raw.createdAt : 0;
  out.updatedBy = typeof raw.updatedBy === 'string' ? raw.updatedBy : '';
  out.updatedAt = typeof raw.updatedAt === 'number' ? raw.updatedAt : 0;
  if (typeof raw.importBatch === 'string') out.importBatch = raw.importBatch;
  if (raw[REVIEW_FLAGS_FIELD] !== undefined) {
    const flags = readReviewFlags(raw[REVIEW_FLAGS_FIELD]);
    if (flags.length) out.reviewFlags = flags;
  }
  return out;
}

/** All live (not deleted) seizures, ordered by date then id. */
export function listSeizures(p: CaseParts): Seizure[] {
  const out: Seizure[] = [];
  p.seizures.forEach((rec, id) => {
    if (rec instanceof Y.Map && rec.get('deleted') !== true) out.push(toSeizure(id, rec));
  });
  return out.sort((a, b) => a.seizureDate.localeCompare(b.seizureDate) || a.id.localeCompare(b.id));
}

/** Number of live seizures. */
export function seizureCount(p: CaseParts): number {
  let n = 0;
  p.seizures.forEach((rec) => {
    if (rec instanceof Y.Map && rec.get('deleted') !== true) n++;
  });
  return n;
}

/** One seizure by id; null when missing, or when deleted unless `withDeleted` (the activity log names deleted seizures too). */
export function readSeizure(p: CaseParts, id: string, withDeleted = false): Seizure | null {
  const rec = p.seizures.get(id);
  if (!(rec instanceof Y.Map) || (!withDeleted && rec.get('deleted') === true)) return null;
  return toSeizure(id, rec);
}

/** Seizure records the case doc holds, tombstones included (what the inline limit bounds: volume-doc.ts). */
export function seizureRecordCount(p: CaseParts): number {
  return p.seizures.size;
}

/**
 * Refuses `n` more seizures when the case would pass {@link MAX_SEIZURES_PER_CASE}. The case's
 * live seizures are the larger of the case doc's own count and `projected`, the projection's
 * count for the whole case (case doc and volume docs; the data service passes it, 0 elsewhere),
 * so seizures held in volumes count without loading them.
 * @throws NestError('too-large', 'case.too-many-seizures') naming the limit and the total it would make.
 */
export function requireRoomFor(p: CaseParts, n: number, projected = 0): void {
  const have = Math.max(seizureCount(p), projected);
  if (have + n > MAX_SEIZURES_PER_CASE) {
    throw new NestError('too-large', { id: 'case.too-many-seizures', values: { max: MAX_SEIZURES_PER_CASE, total: have + n } });
  }
}

/**
 * Adds seizures in one transaction with a single audit entry (`target` the id when there is one,
 * else `count`). All are validated first: if any is invalid nothing is written. An item's
 * `reviewFlags` (e.g. a point outside its seizing country) are stored with it, with no batch.
 * @throws NestError('validation') with the issues of the first bad record, fields prefixed by its index; NestError('too-large').
 */
export function addSeizures(p: CaseParts, tx: Tx, items: { id: string; fields: SeizureFields; reviewFlags?: readonly RaisedReviewFlag[] }[], w: Writer, action: string): void {
  const valid = items.map((it, i) => {
    try {
      return { id: it.id, fields: validateWhole(seizureFieldsSchema, it.fields), flags: it.reviewFlags };
    } catch (err) {
      if (err instanceof NestError && items.length > 1) {
        throw new NestError('validation', { id: 'record.nth-invalid', values: { n: i + 1, detail: err.message } }, err.issues?.map((x) => ({ ...x, field: `${i}.${x.field}` })));
      }
      throw err;
    }
  });
  requireRoomFor(p, valid.length);
  const at = stamp(w);
  tx(w, () => {
    for (const { id, fields, flags } of valid) {
      if (p.seizures.has(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'seizure', id } });
      // Review flags raised as it is added (no batch: not an import), stored as an import stores them.
      const review = flags?.length ? { [REVIEW_FLAGS_FIELD]: stampReviewFlags(flags, '', at) } : {};
      insertRecord(p.seizures, id, { ...fields, ...review, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
    }
    p.audit.push([valid.length === 1 ? { at, by: w.memberId, action, target: valid[0]!.id } : { at, by: w.memberId, action, count: valid.length }]);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}

/**
 * Updates some fields of a seizure; the merged record is validated as a whole (e.g. both
 * coordinates or neither). The audit entry (`action`: "seizure.update", or "seizure.restore" for a
 * value restored from the field's history) carries each changed field's old and new value.
 * @returns the changed field names (none: nothing written).
 * `home`: where the record lives (default: the case doc; a volume's for a seizure kept there).
 * `reflag`: re-checks the record's review flags after the change (see {@link Reflag}); a change
 * of the flags is written in the same transaction and audit entry.
 * @throws NestError('not-found') for an unknown or deleted id; NestError('validation') naming each bad field.
 */
export function updateSeizure(p: CaseParts, tx: Tx, id: string, patch: Partial<SeizureFields>, w: Writer, action = 'seizure.update', home = inlineHome(p, tx), reflag?: Reflag): string[] {
  const rec = requireRecord(home.seizures, id, 'seizure');
  const valid = validatePatch(seizureFieldSchemas, patch);
  const current = toSeizure(id, rec);
  const merged = validateWhole(seizureFieldsSchema, { ...stripStamps(current), ...valid });
  return bothTx(tx, home)(w, () => {
    const before = readFields(rec);
    const changed = writeFields(rec, valid);
    if (changed.length) {
      const at = stamp(w);
      const after = applyReflag(rec, merged, changed, reflag, at, valid);
      writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
      p.audit.push([{ at, by: w.memberId, action, target: id, fields: changed, changes: changesOf(changed, before, after) }]);
      writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
    }
    return changed;
  });
}

/**
 * Deletes a seizure (kept as a tombstone record with `deleted: true`); the audit entry keeps a
 * summary of what it was (commodity, species, quantity, date, place). `home` as for {@link updateSeizure}.
 * @throws NestError('not-found') for an unknown or already deleted id.
 */
export function deleteSeizure(p: CaseParts, tx: Tx, id: string, w: Writer, home = inlineHome(p, tx)): void {
  const rec = requireRecord(home.seizures, id, 'seizure');
  bothTx(tx, home)(w, () => {
    const at = stamp(w);
    const summary = summaryOf(readFields(rec), SEIZURE_SUMMARY_FIELDS);
    writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
    p.audit.push([{ at, by: w.memberId, action: 'seizure.delete', target: id, summary }]);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}

/** The record key of a seizure's open review flags (shared/domain/seizure.ts `reviewFlagSchema`): a plain JSON array, absent or [] when none. */
export const REVIEW_FLAGS_FIELD = 'reviewFlags';

/**
 * "Mark as reviewed": clears seizure `id`'s open review flags (e.g. "Location checked" for a point
 * outside its seizing country), attributed to `w`. Nothing disappears: the audit entry
 * ("seizure.review") keeps the flags it cleared as the `reviewFlags` change (old → []), so the
 * field's history (field-history.ts) lists them with who raised them and who reviewed them.
 * `home` as for {@link updateSeizure}.
 * @returns false when the seizure had no open flag (nothing written).
 * @throws NestError('not-found') for an unknown or deleted id.
 */
export function markSeizureReviewed(p: CaseParts, tx: Tx, id: string, w: Writer, home = inlineHome(p, tx)): boolean {
  const rec = requireRecord(home.seizures, id, 'seizure');
  const open = rec.get(REVIEW_FLAGS_FIELD);
  if (!Array.isArray(open) || open.length === 0) return false;
  return bothTx(tx, home)(w, () => {
    const at = stamp(w);
    const before = { [REVIEW_FLAGS_FIELD]: open };
    const after = { [REVIEW_FLAGS_FIELD]: [] };
    rec.set(REVIEW_FLAGS_FIELD, []);
    writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
    p.audit.push([{ at, by: w.memberId, action: 'seizure.review', target: id, fields: [REVIEW_FLAGS_FIELD], changes: changesOf([REVIEW_FLAGS_FIELD], before, after) }]);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
    return true;
  });
}

/**
 * A re-check of a seizure's review flags after an edit changed `changed` (field names), given the
 * record's fields as they now are and its open (readable) flags: the flags it should hold (unstamped
 * ones get the write's time and batch ''), or null to leave them as they are. The data service
 * passes one (service/seizures/location-flags.ts): the shared docs know no geography.
 */
export type Reflag = (fields: SeizureFields, open: readonly ReviewFlag[], changed: readonly string[]) => RaisedReviewFlag[] | null;

/**
 * Runs `reflag` on record `rec` inside the caller's write: when it answers flags that differ from
 * the open ones, stores them (flags of kinds this version cannot read are kept, never dropped)
 * and adds `reviewFlags` to `changed`, so the write's audit entry keeps old → new.
 * @returns `values` with the new flags (the "after" side of the audit entry's changes).
 */
export function applyReflag(rec: Y.Map<unknown>, fields: SeizureFields, changed: string[], reflag: Reflag | undefined, at: number, values: Record<string, unknown>): Record<string, unknown> {
  if (!reflag) return values;
  const raw = rec.get(REVIEW_FLAGS_FIELD);
  const stored = Array.isArray(raw) ? (raw as unknown[]) : [];
  const next = reflag(fields, readReviewFlags(stored), changed);
  if (next === null) return values;
  const unreadable = stored.filter((f) => !reviewFlagSchema.safeParse(f).success);
  const flags = [...stampReviewFlags(next, '', at), ...unreadable];
  if (jsonEqual(stored, flags)) return values;
  rec.set(REVIEW_FLAGS_FIELD, flags);
  changed.push(REVIEW_FLAGS_FIELD);
  return { ...values, [REVIEW_FLAGS_FIELD]: flags };
}

/** The editable fields of a seizure record (its stamps left out). */
export function stripStamps(s: Seizure): SeizureFields {
  const { id: _id, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, importBatch: _ib, reviewFlags: _rf, ...fields } = s;
  return fields;
}
