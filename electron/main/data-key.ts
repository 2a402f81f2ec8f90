/**
 * The desktop's data key, unwrapped in Electron main: the data service runs in a utilityProcess,
 * which cannot call `safeStorage`, so main reads `keys/data.key.enc` through the OS keychain
 * (service/keys/wrapped-key-store.ts) and posts the 32-byte key to the service process as its
 * first message, `{ type: 'unlock', key: Uint8Array }` (validated there: utility-entry.ts).
 * A thin adapter: safeStorage is passed in, so nothing here needs Electron to load.
 */
import type { Logger } from '../../node/log';
import { WrappedKeyStore, type KeyWrapper } from '../../service/keys/wrapped-key-store';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(wrapped: Buffer): string;
  /** Linux only: "basic_text" means no keyring was found (the key would be wrapped with a fixed password). */
  getSelectedStorageBackend?(): string;
}

/** Electron's safeStorage as a {@link KeyWrapper} (the key travels as base64 text, as safeStorage takes strings). */
export function safeStorageWrapper(safeStorage: SafeStorageLike): KeyWrapper {
  return {
    name: 'electron-safeStorage',
    wrap: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}

/**
 * Loads (at first launch: makes) the data key of `dataDir` through safeStorage. Call after `app`
 * is ready. A Linux session without a keyring is logged: safeStorage then protects the key with a
 * fixed password only (docs/desktop.md).
 * @throws Error when the OS offers no encryption; NestError as WrappedKeyStore.load.
 */
export async function loadDataKey(dataDir: string, safeStorage: SafeStorageLike, logger: Logger): Promise<Buffer> {
  if (!safeStorage.isEncryptionAvailable()) throw new Error('the OS keychain is not available (safeStorage), so the data key cannot be protected');
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (backend === 'basic_text') logger.warn({ backend }, 'no OS keyring found: the data key is protected by a fixed password only');
  return await new WrappedKeyStore(dataDir, safeStorageWrapper(safeStorage)).load();
}

/** The message that hands the key to the data service process (its first message). */
export function unlockMessage(key: Uint8Array): { type: 'unlock'; key: Uint8Array } {
  return { type: 'unlock', key: new Uint8Array(key) };
}
