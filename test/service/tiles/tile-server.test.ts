/**
 * Offline basemap serving (service/tiles/): tile paths and Range headers are validated before any
 * file is touched (a bad z/x/y is a 400, an unknown basemap a 404, and a request can only name a
 * registered id, never a path); MBTiles tiles are found with the TMS row flip, on a real SQLite
 * MBTiles file written here; PMTiles byte ranges are exact.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRange, parseTilePath, tmsRow } from '../../../service/tiles/tile-request';
import { TileServer } from '../../../service/tiles/tile-server';

let dir: string;
let server: TileServer;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-tiles-'));
  server = new TileServer();
});
afterEach(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An MBTiles file whose tile at (z, x, TMS row) holds the text `z/x/tmsRow`. */
function makeMbtiles(file: string, tiles: [number, number, number][]): void {
  const db = new Database(file);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  db.prepare('INSERT INTO metadata VALUES (?, ?)').run('format', 'png');
  db.prepare('INSERT INTO metadata VALUES (?, ?)').run('name', 'Mombasa port');
  const ins = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  for (const [z, x, row] of tiles) ins.run(z, x, row, Buffer.from(`${z}/${x}/${row}`));
  db.close();
}

describe('parseTilePath', () => {
  it('accepts a well-formed tile within the zoom', () => {
    expect(parseTilePath('/mombasa/3/5/2.png')).toEqual({ basemapId: 'mombasa', z: 3, x: 5, y: 2 });
    expect(parseTilePath('/m-1/0/0/0.pbf')).toEqual({ basemapId: 'm-1', z: 0, x: 0, y: 0 });
  });
  it('refuses bad z/x/y and anything that looks like a path', () => {
    for (const p of [
      '/mombasa/3/8/2.png', // x past 2^3 - 1
      '/mombasa/3/2/8.png',
      '/mombasa/25/0/0.png', // past the deepest zoom
      '/mombasa/-1/0/0.png',
      '/mombasa/3/05/2.png', // leading zero
      '/mombasa/3/1.5/2.png',
      '/mombasa/3/5/2.exe',
      '/../etc/3/5/2.png',
      '/mombasa/../../3/5/2.png',
      '/%2e%2e/3/5/2.png',
      '/Mombasa/3/5/2.png',
      '/mombasa/3/5/2',
    ]) {
      expect(parseTilePath(p), p).toBeNull();
    }
  });
});

describe('tmsRow', () => {
  it('flips XYZ rows (north first) to TMS rows (south first)', () => {
    expect(tmsRow(0, 0)).toBe(0);
    expect(tmsRow(1, 0)).toBe(1);
    expect(tmsRow(3, 2)).toBe(5);
    expect(tmsRow(18, 0)).toBe(262143);
  });
});

describe('TileServer with MBTiles', () => {
  it('serves the tile stored at the flipped row, 204 where there is none, 400/404 for bad requests', () => {
    const file = path.join(dir, 'port.mbtiles');
    makeMbtiles(file, [
      [3, 5, 5], // XYZ y = 2
      [3, 5, 2], // XYZ y = 5
    ]);
    server.addMbtiles('mombasa', file);
    const a = server.tile('/mombasa/3/5/2.png');
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('image/png');
    expect(a.body?.toString()).toBe('3/5/5');
    expect(server.tile('/mombasa/3/5/5.png').body?.toString()).toBe('3/5/2');
    expect(server.tile('/mombasa/3/4/2.png').status).toBe(204);
    expect(server.tile('/mombasa/3/9/2.png').status).toBe(400);
    expect(server.tile('/elsewhere/3/5/2.png').status).toBe(404);
  });
  it('never writes the file (opened read-only) and refuses a file that is not MBTiles', () => {
    const file = path.join(dir, 'port.mbtiles');
    makeMbtiles(file, [[0, 0, 0]]);
    const before = fs.readFileSync(file);
    server.addMbtiles('m', file);
    server.tile('/m/0/0/0.png');
    server.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const notMb = path.join(dir, 'notes.mbtiles');
    fs.writeFileSync(notMb, 'not a database');
    expect(() => server.addMbtiles('x', notMb)).toThrow();
    expect(() => server.addMbtiles('y', path.join(dir, 'missing.mbtiles'))).toThrow();
  });
});

describe('TileServer with PMTiles byte ranges', () => {
  it('answers exact ranges of the registered file, and refuses malformed ones', () => {
    const file = path.join(dir, 'coast.pmtiles');
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)));
    server.addPmtiles('coast', file);
    const a = server.range('coast', 'bytes=10-19');
    expect(a.status).toBe(206);
    expect([...a.body!]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(a.headers['content-range']).toBe('bytes 10-19/1000');
    expect(server.range('coast', 'bytes=-4').body!.length).toBe(4);
    expect(server.range('coast', 'bytes=995-').headers['content-range']).toBe('bytes 995-999/1000');
    expect(server.range('coast', 'bytes=2000-2010').status).toBe(416);
    expect(server.range('coast', 'bytes=0-1,5-6').status).toBe(400);
    expect(server.range('coast', undefined).status).toBe(400);
    expect(server.range('other', 'bytes=0-1').status).toBe(404);
  });
  it('parseRange clamps the end to the file and caps the size', () => {
    expect(parseRange('bytes=0-99999', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=5-3', 100)).toBeNull();
    expect(parseRange('bytes=0-', 64 * 1024 * 1024)).toBeNull();
  });
});
