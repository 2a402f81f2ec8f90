/**
 * Opens a SQLite database with the settings every NEST database uses: WAL journal, foreign keys
 * on, a busy timeout so concurrent writers wait instead of failing, and the chosen `synchronous`
 * level: FULL for the workspace and relay databases, where a write the UI reports as saved or
 * the relay acknowledged must survive a power cut; NORMAL (the default) for scratch databases.
 *
 * With a `key` the database is encrypted at rest: it is opened through
 * better-sqlite3-multiple-ciphers (the same API as better-sqlite3, SQLite3 Multiple Ciphers
 * inside) with the SQLCipher scheme and the 32-byte key given raw, so no passphrase KDF runs per
 * open and every page, the WAL and the journal are encrypted. Without a key, plain better-sqlite3
 * (the relay, scratch databases).
 */
import Database from 'better-sqlite3';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { NestError } from '../../shared/errors';
import { DATA_KEY_BYTES, isClearDatabaseFile } from '../fs/database-file';

export { DATA_KEY_BYTES, isClearDatabaseFile };

/** A better-sqlite3 database handle (both drivers share the API). */
export type Db = Database.Database;

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /** `NORMAL` (default) or `FULL`. */
  synchronous?: 'NORMAL' | 'FULL';
  /** Path of a better_sqlite3.node built for the running runtime (Electron); default: the package's own. */
  nativeBinding?: string;
  /** Open read-only (the file must exist). */
  readonly?: boolean;
  /** ms a writer waits for a lock before SQLITE_BUSY (default 5000). */
  busyTimeoutMs?: number;
  /** The 32-byte data key: the file is encrypted with it (SQLCipher scheme). Absent: a clear database. */
  key?: Uint8Array;
  /** Journal mode (default WAL; the encryption of a clear file uses DELETE on its copy). */
  journalMode?: 'WAL' | 'DELETE';
}

/** The `PRAGMA key`/`rekey` argument for a raw key: `"x'<64 hex>'"`. Never log it. */
export function rawKeyPragma(key: Uint8Array): string {
  if (key.length !== DATA_KEY_BYTES) throw new NestError('internal', { id: 'storage.key-length', values: { bytes: key.length } });
  return `"x'${Buffer.from(key).toString('hex')}'"`;
}

/** Selects the SQLCipher scheme and gives the raw key; must come before any other statement. */
export function applyKey(db: Db, key: Uint8Array, verb: 'key' | 'rekey' = 'key'): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma(`${verb} = ${rawKeyPragma(key)}`);
}

/**
 * Opens (creating the folder if needed) the database at `file`, or an in-memory one for ":memory:".
 * @throws NestError('unauthorized', 'storage.wrong-key') when a key is given and the file cannot
 *         be opened with it (a wrong key, or a clear file: see node/store/encrypt-in-place.ts);
 *         the better-sqlite3 error when the file cannot be opened or is not a database.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const options = { readonly: opts.readonly ?? false, timeout: opts.busyTimeoutMs ?? 5000 };
  let db: Db;
  if (opts.key) {
    const nativeBinding = opts.nativeBinding ?? process.env.NEST_SQLCIPHER_BINDING;
    db = new CipherDatabase(file, { ...options, ...(nativeBinding ? { nativeBinding } : {}) }) as unknown as Db;
    try {
      applyKey(db, opts.key);
      // The key is only checked when the first page is read: read it now, before anything else.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      db.close();
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_NOTADB')) throw new NestError('unauthorized', { id: 'storage.wrong-key', values: { file } });
      throw err;
    }
  } else {
    const nativeBinding = opts.nativeBinding ?? process.env.NEST_SQLITE_BINDING;
    db = new Database(file, { ...options, ...(nativeBinding ? { nativeBinding } : {}) });
  }
  if (!opts.readonly) db.pragma(`journal_mode = ${opts.journalMode ?? 'WAL'}`);
  db.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Encrypts a clear database file in place with `PRAGMA rekey` (SQLCipher scheme, raw key). The
 * rekey rewrites every page in one transaction but is not meant for a live database: call it only
 * on a private copy (node/store/encrypt-in-place.ts makes one and swaps it in atomically). The
 * copy is switched to journal mode DELETE first (a rekey cannot run in WAL mode).
 * @throws the SQLite error when the file is not a clear database.
 */
export function encryptDatabaseFile(file: string, key: Uint8Array, nativeBinding = process.env.NEST_SQLCIPHER_BINDING): void {
  const db = new CipherDatabase(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) }) as unknown as Db;
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    applyKey(db, key, 'rekey');
  } finally {
    db.close();
  }
}

/**
 * Loads both SQLite drivers (clear and encrypting) once, so a missing or wrong-ABI binary is
 * reported at start rather than at the first workspace.
 * @throws the loader's error.
 */
export function checkSqliteDrivers(): void {
  openDatabase(':memory:').close();
  const nativeBinding = process.env.NEST_SQLCIPHER_BINDING;
  new CipherDatabase(':memory:', nativeBinding ? { nativeBinding } : {}).close();
}
