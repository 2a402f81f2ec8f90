/**
 * The relay's PostgreSQL migrations: files relay/storage/postgres/migrations/NNN_name.sql
 * (numbered from 001 without gaps, only ever added; read by node/store/migrations.ts's loader),
 * recorded in `relay_schema_migrations`. Every pending migration is applied in ONE transaction
 * under a transaction-scoped advisory lock, so two relay processes starting together do not
 * race (the second waits, then finds nothing left to do) and a failed migration leaves the
 * database as it was. A database with a version newer than this relay knows is refused untouched.
 */
import type pg from 'pg';
import { appPath } from '../../../node/store/app-root';
import { loadMigrations, type MigrateResult, type Migration } from '../../../node/store/migrations';
import { NestError } from '../../../shared/errors';

/** The advisory lock key the migrations hold (any constant unique to this use). */
const MIGRATION_LOCK = 0x4e455354; // "NEST"

/** The relay's PostgreSQL migrations, in order. @throws NestError('internal') when the files are misnumbered. */
export function pgMigrations(): Migration[] {
  return loadMigrations(appPath('relay', 'storage', 'postgres', 'migrations'));
}

/**
 * Applies every pending migration to the database `client` is connected to.
 * @param label how to name the database in errors (its URL without password).
 * @throws NestError('database-too-new') when the database is newer than `migrations` (nothing changed);
 *         NestError('migration-failed') naming the migration when one fails (nothing changed).
 */
export async function migratePostgres(client: pg.PoolClient | pg.Client, migrations: Migration[] = pgMigrations(), label = 'database'): Promise<MigrateResult> {
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS relay_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
    const from = Number((await client.query('SELECT COALESCE(MAX(version), 0) AS v FROM relay_schema_migrations')).rows[0].v);
    if (from > latest) {
      throw new NestError('database-too-new', { id: 'storage.schema-too-new', values: { label, version: String(from), latest: String(latest) } });
    }
    const applied: string[] = [];
    for (const m of migrations) {
      if (m.version <= from) continue;
      const name = `${String(m.version).padStart(3, '0')}_${m.name}`;
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO relay_schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
      } catch (err) {
        throw new NestError('migration-failed', { id: 'storage.migration-failed', values: { label, migration: name, reason: err instanceof Error ? err.message : String(err) } });
      }
      applied.push(name);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, latest), applied };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
