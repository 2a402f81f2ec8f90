/**
 * The relay's SQLite storage encrypted at rest (relay/storage/sqlite-relay-storage.ts with a key):
 * a clear relay database is encrypted in place keeping every update, snapshot and provenance row,
 * also when the migration "crashes" after any step (the desktop's migration, node/store/
 * encrypt-in-place.ts, reused); the worker storage passes the key to both its threads; a wrong
 * or missing key is refused with the right error and never opens an empty database. The key file
 * format (relay/key-file.ts) is checked here too.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ENCRYPT_STEPS, encryptInPlace } from '../../node/store/encrypt-in-place';
import { isClearDatabaseFile } from '../../node/store/sqlite';
import { decodeKey, readKeyFile, writeKeyFile } from '../../relay/key-file';
import { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { WorkerRelayStorage } from '../../relay/storage/worker-relay-storage';
import { tempDir } from './helpers';

const DOCS = ['w/a/case/1', 'w/a/case/2'];

/** A clear relay database with updates by two members on two docs, the first doc compacted. */
async function clearRelay(): Promise<{ file: string; words: string[] }> {
  const file = path.join(tempDir(), 'relay.sqlite');
  const s = SqliteRelayStorage.open(file);
  const words: string[] = [];
  for (const [i, doc] of DOCS.entries()) {
    const y = new Y.Doc();
    let sv = Y.encodeStateVector(y);
    for (let n = 0; n < 6; n++) {
      const word = `SEIZED-TEXT-${i}-${n}-${randomBytes(4).toString('hex')}`;
      words.push(word);
      y.getText('t').insert(0, word);
      await s.append(doc, Y.encodeStateAsUpdate(y, sv), n % 2 ? 'member-b' : 'member-a');
      sv = Y.encodeStateVector(y);
    }
  }
  await s.compact(DOCS[0]!);
  await s.close();
  return { file, words };
}

/** Everything a relay reads back: each doc's text, and each doc's provenance log. */
async function contents(s: SqliteRelayStorage | WorkerRelayStorage): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const doc of DOCS) {
    const y = new Y.Doc();
    const stored = await s.read(doc);
    if (stored.snapshot) Y.applyUpdate(y, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(y, u);
    out[doc] = { text: y.getText('t').toString(), provenance: await s.provenance(doc, 0, 500) };
  }
  return { ...out, chain: await s.verifyProvenance() };
}

function grep(dir: string, words: string[]): string[] {
  return fs.readdirSync(dir).flatMap((f) => {
    const raw = fs.readFileSync(path.join(dir, f));
    return words.filter((w) => raw.includes(w)).map((w) => `${w} in ${f}`);
  });
}

describe('relay storage encrypted at rest', () => {
  it('encrypts a clear database in place, keeping every update, snapshot and provenance row', async () => {
    const { file, words } = await clearRelay();
    const clear = SqliteRelayStorage.open(file);
    const before = await contents(clear);
    expect(clear.encrypted).toBe(false);
    await clear.close();
    expect(grep(path.dirname(file), words).length).toBeGreaterThan(0);
    const key = randomBytes(32);
    const enc = SqliteRelayStorage.open(file, { key });
    expect(enc.encrypted).toBe(true);
    expect(await contents(enc)).toEqual(before);
    expect((before as Record<string, { provenance: unknown[] }>)[DOCS[1]!]!.provenance).toHaveLength(6);
    await enc.close();
    expect(isClearDatabaseFile(file)).toBe(false);
    expect(grep(path.dirname(file), words)).toEqual([]);
  });

  it.each(ENCRYPT_STEPS)('a crash after step "%s" loses nothing: the next start with the key has everything', async (step) => {
    const { file, words } = await clearRelay();
    const clear = SqliteRelayStorage.open(file);
    const before = await contents(clear);
    await clear.close();
    const key = randomBytes(32);
    expect(() => encryptInPlace(file, key, { afterStep: (s) => { if (s === step) throw new Error(`crash after ${s}`); } })).toThrow(`crash after ${step}`);
    const again = SqliteRelayStorage.open(file, { key });
    expect(await contents(again)).toEqual(before);
    await again.close();
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('encrypting'))).toEqual([]);
    expect(grep(path.dirname(file), words)).toEqual([]);
  });

  it('the worker storage opens with the key in both threads; a wrong or missing key is refused and nothing is created', async () => {
    const { file } = await clearRelay();
    const key = randomBytes(32);
    const w = await WorkerRelayStorage.open(file, { key });
    expect(w.encrypted).toBe(true);
    const read = await contents(w);
    expect(await w.compact(DOCS[1]!)).toMatchObject({ outcome: 'compacted', merged: 6 });
    await w.close();
    const before = fs.readFileSync(file);
    await expect(WorkerRelayStorage.open(file, { key: randomBytes(32) })).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('cannot be opened with the key') });
    await expect(WorkerRelayStorage.open(file)).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('is encrypted: start the relay with its key file') });
    expect(() => SqliteRelayStorage.open(file)).toThrow(/is encrypted/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const back = SqliteRelayStorage.open(file, { key });
    expect(await contents(back)).toEqual(read);
    await back.close();
  });

  it('an encrypted backup is an encrypted copy that opens with the same key', async () => {
    const { file, words } = await clearRelay();
    const key = randomBytes(32);
    const s = SqliteRelayStorage.open(file, { key });
    const before = await contents(s);
    const out = path.join(tempDir(), 'copy.sqlite');
    await s.backup(out);
    await s.close();
    expect(isClearDatabaseFile(out)).toBe(false);
    expect(grep(path.dirname(out), words)).toEqual([]);
    const copy = SqliteRelayStorage.open(out, { key });
    expect(await contents(copy)).toEqual(before);
    await copy.close();
  });
});

describe('relay key file', () => {
  it('reads hex and base64, refuses other text and a file others may read, never overwrites', () => {
    const key = randomBytes(32);
    expect(decodeKey(key.toString('hex'))).toEqual(key);
    expect(decodeKey(` ${key.toString('base64')}\n`)).toEqual(key);
    expect(decodeKey(key.toString('base64url'))).toEqual(key);
    expect(decodeKey(randomBytes(16).toString('hex'))).toBeNull();
    expect(decodeKey('correct horse battery staple')).toBeNull();
    const dir = tempDir();
    const file = path.join(dir, 'keys', 'relay.key');
    writeKeyFile(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(readKeyFile(file)).toEqual(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex'));
    const first = fs.readFileSync(file);
    expect(() => writeKeyFile(file)).toThrow(/never overwritten/);
    expect(fs.readFileSync(file).equals(first)).toBe(true);
    fs.chmodSync(file, 0o644);
    expect(() => readKeyFile(file)).toThrow(`may be read by other users (mode 644): run "chmod 600 ${file}"`);
    const bad = path.join(dir, 'bad.key');
    fs.writeFileSync(bad, 'not a key', { mode: 0o600 });
    expect(() => readKeyFile(bad)).toThrow(/must hold 32 bytes/);
    expect(() => readKeyFile(path.join(dir, 'missing.key'))).toThrow(/cannot read the storage key file .*no such file/);
  });
});
