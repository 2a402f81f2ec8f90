/**
 * Bulk actions of the seizure table (issue 11, item 3): delete, set one field of, or move to
 * another case, many seizures in ONE transaction per doc. The action writes ONE audit entry in the
 * case doc (case-audit.ts BULK_SEIZURE_ACTIONS: every seizure's id, and for a set-field each one's
 * old → new), not one per seizure: at 100,000 seizures the per-seizure entries made a delete take
 * minutes. A bulk action of one seizure writes the single entry, as a single edit does.
 * Everything is validated first, so a bad seizure writes nothing. The records may live in the
 * case doc and in volume docs (`BulkPart.home`, case-seizures.ts SeizureHome): each doc's are
 * written in its own transaction, inside the case doc's, which writes the entry last.
 */
import type * as Y from 'yjs';
import { NestError } from '../errors';
import { seizureFieldSchemas, seizureFieldsSchema, type SeizureFields } from '../domain/seizure';
import { BULK_SEIZURE_ACTIONS, bulkEntry, changesOf, runsOf, summaryOf, SEIZURE_SUMMARY_FIELDS, type AuditChange, type AuditEntry } from './case-audit';
import { insertRecord, readFields, requireRecord, stamp, validatePatch, validateWhole, writeFields, type Writer } from './records';
import { listVolumesIn } from './volume-doc';
import { applyReflag, inlineHome, requireRoomFor, stripStamps, toSeizure, type CaseParts, type Reflag, type SeizureHome, type Tx } from './case-seizures';

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

/** The seizures of a bulk action one doc holds: their ids, and that doc as their home (default: the case doc). */
export interface BulkPart {
  ids: readonly string[];
  home?: SeizureHome | undefined;
}

/**
 * A transaction of the home `home` nested in the case doc's running one: `fn` itself when the
 * home is the case doc, else the volume's own transaction (committed before the case doc's, so a
 * crash between the two leaves stamped records without their audit entry, never the reverse: as
 * case-seizures.ts `bothTx`).
 */
function inHome<T>(tx: Tx, home: SeizureHome, w: Writer, fn: () => T): T {
  return home.tx === tx ? fn() : home.tx(w, fn);
}

/**
 * Marks every seizure of `parts` deleted (tombstones), one transaction per doc inside the case
 * doc's, which gets ONE audit entry for the action: "seizure.bulk-delete" naming every id
 * (case-audit.ts BULK_SEIZURE_ACTIONS), or the single "seizure.delete" with its summary when the
 * action deletes one seizure. The tombstones keep every field, so the entry needs no summary.
 * Every part is checked before any is written.
 * @returns how many were deleted.
 * @throws NestError('validation') for an empty part; NestError('not-found') naming the first unknown or deleted id (nothing written).
 */
export function deleteSeizures(p: CaseParts, tx: Tx, parts: readonly BulkPart[], w: Writer): number {
  const checked = parts.map((part) => {
    const home = part.home ?? inlineHome(p, tx);
    return { home, recs: checkBulk(home, part.ids) };
  });
  const ids = checked.flatMap(({ recs }) => recs.map((r) => r.id));
  if (!ids.length) throw new NestError('validation', { id: 'seizures.bulk-none' });
  return tx(w, () => {
    const at = stamp(w);
    const one = ids.length === 1 ? summaryOf(readFields(checked.find((c) => c.recs.length)!.recs[0]!.rec), SEIZURE_SUMMARY_FIELDS) : null;
    for (const { home, recs } of checked) {
      inHome(tx, home, w, () => {
        for (const { rec } of recs) writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
      });
    }
    p.audit.push([one ? { at, by: w.memberId, action: 'seizure.delete', target: ids[0]!, summary: one } : bulkEntry(BULK_SEIZURE_ACTIONS.delete, at, w.memberId, ids)]);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
    return ids.length;
  });
}

/**
 * Sets the same fields on every seizure of `parts` (e.g. the sector, the seizing agencies), one
 * transaction per doc inside the case doc's, which gets ONE audit entry for the seizures that
 * changed: "seizure.bulk-update" with every changed id and each one's old → new (`runs`:
 * case-audit.ts runsOf), or the single "seizure.update" when one changed. Each merged record is
 * validated as a whole first, in every part. `reflag`: re-checks each changed record's review
 * flags (case-seizures.ts `Reflag`), written with the change and kept in its old → new.
 * @returns the ids of the seizures that changed.
 * @throws NestError('validation') naming the bad field, or the first seizure the patch would make invalid; NestError('not-found').
 */
export function updateSeizures(p: CaseParts, tx: Tx, parts: readonly BulkPart[], patch: Partial<SeizureFields>, w: Writer, reflag?: Reflag): string[] {
  const valid = validatePatch(seizureFieldSchemas, patch);
  const checked = parts.map((part) => {
    const home = part.home ?? inlineHome(p, tx);
    return { home, recs: checkBulk(home, part.ids, valid) };
  });
  return tx(w, () => {
    const at = stamp(w);
    const items: { id: string; fields: string[]; changes: Record<string, AuditChange> }[] = [];
    for (const { home, recs } of checked) {
      inHome(tx, home, w, () => {
        for (const { id, rec, fields } of recs) {
          const before = readFields(rec);
          const changed = writeFields(rec, valid);
          if (!changed.length) continue;
          const after = applyReflag(rec, fields!, changed, reflag, at, valid);
          writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
          items.push({ id, fields: changed, changes: changesOf(changed, before, after) });
        }
      });
    }
    if (!items.length) return [];
    if (items.length === 1) {
      const only = items[0]!;
      p.audit.push([{ at, by: w.memberId, action: 'seizure.update', target: only.id, fields: only.fields, changes: only.changes }]);
    } else {
      const { targets, runs } = runsOf(items);
      p.audit.push([bulkEntry(BULK_SEIZURE_ACTIONS.update, at, w.memberId, targets, { fields: [...new Set(items.flatMap((it) => it.fields))], runs })]);
    }
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
    return items.map((it) => it.id);
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
    // One entry per source case (a move has one): "seizure.bulk-move-in" naming every copy, or the single entry.
    const bySource = new Map<string, MovedSeizure[]>();
    for (const it of [...valid, ...(inVolumes?.items ?? [])]) bySource.set(it.fromCase, [...(bySource.get(it.fromCase) ?? []), it]);
    for (const [from, moved] of bySource) {
      const only = moved.length === 1 ? moved[0]! : null;
      entries.push(only ? { at, by: w.memberId, action: 'seizure.move-in', target: only.id, summary: { ...summaryOf(only.fields, SEIZURE_SUMMARY_FIELDS), from } } : bulkEntry(BULK_SEIZURE_ACTIONS.moveIn, at, w.memberId, moved.map((it) => it.id), { summary: { from } }));
    }
    if (inVolumes?.volumes.length) listVolumesIn(p.seizures.doc!, inVolumes.volumes, w);
    p.audit.push(entries);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}

/** Seizures of a move one doc holds: source id → new id in the target case, and that doc (default: the case doc). */
export interface MovedPart {
  moved: ReadonlyMap<string, string>;
  home?: SeizureHome | undefined;
}

/**
 * Marks seizures moved to another case: deleted here (tombstones) with `movedTo`
 * ("<case number>/<new id>"), one transaction per doc inside the case doc's, which gets ONE
 * audit entry: "seizure.bulk-move-out" naming every source id (the tombstones keep where each
 * went), or the single "seizure.move-out" with its summary for one seizure.
 * @throws NestError('not-found') for an unknown or deleted id (nothing written).
 */
export function moveOut(p: CaseParts, tx: Tx, parts: readonly MovedPart[], toCase: string, w: Writer): void {
  const checked = parts.map((part) => {
    const home = part.home ?? inlineHome(p, tx);
    return { home, recs: [...part.moved].map(([id, newId]) => ({ id, newId, rec: requireRecord(home.seizures, id, 'seizure') })) };
  });
  const ids = checked.flatMap(({ recs }) => recs.map((r) => r.id));
  if (!ids.length) return;
  tx(w, () => {
    const at = stamp(w);
    const one = ids.length === 1 ? summaryOf(readFields(checked.find((c) => c.recs.length)!.recs[0]!.rec), SEIZURE_SUMMARY_FIELDS) : null;
    for (const { home, recs } of checked) {
      inHome(tx, home, w, () => {
        for (const { newId, rec } of recs) writeFields(rec, { deleted: true, movedTo: `${toCase}/${newId}`, updatedBy: w.memberId, updatedAt: at });
      });
    }
    p.audit.push([one ? { at, by: w.memberId, action: 'seizure.move-out', target: ids[0]!, summary: { ...one, to: toCase } } : bulkEntry(BULK_SEIZURE_ACTIONS.moveOut, at, w.memberId, ids, { summary: { to: toCase } })]);
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
