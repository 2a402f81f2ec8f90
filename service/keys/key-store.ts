/**
 * Where the data folder's key comes from. Every workspace database of a data folder is encrypted
 * with one random 32-byte **data key** (node/store/sqlite.ts opens them with it). A KeyStore
 * produces that key at start, before any database is touched; two real implementations:
 * - {@link WrappedKeyStore} (desktop): the key is random and kept in `keys/data.key.enc`, wrapped
 *   by the OS keychain through Electron's `safeStorage` (Electron main unwraps it and hands it to
 *   the data service process; electron/main/data-key.ts);
 * - {@link PassphraseKeyStore} (browser mode, CLIs): the key is derived from a passphrase with
 *   scrypt; `keys/passphrase.json` holds the salt, parameters and a verifier.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isClearDatabaseFile } from '../../node/fs/database-file';

/** The source of a data folder's 32-byte data key. */
export interface KeyStore {
  /**
   * The data key (32 bytes), made on first use. Touches no database.
   * @throws NestError with a catalogue message (wrong passphrase, damaged or missing key file, …).
   */
  load(): Promise<Buffer>;
}

/** The folder of key files in a data folder (`<dataDir>/keys`, mode 0700). */
export function keysDir(dataDir: string): string {
  return path.join(dataDir, 'keys');
}

/** Creates the keys folder readable by this user only. */
export function ensureKeysDir(dataDir: string): string {
  const dir = keysDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return dir;
}

/**
 * True when the data folder holds at least one workspace database that is encrypted (so a newly
 * made key could not open it: a missing key file must stop the start, not be replaced).
 */
export function hasEncryptedWorkspaces(dataDir: string): boolean {
  const dir = path.join(dataDir, 'workspaces');
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
    const file = path.join(dir, e.name, 'workspace.sqlite');
    return e.isDirectory() && fs.existsSync(file) && fs.statSync(file).size > 0 && !isClearDatabaseFile(file);
  });
}
