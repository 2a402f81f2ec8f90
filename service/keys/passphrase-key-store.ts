/**
 * Browser mode's and the CLIs' key store: the data key derived from a passphrase with scrypt
 * (node:crypto; N = 2^17, r = 8, p = 1 by default: ~128 MiB and a fraction of a second per try).
 * `<dataDir>/keys/passphrase.json` (mode 0600) holds what is needed to derive it again and to
 * refuse a wrong passphrase before any database is touched:
 * `{ "format": "nest-passphrase", "version": 1, "kdf": "scrypt", "N", "r", "p", "salt": <16 bytes base64>,
 * "verifier": <32 bytes base64> }`. scrypt yields 64 bytes: the first 32 are the data key, the
 * SHA-256 of the last 32 is the verifier, so the file reveals nothing about the key itself.
 * A forgotten passphrase cannot be recovered: the data is lost with it.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from '../../node/fs/atomic-file';
import { DATA_KEY_BYTES } from '../../node/fs/database-file';
import { NestError } from '../../shared/errors';
import { ensureKeysDir, hasEncryptedWorkspaces, keysDir, type KeyStore } from './key-store';

/** scrypt cost parameters (N a power of two). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The default, recorded in the file at first launch: N = 2^17, r = 8, p = 1. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** The shortest passphrase accepted when one is set, characters. */
export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * Asks for the passphrase: `existing` to open the folder, `new` at first launch (the source asks
 * twice and compares). See passphrase-source.ts.
 */
export type PassphraseSource = (mode: 'existing' | 'new') => Promise<string>;

const SALT_BYTES = 16;

const fileSchema = z
  .object({
    format: z.literal('nest-passphrase'),
    version: z.literal(1),
    kdf: z.literal('scrypt'),
    N: z.number().int().min(2 ** 10).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().min(1),
    verifier: z.string().min(1),
  })
  .strict();

/** The passphrase file of a data folder. */
export function passphraseFile(dataDir: string): string {
  return path.join(keysDir(dataDir), 'passphrase.json');
}

/** scrypt(passphrase, salt) → { key: the data key, verifier }. */
async function derive(passphrase: string, salt: Buffer, p: ScryptParams): Promise<{ key: Buffer; verifier: Buffer }> {
  const out = await new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 2 * DATA_KEY_BYTES, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 }, (err, buf) => (err ? reject(err) : resolve(buf))),
  );
  return { key: out.subarray(0, DATA_KEY_BYTES), verifier: createHash('sha256').update(out.subarray(DATA_KEY_BYTES)).digest() };
}

/** The data key derived from a passphrase. */
export class PassphraseKeyStore implements KeyStore {
  private readonly dataDir: string;
  private readonly ask: PassphraseSource;
  private readonly params: ScryptParams;

  /** @param params scrypt cost for a new passphrase file (default {@link DEFAULT_SCRYPT}); an existing file's own are used. */
  constructor(dataDir: string, ask: PassphraseSource, params: ScryptParams = DEFAULT_SCRYPT) {
    this.dataDir = dataDir;
    this.ask = ask;
    this.params = params;
  }

  /**
   * The data key. At first launch (no passphrase file) asks for a new passphrase and writes the file.
   * @throws NestError('unauthorized', 'keys.wrong-passphrase') for a wrong passphrase (nothing touched);
   *         NestError('validation', 'keys.passphrase-too-short') for a new passphrase under 8 characters;
   *         NestError('database-corrupt', 'keys.file-damaged'); NestError('not-found', 'keys.missing')
   *         when the file is gone but encrypted workspaces exist; what the source throws.
   */
  async load(): Promise<Buffer> {
    const file = passphraseFile(this.dataDir);
    const stored = readPassphraseFile(file);
    if (stored === null) return await this.create(file);
    const passphrase = await this.ask('existing');
    const { key, verifier } = await derive(passphrase, Buffer.from(stored.salt, 'base64'), stored);
    const expected = Buffer.from(stored.verifier, 'base64');
    if (expected.length !== verifier.length || !timingSafeEqual(expected, verifier)) {
      throw new NestError('unauthorized', { id: 'keys.wrong-passphrase', values: { dir: this.dataDir } });
    }
    return key;
  }

  private async create(file: string): Promise<Buffer> {
    if (hasEncryptedWorkspaces(this.dataDir)) throw new NestError('not-found', { id: 'keys.missing', values: { dir: this.dataDir, file } });
    const passphrase = await this.ask('new');
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new NestError('validation', { id: 'keys.passphrase-too-short', values: { min: MIN_PASSPHRASE_LENGTH } });
    const salt = randomBytes(SALT_BYTES);
    const { key, verifier } = await derive(passphrase, salt, this.params);
    ensureKeysDir(this.dataDir);
    const body = { format: 'nest-passphrase', version: 1, kdf: 'scrypt', ...this.params, salt: salt.toString('base64'), verifier: verifier.toString('base64') };
    writeFileAtomic(file, JSON.stringify(body, null, 2));
    fs.chmodSync(file, 0o600);
    return key;
  }
}

function readPassphraseFile(file: string): z.infer<typeof fileSchema> | null {
  let raw: unknown;
  try {
    raw = readJsonFile(file);
  } catch (err) {
    throw new NestError('database-corrupt', { id: 'keys.file-damaged', values: { file, detail: err instanceof Error ? err.message : String(err) } });
  }
  if (raw === null) return null;
  const r = fileSchema.safeParse(raw);
  if (!r.success || Buffer.from(r.data.salt, 'base64').length !== SALT_BYTES) {
    throw new NestError('database-corrupt', { id: 'keys.file-damaged', values: { file, detail: r.success ? 'salt is not 16 bytes' : (r.error.issues[0]?.message ?? 'not a passphrase file') } });
  }
  return r.data;
}
