/**
 * Opens a SQLite database with the settings every NEST database uses: WAL journal, foreign keys
 * on, a busy timeout so concurrent writers wait instead of failing, and the chosen `synchronous`
 * level: FULL for the workspace and relay databases, where a write the UI reports as saved or
 * the relay acknowledged must survive a power cut; NORMAL (the default) for scratch databases.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/** A better-sqlite3 database handle. */
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
}

/**
 * Opens (creating the folder if needed) the database at `file`, or an in-memory one for ":memory:".
 * @throws the better-sqlite3 error when the file cannot be opened or is not a database.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const nativeBinding = opts.nativeBinding ?? process.env.NEST_SQLITE_BINDING;
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    timeout: opts.busyTimeoutMs ?? 5000,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  return db;
}
