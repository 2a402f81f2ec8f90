/**
 * The document store interface: an append-only Yjs update log per doc plus one snapshot per doc.
 * SQLite is the embedded implementation (`sqlite-doc-store.ts`); the relay can gain a PostgreSQL
 * one without touching protocol code.
 */
import type * as Y from 'yjs';

/** A doc's head: its latest sequence number and how many updates wait to be merged into its snapshot. */
export interface DocHead {
  docName: string;
  lastSeq: number;
  pending: number;
  updatedAt: number;
}

/** The stored state of a doc: its snapshot (if any) and the updates after it, oldest first. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  uptoSeq: number;
  updates: Uint8Array[];
  lastSeq: number;
}

/** What a compaction did. */
export interface CompactResult {
  /** `compacted`: snapshot written; `nothing`: no updates to merge; `raced`: another compaction won, nothing written. */
  outcome: 'compacted' | 'nothing' | 'raced';
  /** Updates merged into the snapshot. */
  merged: number;
  /** The snapshot now covers every update with seq <= uptoSeq. */
  uptoSeq: number;
  /** Size of the new snapshot in bytes. */
  snapshotBytes: number;
}

/** Storage of Yjs docs. All methods are synchronous (better-sqlite3); a PostgreSQL implementation would wrap them in a queue. */
export interface DocStore {
  /**
   * Appends one update durably; returns its sequence number (global, increasing).
   * Once it returns, the update survives a crash of the process (and, with synchronous=FULL, of the OS).
   * Pass `from` when the update was emitted by that live doc (its 'update' event): it lets
   * {@link compact} encode the live doc instead of replaying the log.
   */
  appendUpdate(docName: string, update: Uint8Array, memberId: string, from?: Y.Doc): number;
  /** Reads the snapshot and the later updates of a doc (empty when unknown). */
  read(docName: string): StoredDoc;
  /** Applies the stored state of `docName` to `doc` in one transaction with `origin`; returns the last seq. */
  loadInto(docName: string, doc: Y.Doc, origin?: unknown): number;
  /**
   * Merges the update log of a doc into its snapshot and deletes the merged updates, in one
   * transaction; updates appended meanwhile are kept. `liveDoc` is the doc in memory: when this
   * store can prove it holds the snapshot and every pending update (it was loaded with loadInto or
   * started empty, and every later update was appended with `from = liveDoc`), its state is
   * encoded instead of replaying the log (much faster); otherwise the log is replayed.
   */
  compact(docName: string, liveDoc?: Y.Doc): CompactResult;
  /** The head of one doc, or null when it has no stored state. */
  head(docName: string): DocHead | null;
  /** Heads of all docs whose last change has seq > `sinceSeq`, by seq. */
  changedSince(sinceSeq: number): DocHead[];
  /** The highest seq in the store (0 when empty): the clock to pass to {@link changedSince} next time. */
  clock(): number;
  /** Closes the underlying database. */
  close(): void;
}
