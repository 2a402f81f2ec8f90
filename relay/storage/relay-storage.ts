/**
 * What the relay needs from storage, one interface per concern so the protocol code never sees
 * the engine: the docs (the shared async {@link DocStore} of node/store/doc-store.ts, the
 * desktop's format) and the workspaces' public keys ({@link WorkspaceKeyStore}). Every method is
 * async so that a networked engine (PostgreSQL) can implement them.
 */
import type { DocStore } from '../../node/store/doc-store';
import { parsePublicJwk, type PublicWorkspaceJwk } from '../../shared/auth/keys';
import type { ProvenanceStore } from './provenance';

export type { AppendEntry, ChangesPage } from '../../node/store/doc-store';
export type { NewAlert, ProvenanceStore } from './provenance';

/** A workspace public key registered with the relay. `addedAt` ms since epoch. */
export interface WorkspaceKeyRecord {
  workspaceId: string;
  kid: string;
  publicJwk: PublicWorkspaceJwk;
  label: string;
  addedAt: number;
}

/** The workspaces' public keys, by which the relay checks member tokens. */
export interface WorkspaceKeyStore {
  /** The public keys of a workspace (empty when it is not registered), oldest first. */
  workspaceKeys(workspaceId: string): Promise<WorkspaceKeyRecord[]>;
  /** Every registered key, by workspace then age. */
  allWorkspaceKeys(): Promise<WorkspaceKeyRecord[]>;
  /**
   * Registers a public key for a workspace (idempotent: an existing key keeps its label and date).
   * @throws Error when `publicJwk` is not a public workspace key.
   */
  addWorkspaceKey(workspaceId: string, publicJwk: PublicWorkspaceJwk, label?: string): Promise<WorkspaceKeyRecord>;
  /** Removes one key of a workspace; tokens it signed stop working. Resolves false when there was no such key. */
  removeWorkspaceKey(workspaceId: string, kid: string): Promise<boolean>;
}

/**
 * The relay's storage: docs, keys and the provenance log (every append also records who, when,
 * size and hash in the same transaction; see relay/storage/provenance.ts). Transitional name (it was an interface of its own with the
 * doc methods copied from the desktop's store); new code names the concern it needs, `DocStore`
 * or `WorkspaceKeyStore`. An append resolves only once durable (SQLite `synchronous=FULL`).
 */
export type RelayStorage = DocStore & WorkspaceKeyStore & ProvenanceStore & StorageAtRest;

/** Whether a storage encrypts its files (reported by `/health`, never the key). */
export interface StorageAtRest {
  /** True: SQLite encrypted with the relay's key file. Absent: clear SQLite, or PostgreSQL (whose disk is the database's business). */
  readonly encrypted?: boolean;
}

/** A registered key as both storages return it (snake_case columns; `added_at` ms since epoch). */
export interface KeyRow {
  workspace_id: string;
  kid: string;
  public_jwk: string;
  label: string;
  added_at: number;
}

/**
 * The record of a stored key row.
 * @throws NestError('invalid-params') when the stored JWK is not a public Ed25519 key.
 */
export function keyRecordOf(r: KeyRow): WorkspaceKeyRecord {
  return { workspaceId: r.workspace_id, kid: r.kid, publicJwk: parsePublicJwk(r.public_jwk), label: r.label, addedAt: r.added_at };
}
