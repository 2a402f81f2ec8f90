/**
 * Facts about database files on disk that need no SQLite driver, so Electron main (which must not
 * load SQLite) and the data service share them: whether a file is a clear SQLite database, and
 * the length of the data key that encrypts the others.
 */
import fs from 'node:fs';

/** Length of a data key, bytes (a raw SQLCipher key: 256 bits). */
export const DATA_KEY_BYTES = 32;

/**
 * True when `file` starts with SQLite's clear-text header ("SQLite format 3\0"); an encrypted
 * file starts with random bytes. False for a missing or shorter file.
 */
export function isClearDatabaseFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString('latin1') === 'SQLite format 3\0';
  } finally {
    fs.closeSync(fd);
  }
}
