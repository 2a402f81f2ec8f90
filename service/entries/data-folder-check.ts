/**
 * What a command-line tool finds at its data folder, checked before the folder is opened (tester
 * finding G-IMP-4: a folder that did not exist was reported as "encrypted with a passphrase").
 * A missing folder, a file, an empty folder and a folder with no NEST Desk data in it are each
 * named as such, with the path and what to do; only a tool that sets up a machine
 * (`mayCreate`) may start from a missing or empty folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NestError } from '../../shared/errors';

/** What a NEST Desk data folder holds at its top (any one of them marks it as one). */
const NEST_ENTRIES = ['keys', 'workspaces', 'profile.json'];

/**
 * Checks `dataDir` before it is opened.
 * @param mayCreate the command sets up a new workspace, so a missing or empty folder is fine.
 * @throws NestError('not-found', 'import.cli.data-folder-missing' | 'import.cli.data-folder-empty') for a missing or
 *         empty folder when `mayCreate` is false; NestError('validation', 'import.cli.data-folder-is-file') for
 *         a file; NestError('validation', 'import.cli.data-folder-foreign') for a folder with other things and
 *         no NEST Desk data in it.
 */
export function checkDataFolder(dataDir: string, mayCreate: boolean): void {
  const dir = path.resolve(dataDir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    if (mayCreate) return;
    throw new NestError('not-found', { id: 'import.cli.data-folder-missing', values: { dir } });
  }
  if (!stat.isDirectory()) throw new NestError('validation', { id: 'import.cli.data-folder-is-file', values: { dir } });
  const entries = fs.readdirSync(dir).filter((n) => n !== '.lock');
  if (!entries.length) {
    if (mayCreate) return;
    throw new NestError('not-found', { id: 'import.cli.data-folder-empty', values: { dir } });
  }
  if (!entries.some((n) => NEST_ENTRIES.includes(n))) throw new NestError('validation', { id: 'import.cli.data-folder-foreign', values: { dir, count: entries.length } });
}
