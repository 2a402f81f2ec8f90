/**
 * The browser-mode access token, kept in the data folder (`browser-mode.token`, readable by the
 * user only) so that a page left open keeps working when the host restarts on the same folder and
 * port. `--new-token` replaces it, which locks out every page opened with the old address.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../../node/fs/atomic-file';

const FILE = 'browser-mode.token';
const VALID = /^[A-Za-z0-9_-]{43}$/;

/** The token for `dataDir`: the stored one, or a fresh one (stored) when absent, invalid or `renew`. */
export function browserToken(dataDir: string, renew = false): string {
  const file = path.join(dataDir, FILE);
  if (!renew) {
    try {
      const t = fs.readFileSync(file, 'utf8').trim();
      if (VALID.test(t)) return t;
    } catch {
      /* none yet */
    }
  }
  const token = randomBytes(32).toString('base64url');
  writeFileAtomic(file, token);
  fs.chmodSync(file, 0o600);
  return token;
}
