/**
 * The desktop's key store (service/keys/wrapped-key-store.ts): the file format, first launch,
 * re-wrapping (keychain rotation) and the error paths. Production wraps with Electron's
 * safeStorage (electron/main/data-key.ts), which cannot run here; the wrapper below is a real
 * AES-256-GCM wrap under a per-"keychain" secret, standing in for the OS keychain only. What is
 * under test is the store. The safeStorage adapter is checked against the same store with a
 * safeStorage-shaped object.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../node/log';
import { openDatabase } from '../../../node/store/sqlite';
import { loadDataKey, safeStorageWrapper } from '../../../electron/main/data-key';
import { WrappedKeyStore, wrappedKeyFile, type KeyWrapper } from '../../../service/keys/wrapped-key-store';
import { tempDir } from '../../helpers/temp-dir';

/** A keychain: AES-256-GCM under its own random secret (iv ‖ tag ‖ ciphertext). */
function keychain(name = 'test-keychain'): KeyWrapper {
  const secret = randomBytes(32);
  return {
    name,
    wrap(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    unwrap(wrapped) {
      const d = createDecipheriv('aes-256-gcm', secret, wrapped.subarray(0, 12));
      d.setAuthTag(wrapped.subarray(12, 28));
      return Buffer.concat([d.update(wrapped.subarray(28)), d.final()]);
    },
  };
}

describe('WrappedKeyStore', () => {
  it('makes a random key at first launch, stores it only wrapped (0600), and returns the same key after', async () => {
    const dataDir = tempDir();
    const chain = keychain();
    const key = await new WrappedKeyStore(dataDir, chain).load();
    expect(key).toHaveLength(32);
    const file = wrappedKeyFile(dataDir);
    expect(file).toBe(path.join(dataDir, 'keys', 'data.key.enc'));
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    }
    const body = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['createdAt', 'format', 'version', 'wrapped', 'wrapper']);
    expect(body).toMatchObject({ format: 'nest-data-key', version: 1, wrapper: 'test-keychain' });
    const raw = fs.readFileSync(file);
    for (const form of [key.toString('hex'), key.toString('base64'), key.toString('base64url')]) expect(raw.includes(form)).toBe(false);
    expect(await new WrappedKeyStore(dataDir, chain).load()).toEqual(key);
  });

  it('refuses a key file another keychain made, a damaged file, and a missing file beside encrypted workspaces', async () => {
    const dataDir = tempDir();
    const key = await new WrappedKeyStore(dataDir, keychain()).load();
    await expect(new WrappedKeyStore(dataDir, keychain()).load()).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('could not be unlocked by the keychain of this computer') });

    const file = wrappedKeyFile(dataDir);
    const good = fs.readFileSync(file);
    fs.writeFileSync(file, '{"format":"nest-data-key","version":1');
    await expect(new WrappedKeyStore(dataDir, keychain()).load()).rejects.toMatchObject({ code: 'database-corrupt', message: expect.stringContaining('is damaged') });
    fs.writeFileSync(file, JSON.stringify({ format: 'something-else', version: 1 }));
    await expect(new WrappedKeyStore(dataDir, keychain()).load()).rejects.toMatchObject({ code: 'database-corrupt' });
    fs.writeFileSync(file, good);

    // A workspace encrypted with the key, then the key file lost: no new key is made over it.
    openDatabase(path.join(dataDir, 'workspaces', 'w1', 'workspace.sqlite'), { key }).exec('CREATE TABLE t (x)');
    fs.rmSync(file);
    await expect(new WrappedKeyStore(dataDir, keychain()).load()).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('its key file is missing') });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('re-wraps the same data key for a new keychain (rotation); the old keychain then fails', async () => {
    const dataDir = tempDir();
    const oldChain = keychain('old');
    const newChain = keychain('new');
    const key = await new WrappedKeyStore(dataDir, oldChain).load();
    await new WrappedKeyStore(dataDir, oldChain).rewrap(newChain);
    expect(JSON.parse(fs.readFileSync(wrappedKeyFile(dataDir), 'utf8'))).toMatchObject({ wrapper: 'new' });
    expect(await new WrappedKeyStore(dataDir, newChain).load()).toEqual(key);
    await expect(new WrappedKeyStore(dataDir, oldChain).load()).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('runs through the safeStorage adapter (base64 strings in and out) and refuses when the OS has no keychain', async () => {
    const dataDir = tempDir();
    const chain = keychain();
    const safeStorage = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => chain.wrap(Buffer.from(s, 'utf8')),
      decryptString: (b: Buffer) => chain.unwrap(b).toString('utf8'),
    };
    const logger = createLogger('test', 'silent');
    const key = await loadDataKey(dataDir, safeStorage, logger);
    expect(await loadDataKey(dataDir, safeStorage, logger)).toEqual(key);
    expect(safeStorageWrapper(safeStorage).name).toBe('electron-safeStorage');
    await expect(loadDataKey(tempDir(), { ...safeStorage, isEncryptionAvailable: () => false }, logger)).rejects.toThrow(/keychain is not available/);
  });
});
