/**
 * Where browser mode and the CLIs get the passphrase: the `NEST_PASSPHRASE` environment variable
 * (scripts, tests, a service manager's secret store), else a prompt on the terminal with echo off;
 * a first launch asks twice. Neither the passphrase nor its length is logged.
 */
import { t } from '../../shared/messages/format';
import { NestError } from '../../shared/errors';
import type { PassphraseSource } from './passphrase-key-store';

/** The terminal the prompt uses (process.stdin / process.stderr in production). */
export interface PromptTerminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  output: NodeJS.WritableStream;
}

/**
 * Reads one line with echo off. Ctrl+C or Ctrl+D (end of input) rejects.
 * @throws Error('cancelled') when the user cancels.
 */
export function readHidden(term: PromptTerminal, prompt: string): Promise<string> {
  const { input, output } = term;
  output.write(prompt);
  return new Promise<string>((resolve, reject) => {
    let line = '';
    const done = (err: Error | null): void => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(line);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003' || ch === '\u0004') return done(new NestError('cancelled'));
        if (ch === '\u007f' || ch === '\b') line = [...line].slice(0, -1).join('');
        else line += ch;
      }
    };
    input.setRawMode?.(true);
    input.on('data', onData);
    input.resume();
  });
}

/**
 * The passphrase source of browser mode and the CLIs.
 * @param dataDir named in the message when no passphrase can be had.
 * @throws (from the source) NestError('unauthorized', 'keys.passphrase-needed', or
 *         'keys.passphrase-needed-new' for a folder without a passphrase yet) without
 *         NEST_PASSPHRASE and without a terminal; NestError('validation', 'keys.passphrase-mismatch')
 *         when the two new passphrases differ.
 */
export function passphraseFromEnvironment(dataDir: string, env: NodeJS.ProcessEnv = process.env, term: PromptTerminal = { input: process.stdin, output: process.stderr }): PassphraseSource {
  return async (mode) => {
    const fromEnv = env.NEST_PASSPHRASE;
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    // A new folder is not "encrypted" yet: it needs a passphrase chosen, not typed (tester finding G-IMP-4).
    if (!term.input.isTTY) throw new NestError('unauthorized', { id: mode === 'new' ? 'keys.passphrase-needed-new' : 'keys.passphrase-needed', values: { dir: dataDir } });
    if (mode === 'existing') return await readHidden(term, t('keys.passphrase-prompt'));
    const first = await readHidden(term, t('keys.passphrase-new'));
    const second = await readHidden(term, t('keys.passphrase-repeat'));
    if (first !== second) throw new NestError('validation', { id: 'keys.passphrase-mismatch' });
    return first;
  };
}
