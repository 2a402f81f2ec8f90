/**
 * What the relay needs from storage, as one interface so the protocol code never sees the
 * engine: the Yjs update log and snapshots of every doc (the desktop's format, see
 * node/store/doc-store.ts) and the workspaces' public keys. Every method is async so that a
 * networked engine (PostgreSQL) can implement it; the SQLite implementation does its work
 * synchronously and returns settled promises.
 */
import type { CompactResult, DocHead, StoredDoc } from '../../node/store/doc-store';
import type { PublicWorkspaceJwk } from '../../shared/auth/keys';

/** One update to append: the doc's name, the Yjs update (v1) and the member who sent it. */
export interface AppendEntry {
  docName: string;
  update: Uint8Array;
  memberId: string;
}

/** A workspace public key registered with the relay. `addedAt` ms since epoch. */
export interface WorkspaceKeyRecord {
  workspaceId: string;
  kid: string;
  publicJwk: PublicWorkspaceJwk;
  label: string;
  addedAt: number;
}

/** Docs changed since a clock. `clock`: pass it as `since` next time. */
export interface ChangesPage {
  clock: number;
  heads: DocHead[];
}

/** The relay's storage. */
export interface RelayStorage {
  /**
   * Appends `entries` durably, all or none, in order; resolves with their sequence numbers once
   * they survive a crash (and, with SQLite synchronous=FULL, a power cut). The relay sends an
   * update to anyone only after this resolved: that is what "acknowledged" means.
   */
  appendBatch(entries: readonly AppendEntry[]): Promise<number[]>;
  /** The snapshot and later updates of a doc (empty when unknown). */
  read(docName: string): Promise<StoredDoc>;
  /**
   * Merges a doc's update log into its snapshot (see DocStore.compact), from the stored log
   * only: safe at any time, appends issued before it are included, later ones stay in the log.
   */
  compact(docName: string): Promise<CompactResult>;
  /**
   * The current clock and the heads of docs whose name starts with `prefix` (e.g.
   * "<workspaceId>/") changed after `sinceSeq`, oldest change first.
   */
  changedSince(sinceSeq: number, prefix: string): Promise<ChangesPage>;
  /** How many docs have stored state. */
  docCount(): Promise<number>;
  /** The public keys of a workspace (empty when it is not registered), oldest first. */
  workspaceKeys(workspaceId: string): Promise<WorkspaceKeyRecord[]>;
  /** Every registered key, by workspace then age. */
  allWorkspaceKeys(): Promise<WorkspaceKeyRecord[]>;
  /** Registers a public key for a workspace (idempotent: an existing key keeps its label and date). */
  addWorkspaceKey(workspaceId: string, publicJwk: PublicWorkspaceJwk, label?: string): Promise<WorkspaceKeyRecord>;
  /** Removes one key of a workspace; tokens it signed stop working. Resolves false when there was no such key. */
  removeWorkspaceKey(workspaceId: string, kid: string): Promise<boolean>;
  /** Closes the storage. */
  close(): Promise<void>;
}
