/**
 * Browser mode's and the CLIs' key store (service/keys/passphrase-key-store.ts) and passphrase
 * source: scrypt with the recorded parameters (default N = 2^17, r = 8, p = 1, 16-byte salt), a
 * verifier that refuses a wrong passphrase before anything is opened, first launch asking twice,
 * NEST_PASSPHRASE, and the clear refusals.
 */
import { scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../node/store/sqlite';
import { loadPassphraseDataKey } from '../../../service/keys/cli-key';
import { DEFAULT_SCRYPT, PassphraseKeyStore, passphraseFile, type PassphraseSource } from '../../../service/keys/passphrase-key-store';
import { passphraseFromEnvironment, type PromptTerminal } from '../../../service/keys/passphrase-source';
import { WrappedKeyStore } from '../../../service/keys/wrapped-key-store';
import { tempDir } from '../../helpers/temp-dir';

const FAST = { N: 2 ** 14, r: 8, p: 1 };

/** A source answering `answer` and recording what it was asked. */
function source(answer: string, asked: string[] = []): PassphraseSource {
  return (mode) => {
    asked.push(mode);
    return Promise.resolve(answer);
  };
}

/** A terminal whose keystrokes are `typed` (one string per prompt, sent when the prompt is written). */
function terminal(typed: string[]): PromptTerminal & { prompts: string[] } {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const prompts: string[] = [];
  const output = new PassThrough();
  output.on('data', (d: Buffer) => {
    const text = d.toString();
    if (text === '\n') return;
    prompts.push(text);
    const next = typed.shift();
    if (next !== undefined) setImmediate(() => input.write(next));
  });
  return { input, output, prompts };
}

describe('PassphraseKeyStore', () => {
  it('derives the key with scrypt N=2^17 r=8 p=1 and records salt, parameters and a verifier, not the key', async () => {
    const dataDir = tempDir();
    const asked: string[] = [];
    const key = await new PassphraseKeyStore(dataDir, source('a long enough passphrase', asked)).load();
    expect(asked).toEqual(['new']);
    const stored = JSON.parse(fs.readFileSync(passphraseFile(dataDir), 'utf8')) as { N: number; r: number; p: number; salt: string; verifier: string };
    expect(stored).toMatchObject({ format: 'nest-passphrase', version: 1, kdf: 'scrypt', ...DEFAULT_SCRYPT });
    expect(DEFAULT_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    expect(Buffer.from(stored.salt, 'base64')).toHaveLength(16);
    // The key is exactly scrypt's first 32 bytes for this salt; the verifier is not the key.
    const expected = scryptSync('a long enough passphrase', Buffer.from(stored.salt, 'base64'), 64, { N: 2 ** 17, r: 8, p: 1, maxmem: 512 * 1024 * 1024 });
    expect(key).toEqual(expected.subarray(0, 32));
    const raw = fs.readFileSync(passphraseFile(dataDir));
    for (const form of [key.toString('hex'), key.toString('base64')]) expect(raw.includes(form)).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(passphraseFile(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('gives the same key for the right passphrase and refuses a wrong one, touching nothing', async () => {
    const dataDir = tempDir();
    const key = await new PassphraseKeyStore(dataDir, source('right passphrase'), FAST).load();
    const db = path.join(dataDir, 'workspaces', 'w', 'workspace.sqlite');
    openDatabase(db, { key }).close();
    const before = fs.readdirSync(path.dirname(db)).map((f) => [f, fs.readFileSync(path.join(path.dirname(db), f))] as const);
    const fileBefore = fs.readFileSync(passphraseFile(dataDir));
    const asked: string[] = [];
    expect(await new PassphraseKeyStore(dataDir, source('right passphrase', asked), FAST).load()).toEqual(key);
    expect(asked).toEqual(['existing']);
    await expect(new PassphraseKeyStore(dataDir, source('wrong passphrase'), FAST).load()).rejects.toMatchObject({
      code: 'unauthorized',
      message: `Wrong passphrase for the data folder ${dataDir}. Nothing was opened or changed.`,
    });
    expect(fs.readFileSync(passphraseFile(dataDir)).equals(fileBefore)).toBe(true);
    expect(fs.readdirSync(path.dirname(db)).map((f) => [f, fs.readFileSync(path.join(path.dirname(db), f))] as const)).toEqual(before);
  });

  it('refuses a short new passphrase, a damaged file, and a lost file beside encrypted workspaces', async () => {
    const dataDir = tempDir();
    await expect(new PassphraseKeyStore(dataDir, source('short'), FAST).load()).rejects.toMatchObject({ code: 'validation', message: 'The passphrase must have at least 8 characters.' });
    expect(fs.existsSync(passphraseFile(dataDir))).toBe(false);
    const key = await new PassphraseKeyStore(dataDir, source('long enough now'), FAST).load();
    const good = fs.readFileSync(passphraseFile(dataDir), 'utf8');
    fs.writeFileSync(passphraseFile(dataDir), good.replace(/"salt": "[^"]*"/, '"salt": "AAAA"'));
    await expect(new PassphraseKeyStore(dataDir, source('long enough now'), FAST).load()).rejects.toMatchObject({ code: 'database-corrupt', message: expect.stringContaining('salt is not 16 bytes') });
    openDatabase(path.join(dataDir, 'workspaces', 'w', 'workspace.sqlite'), { key }).close();
    fs.rmSync(passphraseFile(dataDir));
    const asked: string[] = [];
    await expect(new PassphraseKeyStore(dataDir, source('long enough now', asked), FAST).load()).rejects.toMatchObject({ code: 'not-found' });
    expect(asked).toEqual([]);
  });
});

describe('the passphrase source', () => {
  it('takes NEST_PASSPHRASE, else asks on a terminal (twice at first launch), else says how to give one', async () => {
    expect(await passphraseFromEnvironment('/d', { NEST_PASSPHRASE: 'from the environment' })('new')).toBe('from the environment');
    const notTty: PromptTerminal = { input: new PassThrough(), output: new PassThrough() };
    await expect(passphraseFromEnvironment('/data', {}, notTty)('existing')).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('set NEST_PASSPHRASE or start from a terminal') });

    const twice = terminal(['typed secret\r', 'typed secret\r']);
    expect(await passphraseFromEnvironment('/d', {}, twice)('new')).toBe('typed secret');
    expect(twice.prompts).toEqual([expect.stringContaining('Choose a passphrase'), 'Type the passphrase again: ']);

    const differ = terminal(['one thing\r', 'another\r']);
    await expect(passphraseFromEnvironment('/d', {}, differ)('new')).rejects.toMatchObject({ code: 'validation', message: 'The two passphrases differ. Nothing was set.' });

    const corrected = terminal(['typoo\u007f\u007fo secret\n']);
    expect(await passphraseFromEnvironment('/d', {}, corrected)('existing')).toBe('typo secret');
    const cancelled = terminal(['abc\u0003']);
    await expect(passphraseFromEnvironment('/d', {}, cancelled)('existing')).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('refuses a data folder keyed by the desktop keychain instead of asking for a passphrase', async () => {
    const dataDir = tempDir();
    await new WrappedKeyStore(dataDir, { name: 'x', wrap: (b) => Buffer.from(b), unwrap: (b) => Buffer.from(b) }).load();
    await expect(loadPassphraseDataKey(dataDir, { NEST_PASSPHRASE: 'anything at all' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('locked by the desktop app') });
  });
});
