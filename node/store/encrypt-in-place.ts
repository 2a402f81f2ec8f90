/**
 * Encrypts an existing clear database in place, crash-safely: a desktop workspace
 * (service/workspace/workspace-store.ts) or the relay's storage (relay/storage/sqlite-relay-storage.ts).
 * The clear original is never modified until a complete, verified, fsynced encrypted copy replaces it in one rename:
 * 1. `copied`: the original's WAL is checkpointed into it, then `VACUUM INTO` writes a clear copy
 *    `<file>.encrypting` (the original closes cleanly, which removes its empty WAL);
 * 2. `encrypted`: the copy is encrypted with `PRAGMA rekey` (journal mode DELETE);
 * 3. `verified`: the copy opens with the key and its integrity check passes;
 * 4. `synced`: the copy is fsynced;
 * 5. `leftovers-removed`: the original's `-wal`/`-shm` are removed (their content is in the
 *    original and the copy since step 1; a stale clear WAL next to the encrypted file would be
 *    replayed into it);
 * 6. `renamed`: the copy is renamed over the original and the folder fsynced.
 * A crash before 6 leaves the clear original (and a partial copy, removed at the next attempt);
 * after 6, the complete encrypted file. Never neither. The freed disk blocks of the old clear
 * file are not overwritten (docs/desktop.md: full-disk encryption covers that).
 */
import fs from 'node:fs';
import path from 'node:path';
import { encryptDatabaseFile, isClearDatabaseFile, openDatabase } from './sqlite';
import { NestError } from '../../shared/errors';

/** The steps of {@link encryptInPlace}, in order; a hook may throw after any of them (tests "crash" there). */
export const ENCRYPT_STEPS = ['copied', 'encrypted', 'verified', 'synced', 'leftovers-removed', 'renamed'] as const;

/** One step of {@link encryptInPlace}. */
export type EncryptStep = (typeof ENCRYPT_STEPS)[number];

/** Options of {@link encryptInPlace}. */
export interface EncryptInPlaceOptions {
  /** Called after each step; throwing stops the migration there, as a crash would. */
  afterStep?: (step: EncryptStep) => void;
}

/** The temporary copy's path. */
export function encryptingCopyOf(file: string): string {
  return `${file}.encrypting`;
}

function removeIfPresent(file: string): void {
  fs.rmSync(file, { force: true });
}

function fsyncPath(p: string): void {
  try {
    const fd = fs.openSync(p, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    // Folders cannot be opened for fsync on Windows; rename is atomic there anyway.
    if (fs.statSync(p).isFile()) throw err;
  }
}

/**
 * Encrypts the clear database `file` with `key` (see the module comment). Does nothing when the
 * file is missing or already encrypted (then only a stale copy from an interrupted run is removed).
 * @returns true when it encrypted the file.
 * @throws NestError('database-corrupt', 'storage.encrypt-failed') naming the step that failed (the
 *         clear original is then intact); whatever `afterStep` throws.
 */
export function encryptInPlace(file: string, key: Uint8Array, opts: EncryptInPlaceOptions = {}): boolean {
  const copy = encryptingCopyOf(file);
  for (const f of [copy, `${copy}-journal`, `${copy}-wal`, `${copy}-shm`]) removeIfPresent(f);
  if (!isClearDatabaseFile(file)) return false;
  const after = opts.afterStep ?? (() => {});
  const run = (step: EncryptStep, work: () => void): void => {
    try {
      work();
    } catch (err) {
      throw new NestError('database-corrupt', { id: 'storage.encrypt-failed', values: { file, step, reason: err instanceof Error ? err.message : String(err) } });
    }
    after(step);
  };
  run('copied', () => {
    const clear = openDatabase(file, { synchronous: 'FULL' });
    try {
      clear.pragma('wal_checkpoint(TRUNCATE)');
      clear.prepare('VACUUM INTO ?').run(copy);
    } finally {
      clear.close();
    }
  });
  run('encrypted', () => encryptDatabaseFile(copy, key));
  run('verified', () => {
    const check = openDatabase(copy, { key, readonly: true });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error(`integrity check: ${String(result)}`);
    } finally {
      check.close();
    }
    if (isClearDatabaseFile(copy)) throw new Error('the copy is still clear text');
  });
  run('synced', () => fsyncPath(copy));
  run('leftovers-removed', () => {
    removeIfPresent(`${file}-wal`);
    removeIfPresent(`${file}-shm`);
    removeIfPresent(`${copy}-journal`);
  });
  run('renamed', () => {
    fs.renameSync(copy, file);
    fsyncPath(path.dirname(file));
  });
  return true;
}
