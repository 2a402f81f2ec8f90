/**
 * Reading an MBTiles file (SQLite, https://github.com/mapbox/mbtiles-spec): opened read-only with
 * better-sqlite3 (the file is never written, and must exist), tiles looked up by XYZ coordinates
 * with the row flipped to the TMS row the spec stores, the `metadata` table as a record, and the
 * tile's content type from its `format`.
 */
import Database from 'better-sqlite3';
import { tmsRow } from './tile-request';

/** Content type of each MBTiles `format`. */
const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', pbf: 'application/x-protobuf' };

/** One open MBTiles file. */
export class MbtilesReader {
  private readonly db: Database.Database;
  private readonly get: Database.Statement<[number, number, number], { tile_data: Buffer }>;

  /**
   * Opens `file` read-only; `format` (checked when it was registered) names its tiles' format, else
   * the metadata's. @throws when it is missing or not an MBTiles database (no `tiles`).
   */
  constructor(
    file: string,
    private readonly format?: string,
  ) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.get = this.db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  }

  /** The `metadata` table as name → value (name, format, bounds, minzoom, maxzoom, attribution…). */
  metadata(): Record<string, string> {
    const rows = this.db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }

  /** The content type of this file's tiles (image/png when `format` is absent, as the spec says). */
  contentType(): string {
    return TYPES[this.format ?? this.metadata().format ?? 'png'] ?? 'application/octet-stream';
  }

  /** The tile at XYZ `z`/`x`/`y` (row from the north), or null when the file has none there. */
  tile(z: number, x: number, y: number): Buffer | null {
    return this.get.get(z, x, tmsRow(z, y))?.tile_data ?? null;
  }

  /** The bytes of one tile of the file (the lowest zoom's first), or null when it has none. */
  firstTile(): Buffer | null {
    const row = this.db.prepare('SELECT tile_data FROM tiles ORDER BY zoom_level LIMIT 1').get() as { tile_data: Buffer } | undefined;
    return row?.tile_data ?? null;
  }

  /** Closes the file. */
  close(): void {
    this.db.close();
  }
}
