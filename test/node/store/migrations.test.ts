/**
 * The migrations runner: from empty, re-run, a database newer than the app refused untouched,
 * a failing migration rolled back, misnamed or gapped files rejected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../node/store/migrations';
import { openDatabase } from '../../../node/store/sqlite';
import { NestError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp-dir';

const migrations = loadMigrations();

function tables(db: ReturnType<typeof openDatabase>): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','index') AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
}

describe('migrations', () => {
  it('are numbered 001.. without gaps and include the doc store and projections', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]!.name).toBe('doc_store');
    expect(migrations.map((m) => m.name)).toContain('projections');
  });

  it('apply from empty, record each migration, and set user_version', () => {
    const db = openDatabase(path.join(tempDir(), 'a.sqlite'));
    const r = migrate(db, migrations);
    expect(r.from).toBe(0);
    expect(r.to).toBe(migrations.length);
    expect(r.applied).toEqual(migrations.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`));
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(migrations.map((m) => m.version));
    expect(tables(db)).toEqual(expect.arrayContaining(['doc_updates', 'doc_snapshots', 'doc_heads', 'cases', 'seizures', 'search_fts', 'local_settings']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('are a no-op when re-run on a current database', () => {
    const file = path.join(tempDir(), 'b.sqlite');
    const db = openDatabase(file);
    migrate(db, migrations);
    const before = tables(db);
    const again = migrate(db, migrations);
    expect(again.applied).toEqual([]);
    expect(again.from).toBe(migrations.length);
    expect(tables(db)).toEqual(before);
    db.close();
  });

  it('apply only the newer migrations to an older database', () => {
    const db = openDatabase(path.join(tempDir(), 'c.sqlite'));
    migrate(db, migrations.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    const r = migrate(db, migrations);
    expect(r.from).toBe(1);
    expect(r.applied.length).toBe(migrations.length - 1);
    db.close();
  });

  it('refuse a database written by a newer app and leave it byte-for-byte unchanged', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const db = openDatabase(file);
    migrate(db, migrations);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const hash = (): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const before = hash();
    const again = openDatabase(file);
    let caught: unknown;
    try {
      migrate(again, migrations, file);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NestError);
    expect((caught as NestError).code).toBe('database-too-new');
    expect((caught as NestError).message).toContain(`schema version ${migrations.length + 5}`);
    expect((caught as NestError).message).toContain('nothing was changed');
    expect(schemaVersion(again)).toBe(migrations.length + 5);
    again.pragma('wal_checkpoint(TRUNCATE)');
    again.close();
    expect(hash()).toBe(before);
  });

  it('roll back a failing migration completely and name it', () => {
    const db = openDatabase(path.join(tempDir(), 'd.sqlite'));
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half_made (x); INSERT INTO no_such_table VALUES (1);' }];
    expect(() => migrate(db, broken, 'test.sqlite')).toThrow(/migration 0*\d+_broken failed/);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(tables(db)).not.toContain('half_made');
    db.close();
  });

  it('reject misnamed and gapped migration folders', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '001_a.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(dir, '003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/expected number 002/);
    const dir2 = tempDir();
    fs.writeFileSync(path.join(dir2, '1-a.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir2)).toThrow(/not named NNN_name.sql/);
    // Both are catalogue messages on a NestError, so a caller can show them in its locale.
    const refusal = (d: string): NestError => {
      try {
        loadMigrations(d);
      } catch (err) {
        return err as NestError;
      }
      throw new Error('loadMigrations accepted a broken folder');
    };
    expect(refusal(dir)).toBeInstanceOf(NestError);
    expect(refusal(dir).toInfo()).toMatchObject({ code: 'internal', messageId: 'storage.migration-out-of-order', values: { file: '003_c.sql', expected: '002' } });
    expect(refusal(dir2).toInfo()).toMatchObject({ code: 'internal', messageId: 'storage.migration-misnamed', values: { file: '1-a.sql', dir: dir2 } });
    expect(refusal(dir2).message).toBe(`migration file 1-a.sql in ${dir2} is not named NNN_name.sql`);
  });
});
