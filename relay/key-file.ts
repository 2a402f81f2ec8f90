/**
 * The relay's storage key file (`--key-file` / NEST_RELAY_KEY_FILE, docs/relay.md "Files at
 * rest"): 32 random bytes written as 64 hex digits (what `keygen` writes) or as base64, one line.
 * The key encrypts relay.sqlite with SQLCipher (node/store/sqlite.ts). A key file that its
 * group or others may read is refused: the key is worth exactly as much as the file's secrecy,
 * and a world-readable key on the relay's own disk protects nothing.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATA_KEY_BYTES } from '../node/store/sqlite';
import { NestError } from '../shared/errors';
import { fsReason } from './data-dir';

/** Mode bits a key file must not have: any access for group or others. */
const OPEN_BITS = 0o077;

/**
 * Decodes a key file's text: 64 hex digits, or base64 of 32 bytes (surrounding white space ignored).
 * @returns the key, or null when the text is neither.
 */
export function decodeKey(text: string): Buffer | null {
  const s = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(s) || /^[A-Za-z0-9_-]{43}=?$/.test(s)) {
    const key = Buffer.from(s, s.includes('-') || s.includes('_') ? 'base64url' : 'base64');
    if (key.length === DATA_KEY_BYTES) return key;
  }
  return null;
}

/**
 * Reads the relay's storage key from `file`.
 * @throws NestError('invalid-params') naming the file and the fix: 'relay.key.cannot-read' (missing
 *         or unreadable), 'relay.key.too-open' (readable by group or others, on systems with Unix
 *         modes), 'relay.key.bad-format' (not 32 bytes in hex or base64).
 */
export function readKeyFile(file: string): Buffer {
  let stat: fs.Stats;
  let text: string;
  try {
    stat = fs.statSync(file);
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new NestError('invalid-params', { id: 'relay.key.cannot-read', values: { file, reason: fsReason(err) } });
  }
  // Windows has no group/other bits to check: there the folder's ACL is the operator's business.
  if (process.platform !== 'win32' && (stat.mode & OPEN_BITS) !== 0) {
    throw new NestError('invalid-params', { id: 'relay.key.too-open', values: { file, mode: (stat.mode & 0o777).toString(8).padStart(3, '0') } });
  }
  const key = decodeKey(text);
  if (!key) throw new NestError('invalid-params', { id: 'relay.key.bad-format', values: { file } });
  return key;
}

/**
 * Writes a fresh random key to `file` as 64 hex digits, mode 0600, never over an existing file
 * (a lost key is a lost relay database). Creates the folder (0700) if missing.
 * @throws NestError('invalid-params', 'relay.key.cannot-write') naming the file and why.
 */
export function writeKeyFile(file: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, `${randomBytes(DATA_KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    const exists = (err as { code?: unknown }).code === 'EEXIST';
    throw new NestError('invalid-params', { id: 'relay.key.cannot-write', values: { file, reason: fsReason(err), exists } });
  }
}
