/**
 * Bulk actions of the seizure table (issue 11, item 3): delete, set one field of, or move to
 * another case, many seizures in ONE transaction per case doc. Each seizure still gets its own audit entry ("seizure.delete" with
 * its summary, "seizure.update" with old → new), so the history reads as it does for single
 * edits; everything is validated first, so a bad seizure writes nothing. The records may live in a
 * volume doc (`home`, case-seizures.ts SeizureHome): they are written there, the audit entries in
 * the case doc.
 */
import type * as Y from 'yjs';
import { NestError } from '../errors';
import { seizureFieldSchemas, seizureFieldsSchema, type SeizureFields } from '../domain/seizure';
import { changesOf, summaryOf, SEIZURE_SUMMARY_FIELDS, type AuditEntry } from './case-audit';
import { insertRecord, readFields, requireRecord, stamp, validatePatch, validateWhole, writeFields, type Writer } from './records';
import { listVolumesIn } from './volume-doc';
import { applyReflag, bothTx, inlineHome, requireRoomFor, stripStamps, toSeizure, type CaseParts, type Reflag, type SeizureHome, type Tx } from './case-seizures';

/** Distinct ids, refusing an empty list. */
function distinct(ids: readonly string[]): string[] {
  const out = [...new Set(ids)];
  if (!out.length) throw new NestError('validation', { id: 'seizures.bulk-none' });
  return out;
}

/**
 * Checks a bulk action before anything is written: each of `ids` (distinct, at least one) is a
 * live record of `home`, and with a `patch` each record it would change stays valid as a whole.
 * Callers whose ids span several docs (a case doc and its volumes) check every doc first, then write.
 * @returns the records, in the order of `ids` (with a `patch`: each with its fields as the patch makes them).
 * @throws NestError('validation') for an empty list or a bad patch; NestError('not-found') naming the first unknown or deleted id.
 */
export function checkBulk(home: SeizureHome, ids: readonly string[], patch?: Partial<SeizureFields>): { id: string; rec: Y.Map<unknown>; fields?: SeizureFields }[] {
  const valid = patch ? validatePatch(seizureFieldSchemas, patch) : null;
  return distinct(ids).map((id) => {
    const rec = requireRecord(home.seizures, id, 'seizure');
    if (!valid) return { id, rec };
    return { id, rec, fields: validateWhole(seizureFieldsSchema, { ...stripStamps(toSeizure(id, rec)), ...valid }) };
  });
}

/**
 * Marks every seizure in `ids` deleted (tombstones), one audit entry each, in one transaction.
 * Each entry of a bulk action carries `count`: `bulkSize` (the whole action over every doc; default
 * `ids`' size), left out for a single seizure.
 * @returns how many were deleted.
 * @throws NestError('validation') for an empty list; NestError('not-found') naming the first unknown or deleted id (nothing written).
 */
export function deleteSeizures(p: CaseParts, tx: Tx, ids: readonly string[], w: Writer, home: SeizureHome = inlineHome(p, tx), bulkSize?: number): number {
  const recs = checkBulk(home, ids);
  const size = bulkSize ?? recs.length;
  return bothTx(tx, home)(w, () => {
    const at = stamp(w);
    const entries: AuditEntry[] = [];
    for (const { id, rec } of recs) {
      const summary = summaryOf(readFields(rec), SEIZURE_SUMMARY_FIELDS);
      writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
      // `count`: the size of the bulk action, so the deleted seizures' list can say "deleted with N others".
      entries.push({ at, by: w.memberId, action: 'seizure.delete', target: id, summary, ...(size > 1 ? { count: size } : {}) });
    }
    p.audit.push(entries);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
    return recs.length;
  });
}

/**
 * Sets the same fields on every seizure in `ids` (e.g. the sector, the seizing agencies), one
 * transaction, an audit entry for each seizure that changed. Each merged record is validated as a
 * whole first. `reflag`: re-checks each changed record's review flags (case-seizures.ts `Reflag`),
 * written with the change and kept in its audit entry.
 * @returns the ids of the seizures that changed.
 * @throws NestError('validation') naming the bad field, or the first seizure the patch would make invalid; NestError('not-found').
 */
export function updateSeizures(p: CaseParts, tx: Tx, ids: readonly string[], patch: Partial<SeizureFields>, w: Writer, home: SeizureHome = inlineHome(p, tx), reflag?: Reflag): string[] {
  const valid = validatePatch(seizureFieldSchemas, patch);
  const recs = checkBulk(home, ids, valid);
  return bothTx(tx, home)(w, () => {
    const at = stamp(w);
    const changedIds: string[] = [];
    const entries: AuditEntry[] = [];
    for (const { id, rec, fields } of recs) {
      const before = readFields(rec);
      const changed = writeFields(rec, valid);
      if (!changed.length) continue;
      const after = applyReflag(rec, fields!, changed, reflag, at, valid);
      writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
      entries.push({ at, by: w.memberId, action: 'seizure.update', target: id, fields: changed, changes: changesOf(changed, before, after) });
      changedIds.push(id);
    }
    if (entries.length) {
      p.audit.push(entries);
      writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
    }
    return changedIds;
  });
}

/** A seizure copied in from another case: its new id, its fields and where it came from. */
export interface MovedSeizure {
  id: string;
  fields: SeizureFields;
  /** The source case's number and the seizure's id there, e.g. `NEST-2026-0001` and a UUID. */
  fromCase: string;
  fromId: string;
}

/**
 * Validates seizures about to be moved in (each record whole), before any doc is written: the
 * service checks them all before it writes the ones bound for volumes.
 * @returns the items with their parsed fields.
 * @throws NestError('validation') for a bad record.
 */
export function validateMoved(items: readonly MovedSeizure[]): MovedSeizure[] {
  return items.map((it) => ({ ...it, fields: validateWhole(seizureFieldsSchema, it.fields) }));
}

/** Seizures of a move already written into volumes of the target case, and the volumes to list. */
export interface MovedIntoVolumes {
  /** The seizures written into volumes (their audit entries go to the case doc here). */
  items: readonly MovedSeizure[];
  /** Volume numbers the move opened, listed in the same transaction (volume-doc.ts listVolumesIn). */
  volumes: readonly number[];
}

/**
 * Adds seizures moved from another case (the "assign to another case" bulk action): each record
 * keeps `movedFrom` ("<case number>/<seizure id>") and gets a "seizure.move-in" audit entry
 * naming the source, all in one transaction. Validated first. `inVolumes`: the seizures of the
 * same move the caller already wrote into volumes (service/import/move-seizures.ts, placed with
 * `planPlacement`): their audit entries and the new volumes' listing are written here too, last,
 * as an import's batch entry is.
 * @throws NestError('validation') for a bad record or an id that exists; NestError('too-large').
 */
export function moveIn(p: CaseParts, tx: Tx, items: readonly MovedSeizure[], w: Writer, inVolumes?: MovedIntoVolumes): void {
  const valid = validateMoved(items).map((it) => {
    if (p.seizures.has(it.id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'seizure', id: it.id } });
    return it;
  });
  requireRoomFor(p, valid.length);
  tx(w, () => {
    const at = stamp(w);
    const entries: AuditEntry[] = [];
    for (const it of valid) {
      insertRecord(p.seizures, it.id, { ...it.fields, movedFrom: `${it.fromCase}/${it.fromId}`, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
    }
    for (const it of [...valid, ...(inVolumes?.items ?? [])]) {
      entries.push({ at, by: w.memberId, action: 'seizure.move-in', target: it.id, summary: { ...summaryOf(it.fields, SEIZURE_SUMMARY_FIELDS), from: it.fromCase } });
    }
    if (inVolumes?.volumes.length) listVolumesIn(p.seizures.doc!, inVolumes.volumes, w);
    p.audit.push(entries);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}

/**
 * Marks seizures moved to another case: deleted here (tombstones) with `movedTo`
 * ("<case number>/<new id>") and a "seizure.move-out" audit entry each, in one transaction.
 * @param moved source id → new id in the target case.
 * @param home where the records live (default: the case doc).
 * @throws NestError('not-found') for an unknown or deleted id (nothing written).
 */
export function moveOut(p: CaseParts, tx: Tx, moved: ReadonlyMap<string, string>, toCase: string, w: Writer, home: SeizureHome = inlineHome(p, tx)): void {
  const recs = [...moved].map(([id, newId]) => ({ id, newId, rec: requireRecord(home.seizures, id, 'seizure') }));
  bothTx(tx, home)(w, () => {
    const at = stamp(w);
    const entries: AuditEntry[] = [];
    for (const { id, newId, rec } of recs) {
      const summary = summaryOf(readFields(rec), SEIZURE_SUMMARY_FIELDS);
      writeFields(rec, { deleted: true, movedTo: `${toCase}/${newId}`, updatedBy: w.memberId, updatedAt: at });
      entries.push({ at, by: w.memberId, action: 'seizure.move-out', target: id, summary: { ...summary, to: toCase } });
    }
    p.audit.push(entries);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}

/**
 * Audits seizure `id`, which the caller already wrote into volume `volume` of this case (one
 * seizure added from the form while the case doc is full: service/seizures/add-seizure.ts places
 * it with `planPlacement`, as an import does). Writes the same "seizure.add" entry as a seizure
 * added to the case doc, lists the volume when it is new and stamps the case, in one transaction.
 */
export function auditAddedInVolume(p: CaseParts, tx: Tx, id: string, volume: number, w: Writer): void {
  tx(w, () => {
    const at = stamp(w);
    listVolumesIn(p.seizures.doc!, [volume], w);
    p.audit.push([{ at, by: w.memberId, action: 'seizure.add', target: id }]);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}
