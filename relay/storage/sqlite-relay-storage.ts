/**
 * {@link RelayStorage} on one SQLite file (better-sqlite3) with `synchronous=FULL`, the same
 * migrations as the desktop (`migrations/*.sql`: its projection tables stay empty here): the
 * desktop's doc store (node/store/sqlite-doc-store.ts) for the update log, snapshots and
 * compaction, plus the workspace keys table and the provenance log (relay/storage/provenance.ts),
 * written in the same transaction as the updates it records. A batch of appends is one transaction, so one fsync
 * covers every update of an event-loop turn; with FULL, an append resolves once it survives a
 * power cut.
 *
 * With a key (`--key-file`, relay/key-file.ts) the file is encrypted at rest with SQLCipher, as the
 * desktop's workspaces are (node/store/sqlite.ts); a clear file is first encrypted in place with
 * the desktop's crash-safe migration (node/store/encrypt-in-place.ts). Without a key an encrypted
 * file is refused, never replaced by an empty database.
 */
import { migrate } from '../../node/store/migrations';
import { SqliteDocStore } from '../../node/store/sqlite-doc-store';
import fs from 'node:fs';
import { encryptInPlace } from '../../node/store/encrypt-in-place';
import { isClearDatabaseFile, openDatabase, type Db } from '../../node/store/sqlite';
import { NestError } from '../../shared/errors';
import type { AppendEntry } from '../../node/store/doc-store';
import { keyId, parsePublicJwk, type PublicWorkspaceJwk } from '../../shared/auth/keys';
import type { ProvenanceEntry, ProvenanceLogEntry, RelayAlert } from '../../shared/protocol/relay';
import { SqliteProvenance, type NewAlert } from './provenance';
import { keyRecordOf as toRecord, type KeyRow, type RelayStorage, type WorkspaceKeyRecord } from './relay-storage';

/** The SQLite relay storage. Open it with {@link SqliteRelayStorage.open}. */
export class SqliteRelayStorage extends SqliteDocStore implements RelayStorage {
  /** The database file path. */
  readonly file: string;
  /** True when the file is encrypted at rest (opened with a key). */
  readonly encrypted: boolean;
  private readonly db: Db;
  private readonly now: () => number;
  private readonly stmts;
  private readonly prov: SqliteProvenance;

  private constructor(file: string, db: Db, now: () => number, encrypted: boolean) {
    super(db, { now });
    this.file = file;
    this.encrypted = encrypted;
    this.db = db;
    this.now = now;
    this.prov = new SqliteProvenance(db, now);
    this.stmts = {
      keys: db.prepare('SELECT * FROM relay_workspace_keys WHERE workspace_id = ? ORDER BY added_at, kid'),
      allKeys: db.prepare('SELECT * FROM relay_workspace_keys ORDER BY workspace_id, added_at, kid'),
      key: db.prepare('SELECT * FROM relay_workspace_keys WHERE workspace_id = ? AND kid = ?'),
      addKey: db.prepare('INSERT OR IGNORE INTO relay_workspace_keys (workspace_id, kid, public_jwk, label, added_at) VALUES (?, ?, ?, ?, ?)'),
      removeKey: db.prepare('DELETE FROM relay_workspace_keys WHERE workspace_id = ? AND kid = ?'),
    };
  }

  /**
   * Opens (creating if needed) and migrates the relay database at `file` with synchronous=FULL.
   * With `key` (32 bytes) the file is encrypted: created so, or a clear file encrypted in place first.
   * @throws NestError('database-too-new' | 'migration-failed'); NestError('unauthorized',
   *         'relay.key.wrong-key') when `key` does not open the file, ('relay.key.needs-key') when
   *         the file is encrypted and no key is given; NestError('database-corrupt',
   *         'storage.encrypt-failed') when the in-place encryption failed (the clear file is then
   *         intact); the better-sqlite3 error when the file cannot be opened.
   */
  static open(file: string, opts: { now?: () => number; key?: Uint8Array } = {}): SqliteRelayStorage {
    const db = openRelayDatabase(file, opts.key);
    try {
      migrate(db, undefined, file);
    } catch (err) {
      db.close();
      throw err;
    }
    return new SqliteRelayStorage(file, db, opts.now ?? Date.now, opts.key !== undefined);
  }

  /** Appends one update and its provenance row in one transaction; see {@link appendBatch}. */
  override async append(docName: string, update: Uint8Array, memberId: string): Promise<number> {
    return (await this.appendBatch([{ docName, update, memberId }]))[0]!;
  }

  /** Appends `entries` and their provenance rows all or none, in one transaction (one fsync). */
  override async appendBatch(entries: readonly AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    const run = this.db.transaction(() => {
      const seqs = entries.map((e) => this.log.appendUpdate(e.docName, e.update, e.memberId));
      this.prov.record(entries, seqs);
      return seqs;
    });
    return run();
  }

  /** @inheritdoc */
  async provenance(docName: string, afterSeq: number, limit: number): Promise<ProvenanceEntry[]> {
    return this.prov.provenance(docName, afterSeq, limit);
  }

  /** @inheritdoc */
  async provenanceUpdates(docName: string, afterSeq: number, limit: number): Promise<ProvenanceLogEntry[]> {
    return this.prov.provenanceUpdates(docName, afterSeq, limit);
  }

  /** @inheritdoc */
  async stateAt(docName: string, seq: number): Promise<Uint8Array> {
    return this.prov.stateAt(docName, seq);
  }

  /** @inheritdoc */
  async verifyProvenance(): Promise<number | null> {
    return this.prov.verify();
  }

  /** @inheritdoc */
  async addAlert(alert: NewAlert): Promise<number> {
    return this.prov.addAlert(alert);
  }

  /** @inheritdoc */
  async alerts(workspaceId: string, afterId: number): Promise<RelayAlert[]> {
    return this.prov.alerts(workspaceId, afterId);
  }

  /** @inheritdoc */
  async workspaceKeys(workspaceId: string): Promise<WorkspaceKeyRecord[]> {
    return (this.stmts.keys.all(workspaceId.toLowerCase()) as KeyRow[]).map(toRecord);
  }

  /** @inheritdoc */
  async allWorkspaceKeys(): Promise<WorkspaceKeyRecord[]> {
    return (this.stmts.allKeys.all() as KeyRow[]).map(toRecord);
  }

  /** @inheritdoc */
  async addWorkspaceKey(workspaceId: string, publicJwk: PublicWorkspaceJwk, label = ''): Promise<WorkspaceKeyRecord> {
    const jwk = parsePublicJwk(publicJwk);
    const kid = await keyId(jwk);
    const wid = workspaceId.toLowerCase();
    this.stmts.addKey.run(wid, kid, JSON.stringify(jwk), label, this.now());
    return toRecord(this.stmts.key.get(wid, kid) as KeyRow);
  }

  /** @inheritdoc */
  async removeWorkspaceKey(workspaceId: string, kid: string): Promise<boolean> {
    return this.stmts.removeKey.run(workspaceId.toLowerCase(), kid).changes > 0;
  }

  /**
   * Writes a consistent copy of the database to `file` with SQLite's online backup (safe while
   * the relay runs and writes; copying relay.sqlite alone is not, its WAL holds recent commits).
   * An encrypted database is copied with `VACUUM INTO`, which writes the copy encrypted with the
   * same key (SQLite3 Multiple Ciphers refuses the backup API between an encrypted and a new file).
   * @throws the SQLite error, e.g. when `file`'s folder does not exist.
   */
  async backup(file: string): Promise<void> {
    if (this.encrypted) this.db.prepare('VACUUM INTO ?').run(file);
    else await this.db.backup(file);
  }
}


/**
 * Opens the relay database at `file` (synchronous=FULL), encrypted with `key` when given (after
 * encrypting a clear file in place), refusing an encrypted file without a key.
 * @throws see {@link SqliteRelayStorage.open}.
 */
function openRelayDatabase(file: string, key: Uint8Array | undefined): Db {
  if (!key) {
    // Whole pages without SQLite's clear header are an encrypted database: opening it clear would
    // fail with "file is not a database", which says nothing of the key. (An empty file is a new
    // database; a short one of another size is just not a database, and SQLite says so.)
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (file !== ':memory:' && size >= 512 && size % 512 === 0 && !isClearDatabaseFile(file)) throw new NestError('unauthorized', { id: 'relay.key.needs-key', values: { file } });
    return openDatabase(file, { synchronous: 'FULL' });
  }
  encryptInPlace(file, key);
  try {
    return openDatabase(file, { synchronous: 'FULL', key });
  } catch (err) {
    if (err instanceof NestError && err.code === 'unauthorized') throw new NestError('unauthorized', { id: 'relay.key.wrong-key', values: { file } });
    throw err;
  }
}
