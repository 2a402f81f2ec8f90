/**
 * The browser-mode access token. By default a fresh random token per launch, never written to
 * disk: a copy of the data folder holds no key to a running host (issue 10). With `keep` (the
 * explicit `--keep-token` option) it is kept in the data folder (`browser-mode.token`, readable
 * by the user only), so a page left open keeps working when the host restarts on the same folder
 * and port; `renew` replaces the kept one, which locks out every page opened with the old address.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../../node/fs/atomic-file';

const FILE = 'browser-mode.token';
const VALID = /^[A-Za-z0-9_-]{43}$/;

/** How {@link browserToken} chooses the token. */
export interface BrowserTokenOptions {
  /** Keep the token in the data folder across launches (default false: a fresh one each launch). */
  keep?: boolean;
  /** With `keep`: replace the kept token. */
  renew?: boolean;
}

/**
 * The token for this launch on `dataDir`: 32 random bytes, base64url (43 characters).
 * Without `keep`, a fresh one, and a token kept by an earlier `--keep-token` launch is deleted
 * (it would otherwise still open pages). With `keep`, the stored one, or a fresh one (stored,
 * mode 0600) when absent, invalid or `renew`.
 * @throws the file system's error when the kept token cannot be written or the old one removed.
 */
export function browserToken(dataDir: string, opts: BrowserTokenOptions = {}): string {
  const file = path.join(dataDir, FILE);
  const fresh = randomBytes(32).toString('base64url');
  if (!opts.keep) {
    fs.rmSync(file, { force: true });
    return fresh;
  }
  if (!opts.renew) {
    try {
      const t = fs.readFileSync(file, 'utf8').trim();
      if (VALID.test(t)) return t;
    } catch {
      /* none yet */
    }
  }
  writeFileAtomic(file, fresh);
  fs.chmodSync(file, 0o600);
  return fresh;
}
