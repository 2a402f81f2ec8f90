/**
 * Volume docs (docs/architecture.md "Volume docs"): the seizures of a case beyond what its case doc
 * holds inline, in docs of at most {@link VOLUME_SIZE} records named `<wid>/case/<caseId>/vol/<n>`
 * (names.ts), authorised as their case (shared/permissions). A volume doc holds one root,
 * `seizures`, in the case doc's layout (`Y.Map<seizureId, Y.Map<field, value>>`, deleted ones kept
 * as tombstones with `deleted: true`), so the seizure readers of case-seizures.ts read it as is.
 * The case doc lists its volumes in its `volumes` map, so every replica knows which exist; the
 * audit and the import batches stay in the case doc.
 */
import * as Y from 'yjs';
import type { RaisedReviewFlag, Seizure, SeizureFields } from '../domain/seizure';
import { seizureFieldsSchema, stampReviewFlags } from '../domain/seizure';
import { describeIssues, NestError } from '../errors';
import { REVIEW_FLAGS_FIELD, toSeizure, toWrittenSeizure, type SeizureHome } from './case-seizures';
import { listDeleted, readDeleted, type DeletedSeizure } from './case-seizures-restore';
import { DocView } from './doc-view';
import { goneOfBatch, IMPORT_BATCH_FIELD, type GoneOfBatch } from './case-import-batches';
import { MAX_VOLUMES } from './names';
import { insertRecord, stamp, writeFields, type Writer } from './records';
import { VOLUME_DOC_ROOTS } from './root-types';

/** Most seizure records (tombstones included) one volume doc holds: ~5 MB encoded, far below one sync message (32 MiB). */
export const VOLUME_SIZE = 5_000;

/** Most seizure records a case doc takes before new ones go to volumes (small cases stay one doc). */
export const INLINE_SEIZURES = 1_000;

/** Where a run of new seizures goes: `volume` 0 is the case doc itself, else volume `n`. */
export interface Placement {
  volume: number;
  count: number;
}

/**
 * Splits `count` new seizures between the case doc and its volumes, in order: the case doc while
 * it holds fewer than {@link INLINE_SEIZURES} records and has no volume yet; then the last listed
 * volume up to {@link VOLUME_SIZE}; then new volumes numbered after the highest listed one.
 * `inline`: the case doc's seizure records (tombstones included); `volumes`: the listed volume
 * numbers; `lastCount`: the records of the highest listed volume (0 when none).
 * @returns the runs, in write order, omitting empty ones.
 * @throws NestError('too-large') when the volumes would pass {@link MAX_VOLUMES}.
 */
export function planPlacement(inline: number, volumes: readonly number[], lastCount: number, count: number): Placement[] {
  const out: Placement[] = [];
  let left = count;
  const last = volumes.length ? Math.max(...volumes) : 0;
  if (last === 0) {
    const here = Math.min(left, Math.max(0, INLINE_SEIZURES - inline));
    if (here > 0) out.push({ volume: 0, count: here });
    left -= here;
  } else {
    const here = Math.min(left, Math.max(0, VOLUME_SIZE - lastCount));
    if (here > 0) out.push({ volume: last, count: here });
    left -= here;
  }
  let n = last;
  while (left > 0) {
    n++;
    if (n > MAX_VOLUMES) throw new NestError('too-large', { id: 'case.too-many-volumes', values: { max: MAX_VOLUMES } });
    const here = Math.min(left, VOLUME_SIZE);
    out.push({ volume: n, count: here });
    left -= here;
  }
  return out;
}

/** An entry of the case doc's append-only `volumes` list. */
interface VolumeListing {
  n: number;
  createdAt: number;
  createdBy: string;
}

/** The volume numbers a case doc lists, ascending, each once (entries that are not volume numbers are ignored). */
export function listVolumes(caseDoc: Y.Doc): number[] {
  const out = new Set<number>();
  for (const e of caseDoc.getArray<unknown>('volumes').toArray()) {
    const n = (e as Partial<VolumeListing> | null)?.n;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_VOLUMES) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Lists volumes `ns` in the case doc (those not listed yet; two replicas listing the same volume
 * at once leave two entries, read as one), attributed to `w`. Call inside the transaction that
 * records the import, so a replica that sees the batch also sees its volumes.
 */
export function listVolumesIn(caseDoc: Y.Doc, ns: readonly number[], w: Writer): void {
  const have = new Set(listVolumes(caseDoc));
  const at = stamp(w);
  const add = [...new Set(ns)].filter((n) => !have.has(n)).map((n): VolumeListing => ({ n, createdAt: at, createdBy: w.memberId }));
  if (add.length) caseDoc.getArray<VolumeListing>('volumes').push(add);
}

/** One new seizure for a volume: a fresh UUID and validated fields. */
export interface NewVolumeSeizure {
  id: string;
  fields: SeizureFields;
  /** For a seizure moved in from another case: "<case number>/<seizure id>" there (kept on the record, as in the case doc). */
  movedFrom?: string;
  /** Review flags to store with it (shared/domain/seizure.ts), stamped with the batch and the write's time where they have none. */
  reviewFlags?: readonly RaisedReviewFlag[];
}

/** How {@link VolumeDoc.insertSeizures} treats its items' fields. */
export interface InsertOptions {
  /**
   * The fields are already the output of `seizureFieldsSchema` (an import's parser validated
   * every row: service/import/build-seizure.ts), so they are not parsed a second time.
   */
  validated?: boolean;
}

/**
 * The seizures `insertSeizures` is writing in the transaction running now, per doc, as
 * {@link toSeizure} would read them back: the projection, which runs in that transaction's
 * observers, reads them without parsing every field again (~18 % of an import's writing,
 * docs/architecture.md "P3"). Set inside the transaction, dropped when it ends.
 */
const writing = new WeakMap<Y.Doc, Map<string, Seizure>>();

/** Typed view of a volume doc. */
export class VolumeDoc extends DocView {
  private readonly seizures: Y.Map<Y.Map<unknown>>;

  constructor(doc: Y.Doc) {
    super(doc, VOLUME_DOC_ROOTS);
    this.seizures = doc.getMap('seizures');
  }

  /**
   * This volume as the home of the seizures it holds, for the case doc's seizure writes
   * (`CaseDoc.updateSeizure(…, home)` and the bulk actions): records are written here, each in
   * this doc's transaction attributed to the writer; the audit stays in the case doc.
   */
  home(): SeizureHome {
    return { seizures: this.seizures, tx: (w, fn) => this.write(w, fn) };
  }

  /** Seizure records held, tombstones included (what {@link VOLUME_SIZE} bounds). */
  recordCount(): number {
    return this.seizures.size;
  }

  /** The ids of every record held, live or deleted. */
  recordIds(): string[] {
    return [...this.seizures.keys()];
  }

  /** True when the volume holds a record `id` (live or deleted). */
  has(id: string): boolean {
    return this.seizures.has(id);
  }

  /** All live seizures (unordered ids; the projection orders). */
  listSeizures(): Seizure[] {
    return [...this.eachSeizure()];
  }

  /**
   * The live seizures one at a time (as {@link listSeizures}), so a long reader can pause between
   * them; the doc must not change while it is iterated (read a frozen copy across pauses).
   */
  *eachSeizure(): Generator<Seizure> {
    for (const [id, rec] of this.seizures.entries()) {
      if (rec instanceof Y.Map && rec.get('deleted') !== true) yield toSeizure(id, rec);
    }
  }

  /** One live seizure, or null when missing or deleted. */
  getSeizure(id: string): Seizure | null {
    const fresh = writing.get(this.doc)?.get(id);
    if (fresh) return fresh;
    const rec = this.seizures.get(id);
    return rec instanceof Y.Map && rec.get('deleted') !== true ? toSeizure(id, rec) : null;
  }

  /** A deleted seizure held here with its tombstone's `movedTo`; null when missing or live. */
  getDeletedSeizure(id: string): DeletedSeizure | null {
    return readDeleted(this.seizures, id);
  }

  /** Every deleted seizure held here (unordered). */
  listDeletedSeizures(): DeletedSeizure[] {
    return listDeleted(this.seizures);
  }

  /**
   * Writes `items` in one transaction attributed to `w`, each marked with `batchId` when given.
   * Validates all first (each record's fields against `seizureFieldsSchema`, unless
   * `opts.validated` says they are its output already): on a bad record or an id already held,
   * nothing is written.
   * @throws NestError('validation') naming the record; NestError('too-large') past {@link VOLUME_SIZE}.
   */
  insertSeizures(items: readonly NewVolumeSeizure[], w: Writer, batchId?: string, opts: InsertOptions = {}): void {
    // The fields to write, item by item (validated ones as given: no per-item wrapper object, which
    // lived through the whole transaction of an import's 5,000-record volume).
    const valid = items.map((it, i): SeizureFields => {
      if (this.seizures.has(it.id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'seizure', id: it.id } });
      if (opts.validated) return it.fields;
      const r = seizureFieldsSchema.safeParse(it.fields);
      if (!r.success) throw new NestError('validation', { id: 'record.nth-seizure-invalid', values: { n: i + 1, detail: describeIssues(r.error.issues) } });
      return r.data;
    });
    if (this.seizures.size + valid.length > VOLUME_SIZE) throw new NestError('too-large', { id: 'case.volume-full', values: { max: VOLUME_SIZE } });
    const at = stamp(w);
    const fresh = new Map<string, Seizure>();
    const doc = this.doc;
    const done = (): void => void writing.delete(doc);
    try {
      this.write(w, () => {
        // Ends with this transaction, before any later one's observers run.
        writing.set(doc, fresh);
        doc.once('afterTransaction', done);
        for (let i = 0; i < items.length; i++) {
          const { id, movedFrom, reviewFlags } = items[i]!;
          // The fields, then the batch mark, the move's origin, the review flags and the stamps: one
          // object per record, its keys in that order (as spreads of each part would give).
          const raw: Record<string, unknown> = { ...valid[i]! };
          if (batchId) raw[IMPORT_BATCH_FIELD] = batchId;
          if (movedFrom) raw.movedFrom = movedFrom;
          if (reviewFlags?.length) raw[REVIEW_FLAGS_FIELD] = stampReviewFlags(reviewFlags, batchId ?? '', at);
          raw.createdBy = w.memberId;
          raw.createdAt = at;
          raw.updatedBy = w.memberId;
          raw.updatedAt = at;
          insertRecord(this.seizures, id, raw);
          fresh.set(id, toWrittenSeizure(id, raw));
        }
      });
    } finally {
      done();
    }
  }

  /**
   * Marks the live seizures among `ids` deleted (tombstones), in one transaction attributed to
   * `w`; ids this volume does not hold or that are deleted already are skipped. The audit entry
   * is the caller's, in the case doc.
   * @returns the ids marked.
   */
  markDeleted(ids: Iterable<string>, w: Writer): string[] {
    const at = stamp(w);
    const marked: string[] = [];
    this.write(w, () => {
      for (const id of ids) {
        const rec = this.seizures.get(id);
        if (!(rec instanceof Y.Map) || rec.get('deleted') === true) continue;
        writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
        marked.push(id);
      }
    });
    return marked;
  }

  /** The ids of the live seizures imported in batch `batchId` (for undoing that import). */
  liveOfBatch(batchId: string): string[] {
    const out: string[] = [];
    this.seizures.forEach((rec, id) => {
      if (rec instanceof Y.Map && rec.get(IMPORT_BATCH_FIELD) === batchId && rec.get('deleted') !== true) out.push(id);
    });
    return out;
  }

  /** The seizures of import `batchId` already marked deleted here, moved ones per target case, added to `into` (an undo says so apart from what it marks). */
  goneOfBatch(batchId: string, into?: GoneOfBatch): GoneOfBatch {
    return goneOfBatch(this.seizures, batchId, into);
  }

  /** How many of the records `ids` were last changed after `at` (ms): an undo says how many edits it takes away. */
  editedAfter(ids: Iterable<string>, at: number): number {
    let n = 0;
    for (const id of ids) {
      const u = this.seizures.get(id)?.get('updatedAt');
      if (typeof u === 'number' && u > at) n++;
    }
    return n;
  }

  /**
   * Calls `fn` with the ids of the seizures each transaction added, changed or deleted (for the
   * projection); returns the unsubscribe function.
   */
  observeSeizures(fn: (ids: Set<string>) => void): () => void {
    const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
      const ids = new Set<string>();
      for (const e of events) {
        if (e.target === this.seizures) e.changes.keys.forEach((_c, k) => ids.add(k));
        else if (e.target instanceof Y.Map && e.target.parent === this.seizures) {
          const sub = (e.target as unknown as { _item?: { parentSub?: string | null } })._item?.parentSub;
          if (typeof sub === 'string') ids.add(sub);
        }
      }
      if (ids.size) fn(ids);
    };
    this.seizures.observeDeep(onDeep);
    return () => this.seizures.unobserveDeep(onDeep);
  }
}
