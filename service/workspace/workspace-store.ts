/**
 * One workspace's local database: `<dataDir>/workspaces/<workspaceId>/workspace.sqlite`, migrated
 * on open, holding the Yjs doc store, the projections and local settings (which member this
 * machine acts as, whether it is the demo workspace). One database per workspace keeps task
 * forces apart, makes a workspace one file to back up, and lets the demo be deleted cleanly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrate, type Migration } from '../../node/store/migrations';
import { openDatabase, type Db } from '../../node/store/sqlite';
import { SqliteDocLog } from '../../node/store/sqlite-doc-log';
import type { MemberRole } from '../../shared/domain/codes';
import { NestError } from '../../shared/errors';
import { Projector } from '../projections/projector';
import { ProjectionQueries } from '../projections/queries';
import { IdentifierQueries } from '../projections/identifier-queries';
import { CaseLinkQueries } from '../projections/case-link-queries';
import { EcbFiles } from '../valuation/ecb-files';
import { ImportMappings } from '../import/import-mappings';
import { encryptInPlace, type EncryptInPlaceOptions } from '../../node/store/encrypt-in-place';

/** Local (never synced) facts about a workspace on this machine. */
export interface LocalWorkspaceSettings {
  /** The member id this machine writes as in this workspace. */
  memberId: string;
  /** This machine's role in the workspace (from creation or the invitation). */
  role: MemberRole;
  /** True for the demo workspace built from bundled public data. */
  demo: boolean;
}

/** The folder holding all workspaces of a data folder. */
export function workspacesDir(dataDir: string): string {
  return path.join(dataDir, 'workspaces');
}

/** The database file of a workspace. */
export function workspaceDbFile(dataDir: string, workspaceId: string): string {
  return path.join(workspacesDir(dataDir), workspaceId, 'workspace.sqlite');
}

/** Ids of the workspaces present in a data folder (folders holding a workspace.sqlite). */
export function listWorkspaceIds(dataDir: string): string[] {
  const dir = workspacesDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'workspace.sqlite')))
    .map((e) => e.name)
    .sort();
}

/** An open, migrated workspace database with its doc store. */
export class WorkspaceStore {
  /** The workspace id. */
  readonly workspaceId: string;
  /** The database file. */
  readonly file: string;
  /** The Yjs update log and snapshots (synchronous engine; DocHost wraps it in the async DocStore). */
  readonly docs: SqliteDocLog;
  /** The projection writer (tables cases, seizures, search_fts). */
  readonly projector: Projector;
  /** Typed reads of the projection tables. */
  readonly projections: ProjectionQueries;
  /** Typed reads of the cross-case identifier index. */
  readonly identifiers: IdentifierQueries;
  /** Typed reads of the links between cases, seen from the linked case. */
  readonly caseLinks: CaseLinkQueries;
  /** The ECB rate files imported into this workspace. */
  readonly ecbFiles: EcbFiles;
  /** Column mappings remembered per CSV header row. */
  readonly importMappings: ImportMappings;
  /**
   * The better-sqlite3 handle. Private: each set of tables is reached through the module that owns
   * its SQL (the fields above; settings through the methods below). Tests read it with {@link databaseOf}.
   */
  private readonly db: Db;

  private constructor(workspaceId: string, file: string, db: Db) {
    this.workspaceId = workspaceId;
    this.file = file;
    this.db = db;
    this.docs = new SqliteDocLog(db);
    this.projector = new Projector(db, workspaceId);
    this.projections = new ProjectionQueries(db);
    this.identifiers = new IdentifierQueries(db);
    this.caseLinks = new CaseLinkQueries(db);
    this.ecbFiles = new EcbFiles(db);
    this.importMappings = new ImportMappings(db);
  }

  /**
   * Opens (creating when `create`) and migrates a workspace database. With `key` (the data
   * folder's 32-byte data key) the database is encrypted at rest: a new one is created encrypted,
   * and an existing clear one is first encrypted in place, crash-safely (node/store/encrypt-in-place.ts).
   * @throws NestError('database-too-new') for a database written by a newer app (left untouched);
   *         NestError('migration-failed'); NestError('unauthorized', 'storage.wrong-key') when the
   *         key does not open it; NestError('database-corrupt', 'storage.encrypt-failed');
   *         Error when it does not exist and `create` is false.
   */
  static open(
    dataDir: string,
    workspaceId: string,
    opts: { create?: boolean; migrations?: Migration[]; key?: Uint8Array | undefined; encryption?: EncryptInPlaceOptions } = {},
  ): WorkspaceStore {
    const file = workspaceDbFile(dataDir, workspaceId);
    if (!opts.create && !fs.existsSync(file)) throw new Error(`workspace ${workspaceId} has no database at ${file}`);
    if (opts.key) encryptInPlace(file, opts.key, opts.encryption);
    let db: Db | null = null;
    try {
      // FULL: what the UI reports as saved survives a power cut (NORMAL may lose the last commits).
      db = openDatabase(file, { synchronous: 'FULL', ...(opts.key ? { key: opts.key } : {}) });
      migrate(db, opts.migrations, file);
    } catch (err) {
      db?.close();
      if (err instanceof NestError) throw err;
      const code = (err as { code?: string }).code ?? '';
      if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
        throw new NestError('database-corrupt', { id: 'service.workspace.db-damaged', values: { file, code } });
      }
      throw err;
    }
    return new WorkspaceStore(workspaceId, file, db);
  }

  /** Reads a local setting (JSON), or `fallback`. */
  getSetting<T>(key: string, fallback: T): T {
    const row = this.db.prepare('SELECT value FROM local_settings WHERE key = ?').pluck().get(key) as string | undefined;
    return row === undefined ? fallback : (JSON.parse(row) as T);
  }

  /** Writes a local setting (JSON). */
  setSetting(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO local_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  /** The local facts about this workspace, or null before they are written. */
  localSettings(): LocalWorkspaceSettings | null {
    return this.getSetting<LocalWorkspaceSettings | null>('local', null);
  }

  /** Writes the local facts about this workspace. */
  setLocalSettings(s: LocalWorkspaceSettings): void {
    this.setSetting('local', s);
  }

  /** Closes the database. */
  close(): void {
    this.docs.close();
  }
}

/**
 * The raw database of a workspace store, for tests that inspect or damage tables directly. Service
 * code must not call it (test/service/architecture.test.ts checks): it goes through the store's
 * table owners instead.
 */
export function databaseOf(store: WorkspaceStore): Db {
  return store['db'];
}
