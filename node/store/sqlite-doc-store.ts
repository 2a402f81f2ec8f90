/**
 * The SQLite implementation of {@link DocStore} (better-sqlite3), on the tables of
 * `migrations/001_doc_store.sql`.
 *
 * Compaction reads the log, builds the merged state outside any write lock, then commits the
 * snapshot and deletes only the updates it merged (`seq <= uptoSeq`) in one transaction. An
 * update appended meanwhile has a higher seq and stays in the log, so nothing is ever lost; a
 * concurrent compaction of the same doc is detected (snapshot changed) and the later one gives up.
 * Replaying is done by applying updates to a Y.Doc, never `Y.mergeUpdates` of thousands (superlinear).
 */
import * as Y from 'yjs';
import type { CompactResult, DocHead, DocStore, StoredDoc } from './doc-store';
import type { Db } from './sqlite';

interface HeadRow {
  doc_id: string;
  last_seq: number;
  pending: number;
  updated_at: number;
}

/** {@link DocStore} on a migrated better-sqlite3 database. The caller owns migrations; `close()` closes the db. */
export class SqliteDocStore implements DocStore {
  private readonly db: Db;
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
      clock: db.prepare("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'doc_updates'), 0)").pluck(),
    };
  }

  /** @inheritdoc */
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

  /** @inheritdoc */
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

  /** @inheritdoc */
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
    this.held.set(docName, { doc, coversUpto: stored.lastSeq, seqs: new Set() });
    return stored.lastSeq;
  }

  /** @inheritdoc */
  compact(docName: string, liveDoc?: Y.Doc): CompactResult {
    let state: Uint8Array;
    let stateVector: Uint8Array;
    let uptoSeq: number;
    let merged: number;
    const startSeq = (this.stmts.snapshotSeq.get(docName) as number | undefined) ?? 0;
    const pendingSeqs = this.stmts.seqsAfter.all(docName, startSeq) as number[];
    if (pendingSeqs.length === 0) return { outcome: 'nothing', merged: 0, uptoSeq: startSeq, snapshotBytes: 0 };
    const h = liveDoc ? this.held.get(docName) : undefined;
    // Encode the live doc only when it provably holds the snapshot and every pending update;
    // otherwise (e.g. another process wrote to this doc) replay the log from storage.
    const liveHoldsAll = !!h && h.doc === liveDoc && h.coversUpto >= 0 && startSeq <= h.coversUpto && pendingSeqs.every((q) => q <= h.coversUpto || h.seqs.has(q));
    if (liveDoc && liveHoldsAll) {
      uptoSeq = pendingSeqs[pendingSeqs.length - 1]!;
      merged = pendingSeqs.length;
      state = Y.encodeStateAsUpdate(liveDoc);
      stateVector = Y.encodeStateVector(liveDoc);
    } else {
      const stored = this.read(docName);
      if (stored.updates.length === 0) return { outcome: 'nothing', merged: 0, uptoSeq: stored.uptoSeq, snapshotBytes: 0 };
      const tmp = new Y.Doc();
      Y.transact(tmp, () => {
        if (stored.snapshot) Y.applyUpdate(tmp, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(tmp, u);
      });
      state = Y.encodeStateAsUpdate(tmp);
      stateVector = Y.encodeStateVector(tmp);
      tmp.destroy();
      uptoSeq = stored.lastSeq;
      merged = stored.updates.length;
    }
    const commit = this.db.transaction((): CompactResult => {
      const current = (this.stmts.snapshotSeq.get(docName) as number | undefined) ?? 0;
      if (current !== startSeq) return { outcome: 'raced', merged: 0, uptoSeq: current, snapshotBytes: 0 };
      this.stmts.upsertSnapshot.run(docName, state, stateVector, uptoSeq, this.now());
      this.stmts.deleteUpTo.run(docName, uptoSeq);
      this.stmts.setPending.run(this.stmts.countAfter.get(docName, uptoSeq) as number, docName);
      if (h && h.doc === liveDoc && liveHoldsAll) {
        h.coversUpto = uptoSeq;
        for (const q of h.seqs) if (q <= uptoSeq) h.seqs.delete(q);
      }
      return { outcome: 'compacted', merged, uptoSeq, snapshotBytes: state.byteLength };
    });
    return commit.immediate();
  }

  /** @inheritdoc */
  head(docName: string): DocHead | null {
    const r = this.stmts.head.get(docName) as HeadRow | undefined;
    return r ? toHead(r) : null;
  }

  /** @inheritdoc */
  changedSince(sinceSeq: number): DocHead[] {
    return (this.stmts.changedSince.all(sinceSeq) as HeadRow[]).map(toHead);
  }

  /** @inheritdoc */
  clock(): number {
    return Number(this.stmts.clock.get() ?? 0);
  }

  /** @inheritdoc */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toHead(r: HeadRow): DocHead {
  return { docName: r.doc_id, lastSeq: r.last_seq, pending: r.pending, updatedAt: r.updated_at };
}
