/**
 * Crash-safe small-file writes: write to a temporary file, fsync it, rename over the target and
 * fsync the folder, so a crash leaves either the old or the new content, never a torn file.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Writes `content` to `file` atomically and durably. */
export function writeFileAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  try {
    const dfd = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  } catch {
    /* directories cannot be fsynced on Windows; rename is still atomic there */
  }
}

/** Reads and parses a JSON file, or returns null when it does not exist. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
