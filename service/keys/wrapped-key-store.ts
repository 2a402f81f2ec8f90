/**
 * The desktop's key store: a random 32-byte data key kept in `<dataDir>/keys/data.key.enc`,
 * wrapped by the OS keychain. In production the wrapper is Electron's `safeStorage`
 * (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux), called by Electron main
 * (electron/main/data-key.ts); this module gets the wrap/unwrap pair as functions, so it runs
 * without Electron and its tests pass another real wrapper.
 *
 * File format (JSON, mode 0600): `{ "format": "nest-data-key", "version": 1, "wrapper": "<name>",
 * "wrapped": "<base64 of the wrapper's output>", "createdAt": <epoch ms> }`. The data key itself
 * is never written in clear.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from '../../node/fs/atomic-file';
import { DATA_KEY_BYTES } from '../../node/fs/database-file';
import { NestError } from '../../shared/errors';
import { ensureKeysDir, hasEncryptedWorkspaces, keysDir, type KeyStore } from './key-store';

/** A wrap/unwrap pair bound to this user on this machine (production: Electron's safeStorage). */
export interface KeyWrapper {
  /** A short name recorded in the file (e.g. "electron-safeStorage"). */
  readonly name: string;
  /** Wraps bytes; the output is only unwrappable by the same user on the same machine. */
  wrap(plain: Buffer): Buffer;
  /** Unwraps what {@link wrap} made. @throws Error when it cannot (another user/machine, keychain reset). */
  unwrap(wrapped: Buffer): Buffer;
}

const fileSchema = z
  .object({ format: z.literal('nest-data-key'), version: z.literal(1), wrapper: z.string().min(1), wrapped: z.string().min(1), createdAt: z.number() })
  .strict();

/** The wrapped key file of a data folder. */
export function wrappedKeyFile(dataDir: string): string {
  return path.join(keysDir(dataDir), 'data.key.enc');
}

/** The data key wrapped by the OS keychain. */
export class WrappedKeyStore implements KeyStore {
  private readonly dataDir: string;
  private readonly wrapper: KeyWrapper;

  constructor(dataDir: string, wrapper: KeyWrapper) {
    this.dataDir = dataDir;
    this.wrapper = wrapper;
  }

  /**
   * The data key: unwrapped from the file, or made and wrapped on first launch.
   * @throws NestError('database-corrupt', 'keys.file-damaged') for a file that is not a key file;
   *         NestError('unauthorized', 'keys.unwrap-failed') when the keychain cannot unwrap it;
   *         NestError('not-found', 'keys.missing') when the file is gone but encrypted workspaces
   *         exist (a new key would not open them).
   */
  async load(): Promise<Buffer> {
    const file = wrappedKeyFile(this.dataDir);
    const raw = readKeyFile(file);
    if (raw === null) {
      if (hasEncryptedWorkspaces(this.dataDir)) throw new NestError('not-found', { id: 'keys.missing', values: { dir: this.dataDir, file } });
      const key = randomBytes(DATA_KEY_BYTES);
      this.write(key);
      return key;
    }
    let key: Buffer;
    try {
      key = this.wrapper.unwrap(Buffer.from(raw.wrapped, 'base64'));
    } catch (err) {
      throw new NestError('unauthorized', { id: 'keys.unwrap-failed', values: { file, detail: err instanceof Error ? err.message : String(err) } });
    }
    if (key.length !== DATA_KEY_BYTES) throw new NestError('database-corrupt', { id: 'keys.file-damaged', values: { file, detail: `unwrapped key has ${key.length} bytes` } });
    return key;
  }

  /**
   * Wraps the current data key again with `next` (the keychain changed, or a move to another
   * wrapper), replacing the file atomically: a crash leaves the old or the new file, both valid.
   * @throws as {@link load}.
   */
  async rewrap(next: KeyWrapper): Promise<void> {
    const key = await this.load();
    new WrappedKeyStore(this.dataDir, next).write(key);
  }

  private write(key: Buffer): void {
    ensureKeysDir(this.dataDir);
    const file = wrappedKeyFile(this.dataDir);
    const body = { format: 'nest-data-key', version: 1, wrapper: this.wrapper.name, wrapped: this.wrapper.wrap(key).toString('base64'), createdAt: Date.now() };
    writeFileAtomic(file, JSON.stringify(body, null, 2));
    fs.chmodSync(file, 0o600);
  }
}

function readKeyFile(file: string): z.infer<typeof fileSchema> | null {
  let raw: unknown;
  try {
    raw = readJsonFile(file);
  } catch (err) {
    throw new NestError('database-corrupt', { id: 'keys.file-damaged', values: { file, detail: err instanceof Error ? err.message : String(err) } });
  }
  if (raw === null) return null;
  const r = fileSchema.safeParse(raw);
  if (!r.success) throw new NestError('database-corrupt', { id: 'keys.file-damaged', values: { file, detail: r.error.issues[0]?.message ?? 'not a key file' } });
  return r.data;
}
