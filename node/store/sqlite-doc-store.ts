/**
 * {@link DocStore} on SQLite (better-sqlite3), over the synchronous {@link SqliteDocLog}.
 *
 * better-sqlite3 is synchronous: every method here does its work before it returns, and the
 * returned promise is already settled (or rejected with the SQLite error). Callers may rely on
 * the interface only; the desktop's DocHost additionally uses {@link log} directly where it must
 * stay synchronous (docs/architecture.md, "Storage").
 */
import type * as Y from 'yjs';
import type { AppendEntry, ChangesPage, CompactOptions, CompactResult, DocHead, DocStore, StoredDoc } from './doc-store';
import { SqliteDocLog } from './sqlite-doc-log';
import type { Db } from './sqlite';

/** The SQLite doc store on a migrated database. The caller owns migrations; `close()` closes the db. */
export class SqliteDocStore implements DocStore {
  /** The synchronous engine (same database), for callers that cannot await. */
  readonly log: SqliteDocLog;

  /** Wraps a migrated database, or an existing log (to share its live-doc proofs). */
  constructor(dbOrLog: Db | SqliteDocLog, opts: { now?: () => number } = {}) {
    this.log = dbOrLog instanceof SqliteDocLog ? dbOrLog : new SqliteDocLog(dbOrLog, opts);
  }

  /** @inheritdoc */
  async append(docName: string, update: Uint8Array, memberId: string): Promise<number> {
    return this.log.appendUpdate(docName, update, memberId);
  }

  /**
   * Appends an update emitted by `from`, a doc this process holds (see
   * {@link SqliteDocLog.appendUpdate}); otherwise as {@link append}.
   */
  async appendFrom(docName: string, update: Uint8Array, memberId: string, from: Y.Doc): Promise<number> {
    return this.log.appendUpdate(docName, update, memberId, from);
  }

  /** @inheritdoc */
  async appendBatch(entries: readonly AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    const run = this.log.db.transaction(() => entries.map((e) => this.log.appendUpdate(e.docName, e.update, e.memberId)));
    return run();
  }

  /** @inheritdoc */
  async read(docName: string): Promise<StoredDoc> {
    return this.log.read(docName);
  }

  /** @inheritdoc */
  async stateVector(docName: string): Promise<Uint8Array> {
    return this.log.stateVector(docName);
  }

  /** @inheritdoc */
  async compact(docName: string, opts: CompactOptions = {}): Promise<CompactResult> {
    return this.log.compact(docName, opts.liveDoc);
  }

  /** @inheritdoc */
  async head(docName: string): Promise<DocHead | null> {
    return this.log.head(docName);
  }

  /** @inheritdoc */
  async changedSince(sinceSeq: number, prefix = ''): Promise<ChangesPage> {
    return this.log.changes(sinceSeq, prefix);
  }

  /** @inheritdoc */
  async listDocs(prefix = ''): Promise<string[]> {
    return this.log.listDocs(prefix);
  }

  /** @inheritdoc */
  async docCount(): Promise<number> {
    return this.log.docCount();
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    this.log.close();
  }
}
