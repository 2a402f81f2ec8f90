/**
 * The column mappings a workspace remembers per CSV header row (table `import_mappings`), so the
 * next file with the same headers is mapped as the user last confirmed. The only code that runs
 * SQL on that table.
 */
import type { Db } from '../../node/store/sqlite';
import type { ColumnMapping } from '../../shared/rpc/import';
import { headersKey } from './header-names';

/** Remembered column mappings of one workspace database. */
export class ImportMappings {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** The mapping last used for a file with these headers, if any. */
  get(headers: readonly string[]): ColumnMapping | undefined {
    const raw = this.db.prepare('SELECT mapping FROM import_mappings WHERE headers_key = ?').pluck().get(headersKey(headers)) as string | undefined;
    return raw ? (JSON.parse(raw) as ColumnMapping) : undefined;
  }

  /** Remembers `mapping` for files with these headers (`now`: ms since epoch, stored as updated_at). */
  remember(headers: readonly string[], mapping: ColumnMapping, now = Date.now()): void {
    this.db
      .prepare('INSERT INTO import_mappings (headers_key, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT (headers_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at')
      .run(headersKey(headers), JSON.stringify(mapping), now);
  }
}
