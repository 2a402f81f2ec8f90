/**
 * {@link DocStore} on PostgreSQL (a `pg` Pool): the update log, one snapshot per doc and the
 * per-doc heads of the SQLite store, with the same meaning, so several relay processes can share
 * one database.
 *
 * Ordering: every append takes the `relay_clock` row lock until it commits, so seqs commit in
 * order (a reader that sees seq n sees every lower seq). This is what makes `changedSince` safe
 * for a client polling with the clock, lets compaction delete `seq <= uptoSeq` without deleting
 * an update it did not read, and gives the provenance chain one order. An append resolves after
 * COMMIT returned (PostgreSQL's default synchronous_commit=on: flushed to its WAL).
 *
 * Compaction of a doc runs under a transaction-scoped advisory lock on the doc's name: exactly one
 * process compacts a doc at a time; a second one finds the lock taken and reports `raced`. A
 * process killed mid-compaction leaves nothing behind (the transaction aborts, the lock is gone).
 */
import pg from 'pg';
import * as Y from 'yjs';
import type { AppendEntry, ChangesPage, CompactResult, DocHead, DocStore, StoredDoc } from '../../../node/store/doc-store';

/** A row of doc_heads. */
interface HeadRow {
  doc_id: string;
  last_seq: number;
  pending: number;
  updated_at: number;
}

/** int8 (bigint) as a JS number: seqs and ms timestamps stay far below 2^53. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 && format !== 'binary') return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** Options of a pg pool for the relay's storage. */
export function poolConfig(url: string, max = 10): pg.PoolConfig {
  return { connectionString: url, max, types, application_name: 'nest-relay' };
}

/** The advisory-lock class for per-doc compaction (the first key of the two-key lock). */
const COMPACT_LOCK_CLASS = 0x434d5054; // "CMPT"

/** Escapes a LIKE pattern's wildcards so a prefix matches literally. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The doc store on a migrated PostgreSQL database; `close()` ends the pool. */
export class PgDocStore implements DocStore {
  constructor(
    protected readonly pool: pg.Pool,
    protected readonly now: () => number = Date.now,
  ) {}

  /** Runs `fn` in a transaction on one pooled client (COMMIT on success, ROLLBACK on error). */
  protected async tx<T>(fn: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const c = await this.pool.connect();
    // A connection lost while checked out (server restart, backend killed) emits 'error' on the
    // client besides failing the query; unhandled it would crash the process. The query's
    // rejection is what we report.
    const ignore = () => undefined;
    c.on('error', ignore);
    let broken = false;
    try {
      await c.query(begin);
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => (broken = true));
      throw err;
    } finally {
      c.off('error', ignore);
      // A client whose ROLLBACK failed is dead: destroy it rather than hand it out again.
      c.release(broken);
    }
  }

  /** @inheritdoc */
  async append(docName: string, update: Uint8Array, memberId: string): Promise<number> {
    return (await this.appendBatch([{ docName, update, memberId }]))[0]!;
  }

  /** @inheritdoc */
  async appendBatch(entries: readonly AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    for (const e of entries) if (!(e.update instanceof Uint8Array)) throw new TypeError(`update of ${e.docName} is not bytes`);
    return this.tx(async (c) => {
      const seqs = await this.appendIn(c, entries);
      await this.afterAppend(c, entries, seqs);
      return seqs;
    });
  }

  /** Inserts `entries` inside transaction `c` (taking the clock lock); resolves with their seqs. */
  protected async appendIn(c: pg.PoolClient, entries: readonly AppendEntry[]): Promise<number[]> {
    const last = Number((await c.query('UPDATE relay_clock SET seq = seq + $1 RETURNING seq', [entries.length])).rows[0].seq);
    const seqs = entries.map((_, i) => last - entries.length + 1 + i);
    const at = this.now();
    await c.query(
      `INSERT INTO doc_updates (seq, doc_id, data, member_id, created_at)
       SELECT s, d, b, m, $5 FROM unnest($1::bigint[], $2::text[], $3::bytea[], $4::text[]) AS u(s, d, b, m)`,
      [seqs, entries.map((e) => e.docName), entries.map((e) => Buffer.from(e.update)), entries.map((e) => e.memberId), at],
    );
    const perDoc = new Map<string, { last: number; n: number }>();
    entries.forEach((e, i) => {
      const h = perDoc.get(e.docName) ?? { last: 0, n: 0 };
      perDoc.set(e.docName, { last: seqs[i]!, n: h.n + 1 });
    });
    const docs = [...perDoc.keys()];
    await c.query(
      `INSERT INTO doc_heads (doc_id, last_seq, pending, updated_at)
       SELECT d, l, n, $4 FROM unnest($1::text[], $2::bigint[], $3::int[]) AS u(d, l, n)
       ON CONFLICT (doc_id) DO UPDATE SET last_seq = excluded.last_seq, pending = doc_heads.pending + excluded.pending, updated_at = excluded.updated_at`,
      [docs, docs.map((d) => perDoc.get(d)!.last), docs.map((d) => perDoc.get(d)!.n), at],
    );
    return seqs;
  }

  /** Hook for subclasses: more writes in the appending transaction (the provenance log). */
  protected async afterAppend(_c: pg.PoolClient, _entries: readonly AppendEntry[], _seqs: readonly number[]): Promise<void> {}

  /** @inheritdoc */
  async read(docName: string): Promise<StoredDoc> {
    // One snapshot for both reads: a compaction committing in between cannot make us miss updates.
    return this.tx(async (c) => readIn(c, docName), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  /** @inheritdoc */
  async stateVector(docName: string): Promise<Uint8Array> {
    const doc = toDoc(await this.read(docName));
    try {
      return Y.encodeStateVector(doc);
    } finally {
      doc.destroy();
    }
  }

  /** @inheritdoc */
  async compact(docName: string): Promise<CompactResult> {
    return this.tx(async (c) => {
      const got = (await c.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok', [COMPACT_LOCK_CLASS, docName])).rows[0].ok as boolean;
      const stored = await readIn(c, docName);
      if (!got) return { outcome: 'raced', merged: 0, uptoSeq: stored.uptoSeq, snapshotBytes: 0 };
      if (stored.updates.length === 0) return { outcome: 'nothing', merged: 0, uptoSeq: stored.uptoSeq, snapshotBytes: 0 };
      const doc = toDoc(stored);
      const state = Y.encodeStateAsUpdate(doc);
      const vector = Y.encodeStateVector(doc);
      doc.destroy();
      await this.beforeCompactionCommit(c);
      await c.query(
        `INSERT INTO doc_snapshots (doc_id, data, state_vector, upto_seq, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, state_vector = excluded.state_vector, upto_seq = excluded.upto_seq, updated_at = excluded.updated_at`,
        [docName, Buffer.from(state), Buffer.from(vector), stored.lastSeq, this.now()],
      );
      // Appends commit in seq order (the clock lock), so every seq <= lastSeq was read above.
      await c.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $2', [docName, stored.lastSeq]);
      await c.query('UPDATE doc_heads SET pending = GREATEST(pending - $2, 0) WHERE doc_id = $1', [docName, stored.updates.length]);
      return { outcome: 'compacted', merged: stored.updates.length, uptoSeq: stored.lastSeq, snapshotBytes: state.byteLength };
    });
  }

  /** Test seam: runs inside a compaction's transaction after the merge, before its writes. */
  protected async beforeCompactionCommit(_c: pg.PoolClient): Promise<void> {}

  /** @inheritdoc */
  async head(docName: string): Promise<DocHead | null> {
    const r = (await this.pool.query<HeadRow>('SELECT * FROM doc_heads WHERE doc_id = $1', [docName])).rows[0];
    return r ? toHead(r) : null;
  }

  /** @inheritdoc */
  async changedSince(sinceSeq: number, prefix = ''): Promise<ChangesPage> {
    return this.tx(async (c) => {
      const clock = Number((await c.query('SELECT seq FROM relay_clock')).rows[0].seq);
      const rows = (await c.query<HeadRow>("SELECT * FROM doc_heads WHERE last_seq > $1 AND doc_id LIKE $2 ESCAPE '\\' ORDER BY last_seq", [sinceSeq, likePrefix(prefix)])).rows;
      return { clock, heads: rows.map(toHead) };
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  /** @inheritdoc */
  async listDocs(prefix = ''): Promise<string[]> {
    const rows = (await this.pool.query<{ doc_id: string }>("SELECT doc_id FROM doc_heads WHERE doc_id LIKE $1 ESCAPE '\\' ORDER BY doc_id", [likePrefix(prefix)])).rows;
    return rows.map((r) => r.doc_id);
  }

  /** @inheritdoc */
  async docCount(): Promise<number> {
    return Number((await this.pool.query('SELECT COUNT(*) AS n FROM doc_heads')).rows[0].n);
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** Reads a doc's snapshot and later updates on `c` (call inside a transaction for consistency). */
async function readIn(c: pg.PoolClient, docName: string): Promise<StoredDoc> {
  const snap = (await c.query<{ data: Buffer; upto_seq: number }>('SELECT data, upto_seq FROM doc_snapshots WHERE doc_id = $1', [docName])).rows[0];
  const uptoSeq = snap?.upto_seq ?? 0;
  const rows = (await c.query<{ seq: number; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq', [docName, uptoSeq])).rows;
  return {
    snapshot: snap ? new Uint8Array(snap.data) : null,
    uptoSeq,
    updates: rows.map((r) => new Uint8Array(r.data)),
    lastSeq: rows.length ? rows[rows.length - 1]!.seq : uptoSeq,
  };
}

/** The Y.Doc a stored state describes (the caller destroys it). */
function toDoc(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
  });
  return doc;
}

function toHead(r: HeadRow): DocHead {
  return { docName: r.doc_id, lastSeq: r.last_seq, pending: r.pending, updatedAt: r.updated_at };
}
