/**
 * The synchronous SQLite engine behind the doc stores (better-sqlite3), on the tables of
 * `migrations/001_doc_store.sql`: used by {@link SqliteDocStore} (the async `DocStore`), by the
 * relay's storage worker, and by the desktop's synchronous paths (DocHost appends inside Yjs's
 * 'update' event and loads docs on demand; see docs/architecture.md, "Storage").
 *
 * Compaction reads the log, builds the merged state outside any write lock, then commits the
 * snapshot and deletes only the updates it merged (`seq <= uptoSeq`) in one transaction. An
 * update appended meanwhile has a higher seq and stays in the log, so nothing is ever lost; a
 * concurrent compaction of the same doc is detected (snapshot changed) and the later one gives up.
 * Replaying is done by applying updates to a Y.Doc, never `Y.mergeUpdates` of thousands (superlinear).
 * A doc whose log is one update and no snapshot is compacted by taking that update as the snapshot
 * (its `state_vector` stored empty: not computed, see {@link SqliteDocLog.stateVector}).
 */
import * as Y from 'yjs';
import type { ChangesPage, CompactResult, DocHead, StoredDoc } from './doc-store';
import type { Db } from './sqlite';

interface HeadRow {
  doc_id: string;
  last_seq: number;
  pending: number;
  updated_at: number;
}

/**
 * A compaction whose merged state is built but not yet committed (see {@link SqliteDocLog.prepareCompaction}).
 * Opaque to callers.
 */
export interface PreparedCompaction {
  readonly docName: string;
  /** Set when there is nothing to merge: commit returns it as is. */
  readonly done?: CompactResult;
  readonly startSeq: number;
  readonly uptoSeq: number;
  readonly merged: number;
  readonly state: Uint8Array;
  readonly stateVector: Uint8Array;
  /** The live doc whose proof advances on commit, when it was encoded instead of replaying. */
  readonly live: Y.Doc | null;
}

/**
 * The synchronous doc log on a migrated better-sqlite3 database (one thread; the caller owns
 * migrations; `close()` closes the db). Every method does its work before returning.
 */
export class SqliteDocLog {
  /** The database handle (shared with the relay's key table and the desktop's projections). */
  readonly db: Db;
  private readonly now: () => number;
  private readonly stmts;
  /**
   * Per doc, the live Y.Doc known to contain stored state: everything with seq <= `coversUpto`
   * (from loading or compacting it) plus the seqs in `seqs` (appended from it). This proof is
   * what allows compaction to encode the live doc instead of replaying the log.
   */
  private readonly held = new Map<string, { doc: Y.Doc; coversUpto: number; seqs: Set<number> }>();

  constructor(db: Db, opts: { now?: () => number } = {}) {
    this.db = db;
    this.now = opts.now ?? Date.now;
    this.stmts = {
      insert: db.prepare('INSERT INTO doc_updates (doc_id, data, member_id, created_at) VALUES (?, ?, ?, ?)'),
      upsertHead: db.prepare(
        `INSERT INTO doc_heads (doc_id, last_seq, pending, updated_at) VALUES (?, ?, 1, ?)
         ON CONFLICT (doc_id) DO UPDATE SET last_seq = excluded.last_seq, pending = pending + 1, updated_at = excluded.updated_at`,
      ),
      snapshot: db.prepare('SELECT data, upto_seq FROM doc_snapshots WHERE doc_id = ?'),
      snapshotSeq: db.prepare('SELECT upto_seq FROM doc_snapshots WHERE doc_id = ?').pluck(),
      updatesAfter: db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq'),
      updateAt: db.prepare('SELECT data FROM doc_updates WHERE doc_id = ? AND seq = ?').pluck(),
      upsertSnapshot: db.prepare(
        `INSERT INTO doc_snapshots (doc_id, data, state_vector, upto_seq, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, state_vector = excluded.state_vector, upto_seq = excluded.upto_seq, updated_at = excluded.updated_at`,
      ),
      deleteUpTo: db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?'),
      seqsAfter: db.prepare('SELECT seq FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq').pluck(),
      countAfter: db.prepare('SELECT COUNT(*) FROM doc_updates WHERE doc_id = ? AND seq > ?').pluck(),
      setPending: db.prepare('UPDATE doc_heads SET pending = ? WHERE doc_id = ?'),
      head: db.prepare('SELECT doc_id, last_seq, pending, updated_at FROM doc_heads WHERE doc_id = ?'),
      changedSince: db.prepare('SELECT doc_id, last_seq, pending, updated_at FROM doc_heads WHERE last_seq > ? ORDER BY last_seq'),
      docs: db.prepare("SELECT doc_id FROM doc_heads WHERE doc_id >= ? AND doc_id < ? ORDER BY doc_id").pluck(),
      allDocs: db.prepare('SELECT doc_id FROM doc_heads ORDER BY doc_id').pluck(),
      docCount: db.prepare('SELECT COUNT(*) FROM doc_heads').pluck(),
      snapshotVector: db.prepare('SELECT state_vector FROM doc_snapshots WHERE doc_id = ?').pluck(),
      clock: db.prepare("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'doc_updates'), 0)").pluck(),
    };
  }

  /**
   * Appends one update in its own transaction (a savepoint inside a caller's); returns its seq.
   * Once it returns the update survives a crash of the process (and, with synchronous=FULL, of
   * the OS). Pass `from` when the update was emitted by that live doc (its 'update' event): it
   * lets {@link compact} encode the live doc instead of replaying the log.
   */
  appendUpdate(docName: string, update: Uint8Array, memberId: string, from?: Y.Doc): number {
    const at = this.now();
    const run = this.db.transaction(() => {
      const fresh = from && this.held.get(docName)?.doc !== from ? this.stmts.head.get(docName) === undefined : false;
      const seq = Number(this.stmts.insert.run(docName, update, memberId, at).lastInsertRowid);
      this.stmts.upsertHead.run(docName, seq, at);
      return { seq, fresh };
    });
    const { seq, fresh } = run();
    if (from) {
      let h = this.held.get(docName);
      // A doc we have not seen load is provably complete only if the store had nothing before it.
      if (!h || h.doc !== from) this.held.set(docName, (h = { doc: from, coversUpto: fresh ? 0 : -1, seqs: new Set() }));
      h.seqs.add(seq);
    }
    return seq;
  }

  /** Reads the snapshot and the later updates of a doc in one transaction (empty when unknown). */
  read(docName: string): StoredDoc {
    const read = this.db.transaction((): StoredDoc => {
      const snap = this.stmts.snapshot.get(docName) as { data: Buffer; upto_seq: number } | undefined;
      const uptoSeq = snap?.upto_seq ?? 0;
      const rows = this.stmts.updatesAfter.all(docName, uptoSeq) as { seq: number; data: Buffer }[];
      return {
        snapshot: snap ? new Uint8Array(snap.data.buffer, snap.data.byteOffset, snap.data.byteLength) : null,
        uptoSeq,
        updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
        lastSeq: rows.length ? rows[rows.length - 1]!.seq : uptoSeq,
      };
    });
    return read();
  }

  /** Applies the stored state of `docName` to `doc` in one transaction with `origin`; returns the last seq. */
  loadInto(docName: string, doc: Y.Doc, origin?: unknown): number {
    const stored = this.read(docName);
    Y.transact(
      doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(doc, u);
      },
      origin,
    );
    this.adopt(docName, doc, stored.lastSeq);
    return stored.lastSeq;
  }

  /**
   * Records that `doc` holds every stored update of `docName` up to `coversUpto` (it was built
   * from a {@link read} whose lastSeq that was, by the caller, in this process). Updates later
   * appended with `from = doc` extend the proof; anything else makes compaction replay the log.
   */
  adopt(docName: string, doc: Y.Doc, coversUpto: number): void {
    this.held.set(docName, { doc, coversUpto, seqs: new Set() });
  }

  /** Forgets the live doc of `docName` (at unload), so the log does not keep it alive. */
  forget(docName: string, doc: Y.Doc): void {
    if (this.held.get(docName)?.doc === doc) this.held.delete(docName);
  }

  /** The Yjs state vector of the stored doc (snapshot + later updates); the snapshot's stored one when nothing follows it and it was computed. */
  stateVector(docName: string): Uint8Array {
    const stored = this.read(docName);
    if (stored.updates.length === 0 && stored.snapshot) {
      const sv = this.stmts.snapshotVector.get(docName) as Buffer | undefined;
      // Empty: not computed (a lone update taken as the snapshot, see prepareCompaction): replayed below.
      if (sv?.byteLength) return new Uint8Array(sv.buffer, sv.byteOffset, sv.byteLength);
    }
    const tmp = new Y.Doc();
    Y.transact(tmp, () => {
      if (stored.snapshot) Y.applyUpdate(tmp, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(tmp, u);
    });
    const sv = Y.encodeStateVector(tmp);
    tmp.destroy();
    return sv;
  }

  /** Names of docs with stored state starting with `prefix` (all when ''), sorted. */
  listDocs(prefix = ''): string[] {
    // A range scan on the primary key: prefix <= name < prefix + U+FFFF.
    return (prefix ? this.stmts.docs.all(prefix, `${prefix}\uffff`) : this.stmts.allDocs.all()) as string[];
  }

  /** How many docs have stored state. */
  docCount(): number {
    return Number(this.stmts.docCount.get());
  }

  /** The clock and the heads of docs starting with `prefix` changed after `sinceSeq`, read consistently. */
  changes(sinceSeq: number, prefix = ''): ChangesPage {
    const read = this.db.transaction((): ChangesPage => {
      const clock = this.clock();
      const heads = this.changedSince(sinceSeq);
      return { clock, heads: prefix ? heads.filter((h) => h.docName.startsWith(prefix)) : heads };
    });
    return read();
  }

  /**
   * Merges the update log of a doc into its snapshot and deletes the merged updates, in one
   * transaction; updates appended meanwhile are kept. `liveDoc` is the doc in memory: when this
   * log can prove it holds the snapshot and every pending update (see {@link adopt}), its state is
   * encoded instead of replaying the log; otherwise the log is replayed.
   */
  compact(docName: string, liveDoc?: Y.Doc): CompactResult {
    return this.commitCompaction(this.prepareCompaction(docName, liveDoc));
  }

  /**
   * First half of {@link compact}: reads the log and builds the merged state, outside any write
   * lock. Anything may happen before {@link commitCompaction} (appends, other compactions).
   */
  prepareCompaction(docName: string, liveDoc?: Y.Doc): PreparedCompaction {
    const startSeq = (this.stmts.snapshotSeq.get(docName) as number | undefined) ?? 0;
    const nothing = (uptoSeq: number): PreparedCompaction => ({
      docName, startSeq, uptoSeq, merged: 0, state: new Uint8Array(), stateVector: new Uint8Array(), live: null,
      done: { outcome: 'nothing', merged: 0, uptoSeq, snapshotBytes: 0 },
    });
    const pendingSeqs = this.stmts.seqsAfter.all(docName, startSeq) as number[];
    if (pendingSeqs.length === 0) return nothing(startSeq);
    const h = liveDoc ? this.held.get(docName) : undefined;
    // Encode the live doc only when it provably holds the snapshot and every pending update;
    // otherwise (e.g. another process wrote to this doc) replay the log from storage.
    const liveHoldsAll = !!h && h.doc === liveDoc && h.coversUpto >= 0 && startSeq <= h.coversUpto && pendingSeqs.every((q) => q <= h.coversUpto || h.seqs.has(q));
    const lone = startSeq === 0 && pendingSeqs.length === 1 ? (this.stmts.updateAt.get(docName, pendingSeqs[0]) as Buffer | undefined) : undefined;
    if (lone) {
      // One update and no snapshot: that update already is the doc's whole state in one piece
      // (e.g. a volume an import wrote in one transaction), so it becomes the snapshot as is,
      // without encoding the doc again (~20 % of an import's writing, docs/architecture.md "P3").
      // Its state vector is left empty, "not computed": deriving it from the bytes costs more
      // than the encoding saved, and {@link stateVector} replays such a snapshot instead.
      return {
        docName, startSeq, uptoSeq: pendingSeqs[0]!, merged: 1,
        state: new Uint8Array(lone.buffer, lone.byteOffset, lone.byteLength), stateVector: new Uint8Array(), live: liveHoldsAll ? liveDoc! : null,
      };
    }
    if (liveDoc && liveHoldsAll) {
      return {
        docName, startSeq, uptoSeq: pendingSeqs[pendingSeqs.length - 1]!, merged: pendingSeqs.length,
        state: Y.encodeStateAsUpdate(liveDoc), stateVector: Y.encodeStateVector(liveDoc), live: liveDoc,
      };
    }
    const stored = this.read(docName);
    if (stored.updates.length === 0) return nothing(stored.uptoSeq);
    const tmp = new Y.Doc();
    Y.transact(tmp, () => {
      if (stored.snapshot) Y.applyUpdate(tmp, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(tmp, u);
    });
    const prepared = {
      docName, startSeq: stored.uptoSeq, uptoSeq: stored.lastSeq, merged: stored.updates.length,
      state: Y.encodeStateAsUpdate(tmp), stateVector: Y.encodeStateVector(tmp), live: null,
    };
    tmp.destroy();
    return prepared;
  }

  /**
   * Second half of {@link compact}: in one immediate transaction, writes the snapshot and deletes
   * the updates it covers (seq <= uptoSeq), unless another compaction changed the snapshot since
   * {@link prepareCompaction} (then writes nothing: `raced`).
   */
  commitCompaction(p: PreparedCompaction): CompactResult {
    if (p.done) return p.done;
    const commit = this.db.transaction((): CompactResult => {
      const current = (this.stmts.snapshotSeq.get(p.docName) as number | undefined) ?? 0;
      if (current !== p.startSeq) return { outcome: 'raced', merged: 0, uptoSeq: current, snapshotBytes: 0 };
      this.stmts.upsertSnapshot.run(p.docName, p.state, p.stateVector, p.uptoSeq, this.now());
      this.stmts.deleteUpTo.run(p.docName, p.uptoSeq);
      this.stmts.setPending.run(this.stmts.countAfter.get(p.docName, p.uptoSeq) as number, p.docName);
      const h = this.held.get(p.docName);
      if (h && p.live && h.doc === p.live) {
        h.coversUpto = p.uptoSeq;
        for (const q of h.seqs) if (q <= p.uptoSeq) h.seqs.delete(q);
      }
      return { outcome: 'compacted', merged: p.merged, uptoSeq: p.uptoSeq, snapshotBytes: p.state.byteLength };
    });
    return commit.immediate();
  }

  /** The head of one doc, or null when it has no stored state. */
  head(docName: string): DocHead | null {
    const r = this.stmts.head.get(docName) as HeadRow | undefined;
    return r ? toHead(r) : null;
  }

  /** Heads of all docs whose last change has seq > `sinceSeq`, by seq. */
  changedSince(sinceSeq: number): DocHead[] {
    return (this.stmts.changedSince.all(sinceSeq) as HeadRow[]).map(toHead);
  }

  /** The highest seq ever appended (0 when none): the clock to pass to {@link changedSince} next time. */
  clock(): number {
    return Number(this.stmts.clock.get() ?? 0);
  }

  /** Closes the database (idempotent). */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toHead(r: HeadRow): DocHead {
  return { docName: r.doc_id, lastSeq: r.last_seq, pending: r.pending, updatedAt: r.updated_at };
}
