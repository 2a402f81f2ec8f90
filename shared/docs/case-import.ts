/**
 * One file's seizures and routes written into a case doc in ONE transaction with one audit entry
 * ("case.import", `count` records, `target` the file name; seizures the import put in volume
 * docs or in earlier slices of this case doc before this transaction are counted, and new volumes
 * listed, here) and, when the import names its batch,
 * the batch entry in the append-only import log with every record marked with the batch id
 * (case-import-batches.ts), so the import can be listed and undone as one step.
 * `CaseDoc.importRecords` delegates here. {@link importSeizureSlice} writes a slice of a larger
 * import's case-doc seizures before that last transaction (a safe point of `import.abort` between
 * two slices: service/import/write-import.ts).
 */
import { seizureFieldsSchema, stampReviewFlags, type RaisedReviewFlag, type SeizureFields } from '../domain/seizure';
import { routeFieldsSchema, type RouteFields } from '../domain/route';
import { NestError, describeIssues } from '../errors';
import { REVIEW_FLAGS_FIELD, requireRoomFor, type CaseParts, type Tx } from './case-seizures';
import { insertRecord, stamp, validateWhole, writeFields, type Writer } from './records';
import { appendBatch, IMPORT_BATCH_FIELD } from './case-import-batches';
import type { ImportBatchEntry } from '../domain/import-batch';
import { listVolumesIn } from './volume-doc';

/** What one import writes: new seizures and routes (fresh UUIDs) and the source file's name. */
export interface ImportItems {
  /** `reviewFlags`: flags to store with the seizure, stamped with the batch and the write's time where they have none. */
  seizures: { id: string; fields: SeizureFields; reviewFlags?: readonly RaisedReviewFlag[] }[];
  routes: { id: string; fields: RouteFields }[];
  source: string;
  /**
   * The batch this import is logged as (its id, the file's SHA-256 and format, and what was left
   * out); `at`, `by` and the written counts are filled in here. Omitted: no batch is logged
   * (seizures added by code, e.g. the demo data).
   */
  batch?: Pick<ImportBatchEntry, 'id' | 'sha256' | 'format' | 'rejectedRows' | 'skippedDuplicates' | 'fileTlp'>;
  /**
   * Seizures of this import already written to the case's volume docs (each volume in its own
   * transaction, before this one: service/import/write-import.ts). They count in the batch entry,
   * the audit entry and the room check; 0 when absent.
   */
  inVolumes?: number;
  /**
   * Seizures of this import already written into this case doc by {@link importSeizureSlice}
   * (earlier transactions, marked with the batch). Counted like `inVolumes`; 0 when absent.
   */
  inlineBefore?: number;
  /** Volume numbers to list in the case doc in this transaction (those this import created: `listVolumesIn`). */
  volumes?: readonly number[];
  /** The projection's count of the case's live seizures, case doc and volumes, before this import (see `requireRoomFor`). */
  projectedTotal?: number;
  /**
   * Set when the import was stopped while writing (write-import.ts): the batch entry records state
   * 'cancelled' with the `planned` seizures, and the audit entry is "import.cancel" (count: the
   * seizures written) instead of "case.import". Needs `batch`.
   */
  cancelled?: { planned: number };
}

/** One seizure of an import, validated; `flags` its review flags. */
interface ValidSeizure {
  id: string;
  fields: SeizureFields;
  flags: readonly RaisedReviewFlag[] | undefined;
}

/**
 * Validates `items` against the seizure schema and the case doc's ids.
 * @throws NestError('validation') naming the first bad record (1-based) and its fields, or an id that exists.
 */
function validSeizures(p: CaseParts, items: ImportItems['seizures']): ValidSeizure[] {
  return items.map((it, i) => {
    const r = seizureFieldsSchema.safeParse(it.fields);
    if (!r.success) throw new NestError('validation', { id: 'record.nth-seizure-invalid', values: { n: i + 1, detail: describeIssues(r.error.issues) } });
    if (p.seizures.has(it.id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'seizure', id: it.id } });
    return { id: it.id, fields: r.data, flags: it.reviewFlags };
  });
}

/** Inserts validated seizures (inside the caller's transaction), marked with `batchId` when given, stamped `at` (ms since the epoch) by `w`. */
function insertSeizures(p: CaseParts, seizures: readonly ValidSeizure[], batchId: string | undefined, at: number, w: Writer): void {
  const mark = batchId ? { [IMPORT_BATCH_FIELD]: batchId } : {};
  for (const { id, fields, flags } of seizures) {
    const review = flags?.length ? { [REVIEW_FLAGS_FIELD]: stampReviewFlags(flags, batchId ?? '', at) } : {};
    insertRecord(p.seizures, id, { ...fields, ...mark, ...review, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
  }
}

/**
 * Validates every record first, so either all are written or (on a bad record) none.
 * @throws NestError('validation') naming the first bad record and its fields, or an id that exists; NestError('too-large').
 */
export function importRecords(p: CaseParts, tx: Tx, items: ImportItems, w: Writer): void {
  const seizures = validSeizures(p, items.seizures);
  const routes = items.routes.map((it) => ({ id: it.id, fields: validateWhole(routeFieldsSchema, it.fields) }));
  const before = (items.inVolumes ?? 0) + (items.inlineBefore ?? 0);
  requireRoomFor(p, seizures.length + before, items.projectedTotal);
  const at = stamp(w);
  const batch = items.batch;
  const mark = batch ? { [IMPORT_BATCH_FIELD]: batch.id } : {};
  tx(w, () => {
    insertSeizures(p, seizures, batch?.id, at, w);
    for (const { id, fields } of routes) insertRecord(p.routes, id, { ...fields, ...mark, createdBy: w.memberId, createdAt: at });
    if (items.volumes?.length) listVolumesIn(p.seizures.doc!, items.volumes, w);
    const cancel = batch && items.cancelled ? { state: 'cancelled' as const, planned: items.cancelled.planned } : {};
    if (batch) {
      appendBatch(p.seizures.doc!, { kind: 'import', ...batch, fileName: items.source.slice(0, 255), at, by: w.memberId, seizures: seizures.length + before, routes: routes.length, ...cancel });
    }
    // A stopped import is audited as such, so the history never shows a partial import as a whole one.
    p.audit.push([{ at, by: w.memberId, action: 'state' in cancel ? 'import.cancel' : 'case.import', count: seizures.length + before + routes.length, target: items.source.slice(0, 255) }]);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}

/**
 * Writes one slice of an import's case-doc seizures in ONE transaction, each marked with batch
 * `batchId`, without a batch entry or an audit entry: the import's last transaction
 * ({@link importRecords} with `inlineBefore`) counts them, so until then they are seizures of a
 * batch the log does not name yet (as an import's volume seizures are). The caller checked the
 * case's room for the whole import before its first transaction.
 * @throws NestError('validation') naming the first bad record and its fields, or an id that exists.
 */
export function importSeizureSlice(p: CaseParts, tx: Tx, seizures: ImportItems['seizures'], batchId: string, w: Writer): void {
  const valid = validSeizures(p, seizures);
  const at = stamp(w);
  tx(w, () => insertSeizures(p, valid, batchId, at, w));
}
