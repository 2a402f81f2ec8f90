/**
 * The relay's provenance log and alerts on PostgreSQL (tables of migrations/001_relay_schema.sql),
 * with the same rows, hash chain and meaning as relay/storage/provenance.ts on SQLite.
 * {@link recordProvenance} runs inside the appending transaction, after the clock lock was taken,
 * so the chain follows seq order across every relay process. Rows are never updated or deleted
 * (triggers refuse it); compaction touches doc_updates only.
 */
import type pg from 'pg';
import * as Y from 'yjs';
import type { AppendEntry } from '../../../node/store/doc-store';
import type { ProvenanceEntry, ProvenanceLogEntry, RelayAlert } from '../../../shared/protocol/relay';
import { alertOf, chainOf, provenanceEntryOf, provenanceLogEntryOf, sha256Hex, type AlertRow, type NewAlert, type ProvRow } from '../provenance';

/** Queries on a pool or a client inside a transaction. */
type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** Records the provenance of `entries` (stored with `seqs`); call inside the appending transaction. */
export async function recordProvenance(c: pg.PoolClient, entries: readonly AppendEntry[], seqs: readonly number[], at: number): Promise<void> {
  let prev = ((await c.query<{ chain: string }>('SELECT chain FROM relay_provenance ORDER BY seq DESC LIMIT 1')).rows[0]?.chain) ?? '';
  const shas = entries.map((e) => sha256Hex(e.update));
  const chains = entries.map((e, i) => (prev = chainOf(prev, seqs[i]!, e.docName, e.memberId, at, shas[i]!)));
  await c.query(
    `INSERT INTO relay_provenance (seq, doc_id, member_id, created_at, size, sha256, chain, data)
     SELECT s, d, m, $8, z, h, ch, b FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::bytea[]) AS u(s, d, m, z, h, ch, b)`,
    [seqs, entries.map((e) => e.docName), entries.map((e) => e.memberId), entries.map((e) => e.update.byteLength), shas, chains, entries.map((e) => Buffer.from(e.update)), at],
  );
}

/** A page of `docName`'s provenance, seq > `afterSeq`, oldest first, at most `limit`. */
export async function provenancePage(q: Queryable, docName: string, afterSeq: number, limit: number): Promise<ProvenanceEntry[]> {
  const rows = (await q.query<ProvRow>('SELECT seq, member_id, created_at, size, sha256 FROM relay_provenance WHERE doc_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [docName, afterSeq, limit])).rows;
  return rows.map(provenanceEntryOf);
}

/** A page of `docName`'s provenance with each update's bytes, seq > `afterSeq`, oldest first, at most `limit`. */
export async function provenanceUpdatesPage(q: Queryable, docName: string, afterSeq: number, limit: number): Promise<ProvenanceLogEntry[]> {
  const rows = (await q.query<ProvRow>('SELECT seq, member_id, created_at, size, sha256, data FROM relay_provenance WHERE doc_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [docName, afterSeq, limit])).rows;
  return rows.map(provenanceLogEntryOf);
}

/** `Y.encodeStateAsUpdate` of `docName` as of `seq`, replayed from the provenance rows. */
export async function provenanceStateAt(q: Queryable, docName: string, seq: number): Promise<Uint8Array> {
  const rows = (await q.query<{ data: Buffer }>('SELECT data FROM relay_provenance WHERE doc_id = $1 AND seq <= $2 ORDER BY seq', [docName, seq])).rows;
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const r of rows) Y.applyUpdate(doc, r.data);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The seq of the first row whose bytes or chain do not verify, or null. Pages through the log by 1000 rows. */
export async function verifyProvenanceLog(q: Queryable): Promise<number | null> {
  let prev = '';
  let after = 0;
  for (;;) {
    const rows = (await q.query<ProvRow>('SELECT * FROM relay_provenance WHERE seq > $1 ORDER BY seq LIMIT 1000', [after])).rows;
    if (rows.length === 0) return null;
    for (const r of rows) {
      if (sha256Hex(r.data) !== r.sha256 || r.size !== r.data.byteLength) return r.seq;
      prev = chainOf(prev, r.seq, r.doc_id, r.member_id, r.created_at, r.sha256);
      if (prev !== r.chain) return r.seq;
      after = r.seq;
    }
  }
}

/** Records an alert; resolves with its id. */
export async function insertAlert(q: Queryable, a: NewAlert, at: number): Promise<number> {
  const r = await q.query('INSERT INTO relay_alerts (workspace_id, doc_id, member_id, kind, records, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [a.workspaceId.toLowerCase(), a.doc, a.memberId, a.kind, a.records, at]);
  return Number(r.rows[0].id);
}

/** The alerts of a workspace with id > `afterId`, oldest first (at most 500). */
export async function alertsAfter(q: Queryable, workspaceId: string, afterId: number): Promise<RelayAlert[]> {
  const rows = (await q.query<AlertRow>(
    'SELECT id, kind, doc_id, member_id, records, created_at FROM relay_alerts WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT 500',
    [workspaceId.toLowerCase(), afterId],
  )).rows;
  return rows.map(alertOf);
}
