/**
 * The data key for browser mode and the CLIs: from the passphrase (NEST_PASSPHRASE or the
 * terminal). A data folder made by the desktop app is keyed by the OS keychain, which only
 * Electron can reach: such a folder is refused with a clear message instead of asking for a
 * passphrase that does not exist.
 */
import fs from 'node:fs';
import { NestError } from '../../shared/errors';
import { PassphraseKeyStore, passphraseFile } from './passphrase-key-store';
import { passphraseFromEnvironment, type PromptTerminal } from './passphrase-source';
import { wrappedKeyFile } from './wrapped-key-store';

/**
 * Loads the data key of `dataDir` from its passphrase (first launch: sets it).
 * @throws NestError('forbidden', 'keys.desktop-folder') for a folder keyed by the desktop's
 *         keychain; what {@link PassphraseKeyStore.load} throws.
 */
export async function loadPassphraseDataKey(dataDir: string, env: NodeJS.ProcessEnv = process.env, term?: PromptTerminal): Promise<Buffer> {
  if (fs.existsSync(wrappedKeyFile(dataDir)) && !fs.existsSync(passphraseFile(dataDir))) {
    throw new NestError('forbidden', { id: 'keys.desktop-folder', values: { dir: dataDir } });
  }
  return await new PassphraseKeyStore(dataDir, passphraseFromEnvironment(dataDir, env, term)).load();
}
