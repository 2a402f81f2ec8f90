/**
 * Issue 10 item 3: openDatabase with a 32-byte key encrypts the whole database at rest (SQLCipher
 * scheme through better-sqlite3-multiple-ciphers). WAL and FTS5 work encrypted; neither the file
 * nor its WAL holds a known string in clear; a wrong key, no key or a clear file opened with a key
 * fail with the catalogue's "cannot be opened with this key", never echoing the key.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encryptDatabaseFile, isClearDatabaseFile, openDatabase, type Db } from '../../../node/store/sqlite';
import { NestError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp-dir';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function keep(db: Db): Db {
  open.push(db);
  return db;
}

describe('an encrypted database', () => {
  it('keeps WAL and FTS5 working and no known string in the file or its WAL', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    const key = randomBytes(32);
    const db = keep(openDatabase(file, { key, synchronous: 'FULL' }));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.exec("CREATE TABLE notes (body TEXT); CREATE VIRTUAL TABLE notes_fts USING fts5(body)");
    db.prepare('INSERT INTO notes VALUES (?)').run('informant ZEBRA-KINGFISHER meets at pier 7');
    db.prepare('INSERT INTO notes_fts VALUES (?)').run('pangolin scales ORCHID-LANTERN');
    expect(db.prepare("SELECT body FROM notes_fts WHERE notes_fts MATCH 'lantern'").pluck().all()).toEqual(['pangolin scales ORCHID-LANTERN']);
    // Still open: the rows are (at least) in the WAL, which must be encrypted too.
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    for (const f of [file, `${file}-wal`]) {
      const raw = fs.readFileSync(f);
      expect(raw.includes('ZEBRA-KINGFISHER')).toBe(false);
      expect(raw.includes('ORCHID-LANTERN')).toBe(false);
      expect(raw.includes(key.toString('hex'))).toBe(false);
    }
    db.close();
    expect(isClearDatabaseFile(file)).toBe(false);
    const again = keep(openDatabase(file, { key }));
    expect(again.prepare('SELECT body FROM notes').pluck().all()).toEqual(['informant ZEBRA-KINGFISHER meets at pier 7']);
  });

  it('refuses a wrong key, and a clear file given a key, with the catalogue sentence and no key in it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.sqlite');
    const key = randomBytes(32);
    keep(openDatabase(file, { key })).exec('CREATE TABLE t (x)');
    open.splice(0).forEach((d) => d.close());
    const wrong = randomBytes(32);
    let err: unknown = null;
    try {
      openDatabase(file, { key: wrong });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NestError);
    expect((err as NestError).code).toBe('unauthorized');
    expect((err as NestError).message).toContain('cannot be opened with this key');
    expect((err as NestError).message).not.toContain(wrong.toString('hex'));
    // Without any key the file is not a database at all.
    expect(() => openDatabase(file).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/file is not a database/);
    const clear = path.join(dir, 'clear.sqlite');
    openDatabase(clear).close();
    expect(isClearDatabaseFile(clear)).toBe(true);
    expect(() => openDatabase(clear, { key })).toThrow(/cannot be opened with this key/);
  });

  it('encrypts a clear copy in place with encryptDatabaseFile', () => {
    const file = path.join(tempDir(), 'c.sqlite');
    const clear = openDatabase(file, { journalMode: 'DELETE' });
    clear.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('MANTA-QUARTZ')");
    clear.close();
    expect(fs.readFileSync(file).includes('MANTA-QUARTZ')).toBe(true);
    const key = randomBytes(32);
    encryptDatabaseFile(file, key);
    expect(fs.readFileSync(file).includes('MANTA-QUARTZ')).toBe(false);
    expect(keep(openDatabase(file, { key })).prepare('SELECT x FROM t').pluck().get()).toBe('MANTA-QUARTZ');
  });
});
