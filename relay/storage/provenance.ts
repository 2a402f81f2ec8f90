/**
 * The relay's provenance log and alerts on SQLite (tables of migrations/006_relay_provenance.sql).
 * {@link SqliteProvenance.record} runs inside the transaction that appends the updates, so a
 * stored update always has its provenance row and vice versa. Rows are never updated or deleted
 * (triggers refuse it); compaction touches doc_updates only. Past states are rebuilt by replaying
 * a doc's rows up to a seq, so they do not depend on the snapshot or on Yjs garbage collection.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { AppendEntry } from '../../node/store/doc-store';
import type { Db } from '../../node/store/sqlite';
import type { ProvenanceEntry, ProvenanceLogEntry, RelayAlert } from '../../shared/protocol/relay';

/** A new alert for a workspace's admins (see {@link RelayAlert}). */
export type NewAlert = Omit<RelayAlert, 'id' | 'at'> & { workspaceId: string };

/** The provenance log and alerts: what the relay's storage offers besides docs and keys. */
export interface ProvenanceStore {
  /** A page of `docName`'s provenance: entries with seq > `afterSeq`, oldest first, at most `limit`. */
  provenance(docName: string, afterSeq: number, limit: number): Promise<ProvenanceEntry[]>;
  /**
   * A page of `docName`'s provenance with each update's bytes (`update`, base64), seq >
   * `afterSeq`, oldest first, at most `limit`: what a case pack's provenance is derived from.
   */
  provenanceUpdates(docName: string, afterSeq: number, limit: number): Promise<ProvenanceLogEntry[]>;
  /** `Y.encodeStateAsUpdate` of `docName` as of `seq` (every accepted update with seq <= `seq`); an empty doc's when none. */
  stateAt(docName: string, seq: number): Promise<Uint8Array>;
  /**
   * Checks the hash chain and each row's SHA-256 against its bytes; resolves with the seq of the
   * first bad row, or null when the whole log verifies.
   */
  verifyProvenance(): Promise<number | null>;
  /** Records an alert; resolves with its id. */
  addAlert(alert: NewAlert): Promise<number>;
  /** The alerts of workspace `workspaceId` with id > `afterId`, oldest first (at most 500). */
  alerts(workspaceId: string, afterId: number): Promise<RelayAlert[]>;
}

/** A provenance row as both storages return it (snake_case columns). */
export interface ProvRow {
  seq: number;
  doc_id: string;
  member_id: string;
  created_at: number;
  size: number;
  sha256: string;
  chain: string;
  data: Buffer;
}

/** An alert row as both storages return it. */
export interface AlertRow {
  id: number;
  kind: string;
  doc_id: string;
  member_id: string;
  records: number;
  created_at: number;
}

/** The public shape of a provenance row. */
export function provenanceEntryOf(r: Pick<ProvRow, 'seq' | 'member_id' | 'created_at' | 'size' | 'sha256'>): ProvenanceEntry {
  return { seq: r.seq, memberId: r.member_id, at: r.created_at, size: r.size, sha256: r.sha256 };
}

/** The public shape of a provenance row with its bytes (base64). */
export function provenanceLogEntryOf(r: Pick<ProvRow, 'seq' | 'member_id' | 'created_at' | 'size' | 'sha256' | 'data'>): ProvenanceLogEntry {
  return { ...provenanceEntryOf(r), update: Buffer.from(r.data).toString('base64') };
}

/** The public shape of an alert row. */
export function alertOf(r: AlertRow): RelayAlert {
  return { id: r.id, kind: r.kind, doc: r.doc_id, memberId: r.member_id, records: r.records, at: r.created_at };
}

/** Hex SHA-256 of `data`. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The chain value of a row after `prev` (hex; '' for the first row); shared with the PostgreSQL log. */
export function chainOf(prev: string, seq: number, doc: string, member: string, at: number, sha: string): string {
  return sha256Hex(`${prev}|${seq}|${doc}|${member}|${at}|${sha}`);
}

/** The provenance log on a migrated relay database (synchronous; wrapped by the relay storage). */
export class SqliteProvenance {
  private readonly stmts;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {
    this.stmts = {
      lastChain: db.prepare('SELECT chain FROM relay_provenance ORDER BY seq DESC LIMIT 1').pluck(),
      insert: db.prepare('INSERT INTO relay_provenance (seq, doc_id, member_id, created_at, size, sha256, chain, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      page: db.prepare('SELECT seq, member_id, created_at, size, sha256 FROM relay_provenance WHERE doc_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
      pageWithData: db.prepare('SELECT seq, member_id, created_at, size, sha256, data FROM relay_provenance WHERE doc_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
      upTo: db.prepare('SELECT data FROM relay_provenance WHERE doc_id = ? AND seq <= ? ORDER BY seq').pluck(),
      all: db.prepare('SELECT * FROM relay_provenance ORDER BY seq'),
      addAlert: db.prepare('INSERT INTO relay_alerts (workspace_id, doc_id, member_id, kind, records, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      alerts: db.prepare('SELECT id, kind, doc_id, member_id, records, created_at FROM relay_alerts WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT 500'),
    };
  }

  /** Records the provenance of `entries`, stored with `seqs`; call inside the appending transaction. */
  record(entries: readonly AppendEntry[], seqs: readonly number[]): void {
    let prev = (this.stmts.lastChain.get() as string | undefined) ?? '';
    const at = this.now();
    entries.forEach((e, i) => {
      const seq = seqs[i]!;
      const sha = sha256Hex(e.update);
      prev = chainOf(prev, seq, e.docName, e.memberId, at, sha);
      this.stmts.insert.run(seq, e.docName, e.memberId, at, e.update.byteLength, sha, prev, e.update);
    });
  }

  /** See {@link ProvenanceStore.provenance}. */
  provenance(docName: string, afterSeq: number, limit: number): ProvenanceEntry[] {
    return (this.stmts.page.all(docName, afterSeq, limit) as ProvRow[]).map(provenanceEntryOf);
  }

  /** See {@link ProvenanceStore.provenanceUpdates}. */
  provenanceUpdates(docName: string, afterSeq: number, limit: number): ProvenanceLogEntry[] {
    return (this.stmts.pageWithData.all(docName, afterSeq, limit) as ProvRow[]).map(provenanceLogEntryOf);
  }

  /** See {@link ProvenanceStore.stateAt}. */
  stateAt(docName: string, seq: number): Uint8Array {
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        for (const data of this.stmts.upTo.iterate(docName, seq) as IterableIterator<Buffer>) Y.applyUpdate(doc, data);
      });
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /** See {@link ProvenanceStore.verifyProvenance}. */
  verify(): number | null {
    let prev = '';
    for (const r of this.stmts.all.iterate() as IterableIterator<ProvRow>) {
      if (sha256Hex(r.data) !== r.sha256 || r.size !== r.data.byteLength) return r.seq;
      prev = chainOf(prev, r.seq, r.doc_id, r.member_id, r.created_at, r.sha256);
      if (prev !== r.chain) return r.seq;
    }
    return null;
  }

  /** See {@link ProvenanceStore.addAlert}. */
  addAlert(a: NewAlert): number {
    return Number(this.stmts.addAlert.run(a.workspaceId.toLowerCase(), a.doc, a.memberId, a.kind, a.records, this.now()).lastInsertRowid);
  }

  /** See {@link ProvenanceStore.alerts}. */
  alerts(workspaceId: string, afterId: number): RelayAlert[] {
    return (this.stmts.alerts.all(workspaceId.toLowerCase(), afterId) as AlertRow[]).map(alertOf);
  }
}
