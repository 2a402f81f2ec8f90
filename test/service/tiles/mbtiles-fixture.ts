/**
 * Writes a small, valid MBTiles file for tests (https://github.com/mapbox/mbtiles-spec): the
 * `metadata` and `tiles` tables with better-sqlite3, tiles given by XYZ and stored at their TMS row.
 */
import Database from 'better-sqlite3';

/** Writes `tiles` ([z, x, y (XYZ, from the north), bytes]) and `metadata` (name → value) to a new MBTiles file. */
export function writeMbtiles(file: string, metadata: Record<string, string>, tiles: [number, number, number, Buffer][]): void {
  const db = new Database(file);
  try {
    db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
    for (const [n, v] of Object.entries(metadata)) db.prepare('INSERT INTO metadata VALUES (?, ?)').run(n, v);
    for (const [z, x, y, data] of tiles) db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)').run(z, x, 2 ** z - 1 - y, data);
  } finally {
    db.close();
  }
}
