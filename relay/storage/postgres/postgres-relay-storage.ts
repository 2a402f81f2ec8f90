/**
 * {@link RelayStorage} on PostgreSQL, for a relay run as several processes on one database
 * (issue 15): the doc store of pg-doc-store.ts, the workspace keys and the provenance log
 * (pg-provenance.ts, written in the appending transaction), on a `pg` Pool. The schema comes
 * from numbered migrations (pg-migrate.ts) applied on open under an advisory lock. An append
 * resolves after COMMIT: nobody is shown an update the database might still lose.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { AppendEntry } from '../../../node/store/doc-store';
import { keyId, parsePublicJwk, type PublicWorkspaceJwk } from '../../../shared/auth/keys';
import type { ProvenanceEntry, ProvenanceLogEntry, RelayAlert } from '../../../shared/protocol/relay';
import type { NewAlert } from '../provenance';
import { keyRecordOf as toRecord, type KeyRow, type RelayStorage, type WorkspaceKeyRecord } from '../relay-storage';
import { PgDocStore, poolConfig } from './pg-doc-store';
import { migratePostgres } from './pg-migrate';
import { alertsAfter, insertAlert, provenancePage, provenanceStateAt, provenanceUpdatesPage, recordProvenance, verifyProvenanceLog } from './pg-provenance';

/** Options of {@link PostgresRelayStorage.open}. */
export interface PostgresOpenOptions {
  now?: () => number;
  /** Pool size (connections), default 10. */
  poolSize?: number;
}

/** The URL without its password, for logs and errors. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*):[^@]*@/, '$1:***@');
}

/** The PostgreSQL relay storage. Open it with {@link PostgresRelayStorage.open}. */
export class PostgresRelayStorage extends PgDocStore implements RelayStorage {
  /** The connection string (with any password). */
  readonly url: string;

  protected constructor(url: string, pool: pg.Pool, now: () => number) {
    super(pool, now);
    this.url = url;
  }

  /**
   * Connects to `url` (`postgres://user@host/db`, or a socket folder as `?host=/run/postgresql`)
   * and applies pending migrations.
   * @throws NestError('database-too-new' | 'migration-failed'); the pg error when it cannot connect.
   */
  static async open(url: string, opts: PostgresOpenOptions = {}): Promise<PostgresRelayStorage> {
    const pool = new pg.Pool(poolConfig(url, opts.poolSize));
    // An idle client losing its server (restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      const c = await pool.connect();
      try {
        await migratePostgres(c, undefined, redactUrl(url));
      } finally {
        c.release();
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new this(url, pool, opts.now ?? Date.now);
  }

  /** Writes the provenance rows in the appending transaction. */
  protected override async afterAppend(c: pg.PoolClient, entries: readonly AppendEntry[], seqs: readonly number[]): Promise<void> {
    await recordProvenance(c, entries, seqs, this.now());
  }

  /** Resolves once the database answers a trivial query (for /health); rejects with the pg error. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** @inheritdoc */
  async provenance(docName: string, afterSeq: number, limit: number): Promise<ProvenanceEntry[]> {
    return provenancePage(this.pool, docName, afterSeq, limit);
  }

  /** @inheritdoc */
  async provenanceUpdates(docName: string, afterSeq: number, limit: number): Promise<ProvenanceLogEntry[]> {
    return provenanceUpdatesPage(this.pool, docName, afterSeq, limit);
  }

  /** @inheritdoc */
  async stateAt(docName: string, seq: number): Promise<Uint8Array> {
    return provenanceStateAt(this.pool, docName, seq);
  }

  /** @inheritdoc */
  async verifyProvenance(): Promise<number | null> {
    return this.tx((c) => verifyProvenanceLog(c), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  /** @inheritdoc */
  async addAlert(alert: NewAlert): Promise<number> {
    return insertAlert(this.pool, alert, this.now());
  }

  /** @inheritdoc */
  async alerts(workspaceId: string, afterId: number): Promise<RelayAlert[]> {
    return alertsAfter(this.pool, workspaceId, afterId);
  }

  /** @inheritdoc */
  async workspaceKeys(workspaceId: string): Promise<WorkspaceKeyRecord[]> {
    const rows = (await this.pool.query<KeyRow>('SELECT * FROM relay_workspace_keys WHERE workspace_id = $1 ORDER BY added_at, kid', [workspaceId.toLowerCase()])).rows;
    return rows.map(toRecord);
  }

  /** @inheritdoc */
  async allWorkspaceKeys(): Promise<WorkspaceKeyRecord[]> {
    return (await this.pool.query<KeyRow>('SELECT * FROM relay_workspace_keys ORDER BY workspace_id, added_at, kid')).rows.map(toRecord);
  }

  /** @inheritdoc */
  async addWorkspaceKey(workspaceId: string, publicJwk: PublicWorkspaceJwk, label = ''): Promise<WorkspaceKeyRecord> {
    const jwk = parsePublicJwk(publicJwk);
    const kid = await keyId(jwk);
    const wid = workspaceId.toLowerCase();
    await this.pool.query('INSERT INTO relay_workspace_keys (workspace_id, kid, public_jwk, label, added_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [wid, kid, JSON.stringify(jwk), label, this.now()]);
    return toRecord((await this.pool.query<KeyRow>('SELECT * FROM relay_workspace_keys WHERE workspace_id = $1 AND kid = $2', [wid, kid])).rows[0]!);
  }

  /** @inheritdoc */
  async removeWorkspaceKey(workspaceId: string, kid: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM relay_workspace_keys WHERE workspace_id = $1 AND kid = $2', [workspaceId.toLowerCase(), kid])).rowCount ?? 0) > 0;
  }

  /**
   * Writes a consistent dump of the database to `file` with pg_dump (custom format, restore with
   * pg_restore; safe while relays write: pg_dump reads one snapshot).
   * @throws Error with pg_dump's message when it fails or is not installed.
   */
  async backup(file: string): Promise<void> {
    await promisify(execFile)(pgDumpPath(), ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${this.url}`]);
  }
}

/** pg_dump: the newest /usr/lib/postgresql/<v>/bin/pg_dump, else the one on PATH. */
export function pgDumpPath(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => path.join(base, v, 'bin', 'pg_dump')).find((p) => fs.existsSync(p)) ?? 'pg_dump';
}

