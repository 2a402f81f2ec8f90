/**
 * The relay's data folder as the CLI meets it: checked before the database is opened, so that an
 * operator's mistake (a typo in --data-dir, a file where a folder should be, a folder the relay's
 * user may not write) is one sentence naming the path and the fix, never a stack trace, and a
 * command that only reads or copies (list-workspaces, remove-key, backup) never creates an empty
 * database in a mistyped folder and reports success on it.
 *
 * The folder holds every workspace's case docs: it is made 0700 and its database files 0600
 * (readable by the relay's user only), including a folder or files an older relay created
 * 0755/0644. The CLI also sets the umask to 077, so the files SQLite creates later (-wal, -shm,
 * backups) are 0600 from the start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NestError } from '../shared/errors';

/** The relay database file inside a data folder. */
export function relayDbFile(dataDir: string): string {
  return path.join(dataDir, 'relay.sqlite');
}

/**
 * Checks `dataDir` and returns the path of its `relay.sqlite`.
 * - `create` (serve, add-workspace): the folder is created if missing and must be writable.
 * - `existing` (list-workspaces, remove-key, backup): `relay.sqlite` must already be there.
 * @throws NestError naming the path, what is wrong and what to do.
 */
export function prepareDataDir(dataDir: string, mode: 'create' | 'existing'): string {
  const file = relayDbFile(dataDir);
  const stat = statOrNull(dataDir);
  if (stat && !stat.isDirectory()) throw new NestError('invalid-params', { id: 'relay.data-dir.is-file', values: { dir: dataDir } });
  if (mode === 'existing') {
    if (!stat) throw new NestError('not-found', { id: 'relay.data-dir.missing', values: { dir: dataDir } });
    if (!statOrNull(file)) throw new NestError('not-found', { id: 'relay.data-dir.no-database', values: { dir: dataDir } });
  } else if (!stat) {
    try {
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new NestError('invalid-params', { id: 'relay.data-dir.cannot-create', values: { dir: dataDir, reason: fsReason(err) } });
    }
  }
  try {
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    if (statOrNull(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (err) {
    throw new NestError('invalid-params', { id: 'relay.data-dir.not-writable', values: { dir: dataDir, reason: fsReason(err) } });
  }
  restrictModes(dataDir);
  return file;
}

/** Mode of the relay's data folder: owner only. */
export const DATA_DIR_MODE = 0o700;
/** Mode of its database files: owner read/write only. */
export const DATA_FILE_MODE = 0o600;

/**
 * Makes `dataDir` {@link DATA_DIR_MODE} and its `relay.sqlite*` files {@link DATA_FILE_MODE}.
 * On a file system without Unix modes (chmod is refused) it leaves them: the folder is checked
 * readable and writable already.
 */
export function restrictModes(dataDir: string): void {
  try {
    fs.chmodSync(dataDir, DATA_DIR_MODE);
    for (const name of fs.readdirSync(dataDir)) {
      if (name.startsWith(path.basename(relayDbFile(dataDir)))) fs.chmodSync(path.join(dataDir, name), DATA_FILE_MODE);
    }
  } catch {
    /* not ours to change (e.g. a mounted volume without modes): the access check above passed */
  }
}

/**
 * An error thrown while opening the database at `file`, as one sentence naming the file.
 * NestErrors (e.g. 'database-too-new') keep their code.
 */
export function openError(file: string, err: unknown): NestError {
  const reason = err instanceof Error ? err.message : String(err);
  const code = err instanceof NestError ? err.code : 'database-corrupt';
  return new NestError(code, { id: 'relay.data-dir.cannot-open', values: { file, reason } });
}

/** `ENOENT`-style code and text of a file-system error, for a message. */
export function fsReason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EEXIST') return 'it exists already';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EROFS') return 'read-only file system';
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}
