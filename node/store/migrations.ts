/**
 * The migrations runner. Migrations are files `migrations/NNN_name.sql`, numbered from 001
 * without gaps, only ever added. Each is applied in its own transaction together with
 * `PRAGMA user_version = NNN` and a row in `schema_migrations`, so a failed migration leaves
 * the database exactly as it was. A database whose user_version is higher than the newest
 * migration this app knows was written by a newer app: it is refused and never altered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NestError } from '../../shared/errors';
import type { Db } from './sqlite';
import { appPath } from './app-root';

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** What {@link migrate} did. */
export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
}

const FILE_RE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/**
 * Reads the migrations in `dir` (default: the app's `migrations/`).
 * @throws NestError('internal') when a file is misnamed, a number repeats or there is a gap (the app's own files are broken).
 */
export function loadMigrations(dir = appPath('migrations')): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const f of files) {
    const m = FILE_RE.exec(f);
    if (!m) throw new NestError('internal', { id: 'storage.migration-misnamed', values: { file: f, dir } });
    const version = Number(m[1]);
    if (version !== out.length + 1) {
      throw new NestError('internal', { id: 'storage.migration-out-of-order', values: { file: f, expected: String(out.length + 1).padStart(3, '0') } });
    }
    out.push({ version, name: m[2]!, sql: fs.readFileSync(path.join(dir, f), 'utf8') });
  }
  return out;
}

/** The database's schema version (`PRAGMA user_version`). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration newer than the database's version, each in one transaction.
 * @param label how to name the database in errors (e.g. its file path).
 * @throws NestError('database-too-new') when the database is newer than `migrations` (nothing changed);
 *         NestError('migration-failed') naming the migration when one fails (that migration rolled back).
 */
export function migrate(db: Db, migrations: Migration[] = loadMigrations(), label = 'database'): MigrateResult {
  const from = schemaVersion(db);
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (from > latest) {
    throw new NestError(
      'database-too-new',
      { id: 'storage.schema-too-new', values: { label, version: String(from), latest: String(latest) } },
    );
  }
  const applied: string[] = [];
  for (const m of migrations) {
    if (m.version <= from) continue;
    const apply = db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      apply();
    } catch (err) {
      throw new NestError('migration-failed', {
        id: 'storage.migration-failed',
        values: { label, migration: `${String(m.version).padStart(3, '0')}_${m.name}`, reason: err instanceof Error ? err.message : String(err) },
      });
    }
    applied.push(`${String(m.version).padStart(3, '0')}_${m.name}`);
  }
  return { from, to: Math.max(from, latest), applied };
}
