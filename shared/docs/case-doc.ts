/**
 * The case doc layout and its typed helpers: the only code that reads or writes a case's raw
 * Y types. Layout (top-level shared types of the Y.Doc):
 *
 * - `meta`     Y.Map of case fields (see {@link caseMetaSchema}) plus `layout` (layout version).
 * - `summary`  Y.Text, the layout-1 plain summary; layout 2 copies it once into `notes` and keeps it for old replicas.
 * - `notes`, `tasks`, `taskProgress`, `events`: case-notes.ts, case-tasks.ts, case-events.ts (layout 2).
 * - `seizures` Y.Map<seizureId, Y.Map<field, value>>; a deleted seizure keeps its record with
 *              `deleted: true` so the evidence trail survives and concurrent edits never resurrect it.
 * - `routes`   Y.Map<routeId, Y.Map> of {@link RouteFields} (suspected trafficking routes), deleted like seizures.
 * - `audit`    Y.Array of {@link AuditEntry}, append-only: who did what, when, with old → new
 *              values (case-audit.ts).
 *
 * Seizures, routes and imports live in case-seizures.ts, case-routes.ts and case-import.ts; the raw
 * parts and the entity, link and chart-layout methods in case-doc-graph.ts (its base class); this
 * class is their one public face. Every write validates with zod first (nothing is written when a
 * field is bad), stamps `updatedBy`/`updatedAt`, appends an audit entry and runs in one
 * transaction whose origin is a {@link WriteOrigin} naming the member.
 */
import * as Y from 'yjs';
import { CaseDocGraph } from './case-doc-graph';
import { caseFieldsSchema, caseMetaSchema, requireConsistentCase, newCaseFields, type CaseFields, type CaseFieldsInput, type CaseMeta } from '../domain/case';
import type { RaisedReviewFlag, Seizure, SeizureField, SeizureFields } from '../domain/seizure';
import type { Route, RouteFields } from '../domain/route';
import { NestError } from '../errors';
import { readFields, readLenient, stamp, validatePatch, validateWhole, writeFields, type Writer } from './records';
import { changesOf, isAuditEntry, type AuditEntry } from './case-audit';
import * as seizureOps from './case-seizures';
import type { SeizureHome } from './case-seizures';
import * as routeOps from './case-routes';
import { importRecords, importSeizureSlice, type ImportItems } from './case-import';
import * as bulkOps from './case-seizures-bulk';
import * as restoreOps from './case-seizures-restore';
import { changeOf, observeInserts, type CaseDocChange } from './case-changes';
import { t } from '../messages/format';

export { isAuditEntry, type AuditEntry, type AuditChange, type AuditValue } from './case-audit';
export type { CaseDocChange } from './case-changes';
export type { Entity } from './case-entities';
export type { Link } from './case-links';

/** Version of this layout, stored in `meta.layout`. 2: notes, tasks, events and the TheHive-level case fields (issue 12). */
export const CASE_DOC_LAYOUT = 2;

/** Fields of a case's meta shown when a replica has not received them yet. */
const META_DEFAULTS: CaseMeta = {
  ...newCaseFields('1970-01-01'),
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
export class CaseDoc extends CaseDocGraph {
  constructor(doc: Y.Doc) {
    super(doc);
  }

  /** True once the case has been initialised (its meta carries an id). */
  isInitialised(): boolean {
    return typeof this.metaMap.get('id') === 'string';
  }

  /**
   * Initialises a new case doc with its id, number and fields.
   * @throws NestError('validation') when a field is invalid.
   */
  init(id: string, number: string, fields: CaseFieldsInput, w: Writer): CaseMeta {
    const at = stamp(w);
    const meta = validateWhole(caseMetaSchema, { ...fields, id, number, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
    requireConsistentCase(meta);
    this.write(w, () => {
      // A new case has nothing to migrate into its notes.
      writeFields(this.metaMap, { ...meta, layout: CASE_DOC_LAYOUT, notesMigrated: true });
      this.auditLog.push([{ at, by: w.memberId, action: 'case.create', target: id }]);
    });
    return meta;
  }

  /** The case meta, with defaults for fields a replica has not received (lenient read). */
  readMeta(): CaseMeta {
    return readLenient(readFields(this.metaMap), metaFieldSchemas, META_DEFAULTS);
  }

  /**
   * Updates case fields; only changed fields are written. The audit entry ("case.update", or
   * `action`) records each changed field's old and new value. Closing a case without a
   * `closedOn` stamps the writer's UTC date; reopening it clears `closedOn` and `resolution`.
   * @returns the changed field names.
   * @throws NestError('validation') naming each bad field, or `resolution` when a closed case would have none.
   */
  updateMeta(patch: Partial<CaseFields>, w: Writer, action = 'case.update'): string[] {
    const valid = validatePatch(caseFieldsSchema.shape, patch);
    const current = this.readMeta();
    if (valid.status === 'closed' && current.status !== 'closed' && !valid.closedOn && !current.closedOn) {
      const today = new Date(stamp(w)).toISOString().slice(0, 10);
      // A writer whose clock is behind the opening date closes on the opening date, not before it.
      valid.closedOn = today < (valid.openedOn ?? current.openedOn) ? (valid.openedOn ?? current.openedOn) : today;
    }
    if (valid.status && valid.status !== 'closed' && current.status === 'closed') {
      valid.closedOn ??= '';
      valid.resolution ??= '';
    }
    // Only the rules this patch touches: concurrent edits can merge into a closed case without a
    // resolution (one member closes, another reopens), and that must not block every later edit
    // of the title or tags; the rule is enforced again as soon as status or resolution is written.
    requireConsistentCase({ ...current, ...valid }, Object.keys(valid));
    return this.write(w, () => {
      const before = readFields(this.metaMap);
      const changed = writeFields(this.metaMap, valid);
      if (changed.length) {
        const at = stamp(w);
        writeFields(this.metaMap, { updatedBy: w.memberId, updatedAt: at });
        this.auditLog.push([{ at, by: w.memberId, action, fields: changed, changes: changesOf(changed, before, valid) }]);
      }
      return changed;
    });
  }

  /**
   * Restores one case field to `value` (from its history): a new attributed change whose audit
   * entry is "case.restore" with old → new. Returns true when the value changed.
   * @throws NestError('validation') when `value` is not valid for the field.
   */
  restoreMetaField<K extends keyof CaseFields>(field: K, value: CaseFields[K], w: Writer): boolean {
    return this.updateMeta({ [field]: value } as Partial<CaseFields>, w, 'case.restore').length > 0;
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
    return seizureOps.listSeizures(this.parts);
  }

  /** Number of live seizures. */
  seizureCount(): number {
    return seizureOps.seizureCount(this.parts);
  }

  /** Seizure records the case doc holds, tombstones included (what `INLINE_SEIZURES` bounds). */
  seizureRecordCount(): number {
    return seizureOps.seizureRecordCount(this.parts);
  }

  /**
   * Refuses `n` more seizures past the case's limit, counting the larger of this doc's live
   * seizures and `projected` (the projection's count over case doc and volumes).
   * @throws NestError('too-large', 'case.too-many-seizures').
   */
  requireRoomFor(n: number, projected = 0): void {
    seizureOps.requireRoomFor(this.parts, n, projected);
  }

  /** One seizure by id, or null when missing or deleted. */
  getSeizure(id: string): Seizure | null {
    return seizureOps.readSeizure(this.parts, id);
  }

  /** One seizure by id, also when deleted (its last fields): the activity log names deleted seizures. Null when there is none. */
  getSeizureEvenDeleted(id: string): Seizure | null {
    return seizureOps.readSeizure(this.parts, id, true);
  }

  /**
   * Adds a seizure.
   * @param id the new record's UUID (callers pass `crypto.randomUUID()`).
   * @param reviewFlags doubts to store with it (the outside-country check of service/seizures/add-seizure.ts).
   * @throws NestError('validation') naming each bad field; nothing is written.
   */
  addSeizure(id: string, fields: SeizureFields, w: Writer, reviewFlags?: readonly RaisedReviewFlag[]): Seizure {
    this.addSeizures([{ id, fields, ...(reviewFlags?.length ? { reviewFlags } : {}) }], w, 'seizure.add');
    return this.getSeizure(id)!;
  }

  /**
   * Adds many seizures in one transaction (e.g. an import) with a single audit entry.
   * All are validated first: if any is invalid nothing is written.
   * @throws NestError('validation') with the issues of the first bad record, fields prefixed by its index.
   */
  addSeizures(items: { id: string; fields: SeizureFields; reviewFlags?: readonly RaisedReviewFlag[] }[], w: Writer, action = 'seizure.import'): void {
    seizureOps.addSeizures(this.parts, this.tx, items, w, action);
  }

  /**
   * Imports seizures and routes from one file in ONE transaction with one audit entry: every
   * record is validated first, so either all are written or (on a bad record) none.
   * @throws NestError('validation') naming the first bad record and its fields.
   */
  importRecords(items: ImportItems, w: Writer): void {
    importRecords(this.parts, this.tx, items, w);
  }

  /**
   * Writes one slice of a larger import's seizures (marked with batch `batchId`) in ONE
   * transaction, before the import's last `importRecords` counts them (case-import.ts).
   * @throws NestError('validation') naming the first bad record and its fields.
   */
  importSeizureSlice(seizures: ImportItems['seizures'], batchId: string, w: Writer): void {
    importSeizureSlice(this.parts, this.tx, seizures, batchId, w);
  }

  /**
   * Updates some fields of a seizure; the merged record is validated as a whole (e.g. both
   * coordinates or neither). The audit entry records each changed field's old and new value.
   * `home`: the volume doc that holds the record (VolumeDoc.home()) when it is not in this case doc.
   * `reflag`: re-checks its review flags after the change (case-seizures.ts `Reflag`).
   * @returns the changed field names.
   * @throws NestError('not-found') for an unknown or deleted id; NestError('validation') naming each bad field.
   */
  updateSeizure(id: string, patch: Partial<SeizureFields>, w: Writer, home?: SeizureHome, reflag?: seizureOps.Reflag): string[] {
    return seizureOps.updateSeizure(this.parts, this.tx, id, patch, w, 'seizure.update', home, reflag);
  }

  /**
   * Restores one field of a seizure to `value` (a value from its history, or the one a member
   * chose after a concurrent edit): a new, attributed change with its own audit entry
   * ("seizure.restore", old → new), so nothing of the history is lost.
   * `reflag` as for {@link updateSeizure}.
   * @returns true when the value changed (false: it already was `value`).
   * @throws as {@link updateSeizure}.
   */
  restoreSeizureField<K extends SeizureField>(id: string, field: K, value: SeizureFields[K], w: Writer, home?: SeizureHome, reflag?: seizureOps.Reflag): boolean {
    return seizureOps.updateSeizure(this.parts, this.tx, id, { [field]: value } as Partial<SeizureFields>, w, 'seizure.restore', home, reflag).length > 0;
  }

  /**
   * "Mark as reviewed": clears the seizure's open review flags with a "seizure.review" audit entry
   * that keeps them (case-seizures.ts `markSeizureReviewed`); `home` as for {@link updateSeizure}.
   * @returns false when it had none (nothing written).
   * @throws NestError('not-found') for an unknown or deleted id.
   */
  markSeizureReviewed(id: string, w: Writer, home?: SeizureHome): boolean {
    return seizureOps.markSeizureReviewed(this.parts, this.tx, id, w, home);
  }

  /**
   * Deletes a seizure (kept as a tombstone record with `deleted: true`); `home` as for {@link updateSeizure}.
   * @throws NestError('not-found') for an unknown or already deleted id.
   */
  deleteSeizure(id: string, w: Writer, home?: SeizureHome): void {
    seizureOps.deleteSeizure(this.parts, this.tx, id, w, home);
  }

  /**
   * Checks that `ids` are live seizures of this case doc (or of `home`, a volume) and, with a
   * `patch`, that each stays valid with it; writes nothing (case-seizures-bulk.ts checkBulk).
   * @throws NestError('validation' | 'not-found').
   */
  checkSeizures(ids: readonly string[], patch?: Partial<SeizureFields>, home?: SeizureHome): void {
    bulkOps.checkBulk(home ?? seizureOps.inlineHome(this.parts, this.tx), ids, patch);
  }

  /** Marks many seizures of this case doc (or of `home`) deleted in one transaction, one audit entry for the action (case-seizures-bulk.ts); returns how many. @throws NestError('validation' | 'not-found'). */
  deleteSeizures = (ids: readonly string[], w: Writer, home?: SeizureHome): number => bulkOps.deleteSeizures(this.parts, this.tx, [{ ids, home }], w);
  /** As {@link deleteSeizures} over seizures held by several docs (the case doc and volumes): one transaction per doc, one audit entry for the whole action. */
  deleteSeizuresAcross = (parts: readonly bulkOps.BulkPart[], w: Writer): number => bulkOps.deleteSeizures(this.parts, this.tx, parts, w);
  /** A deleted seizure of this case doc with its tombstone's `movedTo`; null when missing or live (case-seizures-restore.ts). */
  getDeletedSeizure = (id: string): restoreOps.DeletedSeizure | null => restoreOps.readDeleted(this.parts.seizures, id);
  /** Every deleted seizure this case doc holds (case-seizures-restore.ts). */
  listDeletedSeizures = (): restoreOps.DeletedSeizure[] => restoreOps.listDeleted(this.parts.seizures);
  /** Checks that `ids` are deleted, not moved, seizures of this case doc (or of `home`); writes nothing. @throws NestError('validation' | 'not-found'). */
  checkRestore = (ids: readonly string[], home?: SeizureHome): void => void restoreOps.checkRestore(home ?? seizureOps.inlineHome(this.parts, this.tx), ids);
  /** Restores deleted seizures ("seizure.restore-deleted", one entry each), one transaction; returns how many (case-seizures-restore.ts). @throws NestError('validation' | 'not-found' | 'too-large'). */
  restoreSeizures = (ids: readonly string[], w: Writer, home?: SeizureHome): number => restoreOps.restoreSeizures(this.parts, this.tx, ids, w, home ?? seizureOps.inlineHome(this.parts, this.tx));
  /** Sets the same fields on many seizures in one transaction, one audit entry for the action (case-seizures-bulk.ts; `reflag` re-checks their review flags); returns the changed ids. @throws NestError('validation' | 'not-found'). */
  updateSeizures = (ids: readonly string[], patch: Partial<SeizureFields>, w: Writer, home?: SeizureHome, reflag?: seizureOps.Reflag): string[] => bulkOps.updateSeizures(this.parts, this.tx, [{ ids, home }], patch, w, reflag);
  /** As {@link updateSeizures} over seizures held by several docs: one transaction per doc, one audit entry for the whole action. */
  updateSeizuresAcross = (parts: readonly bulkOps.BulkPart[], patch: Partial<SeizureFields>, w: Writer, reflag?: seizureOps.Reflag): string[] => bulkOps.updateSeizures(this.parts, this.tx, parts, patch, w, reflag);

  /** Adds seizures moved from another case, one transaction; `inVolumes`: those already written into volumes (audited here). See case-seizures-bulk.ts moveIn. */
  moveSeizuresIn = (items: readonly bulkOps.MovedSeizure[], w: Writer, inVolumes?: bulkOps.MovedIntoVolumes): void => bulkOps.moveIn(this.parts, this.tx, items, w, inVolumes);
  /** Audits seizure `id` the caller already wrote into volume `volume` ("seizure.add"; lists a new volume). See case-seizures-bulk.ts auditAddedInVolume. */
  auditAddedInVolume = (id: string, volume: number, w: Writer): void => bulkOps.auditAddedInVolume(this.parts, this.tx, id, volume, w);
  /** Marks seizures moved to case `toCase` (number), source id → new id; one transaction, one audit entry (case-seizures-bulk.ts moveOut). */
  moveSeizuresOut = (moved: ReadonlyMap<string, string>, toCase: string, w: Writer, home?: SeizureHome): void => bulkOps.moveOut(this.parts, this.tx, [{ moved, home }], toCase, w);
  /** As {@link moveSeizuresOut} over seizures held by several docs: one transaction per doc, one audit entry for the whole move. */
  moveSeizuresOutAcross = (parts: readonly bulkOps.MovedPart[], toCase: string, w: Writer): void => bulkOps.moveOut(this.parts, this.tx, parts, toCase, w);

  /** All live routes, by name. Records whose points are invalid are skipped. */
  listRoutes(): Route[] {
    return routeOps.listRoutes(this.parts);
  }

  /** The name of route `id`, also when deleted; null when unknown. */
  routeName(id: string): string | null {
    return routeOps.routeName(this.parts, id);
  }

  /**
   * Adds routes in one transaction (validated first; nothing is written when one is bad).
   * @throws NestError('validation').
   */
  addRoutes(items: { id: string; fields: RouteFields }[], w: Writer): void {
    routeOps.addRoutes(this.parts, this.tx, items, w);
  }

  /**
   * Deletes a route (tombstone).
   * @throws NestError('not-found').
   */
  deleteRoute(id: string, w: Writer): void {
    routeOps.deleteRoute(this.parts, this.tx, id, w);
  }

  /**
   * The audit log, oldest first. Entries that do not have the audit shape (written by a buggy or
   * hostile peer: the log is shared) are left out, so a reader never sees anything but valid entries.
   */
  readAudit(): AuditEntry[] {
    return this.auditLog.toArray().filter(isAuditEntry);
  }

  /**
   * Calls `fn` with the audit entries each transaction added (local or remote; any shape, as the
   * log is shared: read them leniently) and the transaction's origin. Entries from a remote peer
   * may land anywhere in the log, so this reports the inserted ones, not the log's tail.
   * Returns the unsubscribe function.
   */
  observeAudit(fn: (added: unknown[], origin: unknown) => void): () => void {
    return observeInserts(this.auditLog, fn);
  }

  /**
   * Calls `fn` after every transaction that changed the case, with what changed
   * (meta, summary, ids of added/changed/deleted seizures). Returns the unsubscribe function.
   */
  observe(fn: (change: CaseDocChange, origin: unknown) => void): () => void {
    const notes = this.doc.getXmlFragment('notes');
    const onTx = (tr: Y.Transaction): void => {
      const change = changeOf(tr, this.parts, this.summaryText);
      // Notes edits change nested XML types; the fragment is among their changed parents.
      if (tr.changedParentTypes.has(notes as unknown as Y.AbstractType<Y.YEvent<Y.XmlFragment>>)) change.summary = true;
      if (change.meta || change.summary || change.routes || change.seizureIds.size || change.evidence) fn(change, tr.origin);
    };
    this.doc.on('afterTransaction', onTx);
    return () => this.doc.off('afterTransaction', onTx);
  }
}

