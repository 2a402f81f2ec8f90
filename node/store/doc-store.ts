/**
 * The document store interface: an append-only Yjs update log per doc plus one snapshot per doc,
 * in the AFFiNE nbstore style (one interface per concern, implementations beside it).
 *
 * Implementations: `sqlite-doc-store.ts` (the desktop's workspace database, `synchronous=NORMAL`)
 * and the relay's SQLite storage (`relay/storage/`, `synchronous=FULL`, in-process or in worker
 * threads). A PostgreSQL implementation will come later behind the same interface, so nothing
 * here names an engine: a doc is an opaque byte log addressed by its name.
 *
 * Units: `seq` is a positive integer, global to one store and strictly increasing in append
 * order (it is also the store's clock); times are ms since the Unix epoch; updates are Yjs v1.
 */
import type * as Y from 'yjs';

/** A doc's head: its latest sequence number and how many updates wait to be merged into its snapshot. */
export interface DocHead {
  docName: string;
  /** The seq of the doc's latest update. */
  lastSeq: number;
  /** Stored updates not yet merged into the snapshot. */
  pending: number;
  /** ms since epoch of the latest update. */
  updatedAt: number;
}

/** The stored state of a doc: its snapshot (if any) and the updates after it, oldest first. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  /** The snapshot covers every update with seq <= uptoSeq (0 without snapshot). */
  uptoSeq: number;
  updates: Uint8Array[];
  /** The seq of the last update included (uptoSeq when there are none after the snapshot). */
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

/** One update to append: the doc's name, the Yjs update (v1) and the member who made it ('' when none). */
export interface AppendEntry {
  docName: string;
  update: Uint8Array;
  memberId: string;
}

/** Docs changed since a clock. `clock`: pass it as `since` next time. */
export interface ChangesPage {
  clock: number;
  /** Heads of the changed docs, oldest change first. */
  heads: DocHead[];
}

/** Hints for {@link DocStore.compact}. */
export interface CompactOptions {
  /**
   * The doc as held in memory. A store that can prove this doc holds the snapshot and every
   * pending update may encode it instead of replaying the log (much faster); any other store
   * ignores it. Never required for correctness.
   */
  liveDoc?: Y.Doc;
}

/** Storage of Yjs docs. Every method is async so that a networked engine can implement it. */
export interface DocStore {
  /**
   * Appends one update; resolves with its seq once it is durable: it survives a crash of the
   * process, and with a `synchronous=FULL` store (the relay's) a power cut. Nobody may be shown
   * an update before its append resolved.
   */
  append(docName: string, update: Uint8Array, memberId: string): Promise<number>;
  /**
   * Appends `entries` all or none, in order (one transaction: one fsync for the batch); resolves
   * with their seqs once durable, as {@link append}.
   */
  appendBatch(entries: readonly AppendEntry[]): Promise<number[]>;
  /** Loads a doc's snapshot and the updates after it, read consistently (empty when unknown). */
  read(docName: string): Promise<StoredDoc>;
  /** The Yjs state vector of the stored doc (snapshot + later updates); that of an empty doc when unknown. */
  stateVector(docName: string): Promise<Uint8Array>;
  /**
   * Merges a doc's update log into a snapshot covering every update up to some seq, and deletes
   * exactly those updates, in one transaction. An update appended meanwhile has a higher seq and
   * stays in the log; an update a snapshot does not cover is never deleted. When another
   * compaction of the same doc committed first, this one writes nothing (`raced`).
   */
  compact(docName: string, opts?: CompactOptions): Promise<CompactResult>;
  /** The head of one doc, or null when it has no stored state. */
  head(docName: string): Promise<DocHead | null>;
  /**
   * The current clock and the heads of the docs whose name starts with `prefix` (default: all,
   * e.g. "<workspaceId>/") whose latest update has seq > `sinceSeq` — the relay's `/v1/changes`.
   */
  changedSince(sinceSeq: number, prefix?: string): Promise<ChangesPage>;
  /** Names of the docs with stored state whose name starts with `prefix` (default: all), sorted. */
  listDocs(prefix?: string): Promise<string[]>;
  /** How many docs have stored state. */
  docCount(): Promise<number>;
  /** Closes the store; later calls fail. */
  close(): Promise<void>;
}
