/**
 * The browser host's basemap routes (service/entries/basemap-routes.ts) over a real HTTP server
 * on 127.0.0.1 and a real folder: an MBTiles file written here with better-sqlite3 and a PMTiles
 * v3 file written here (pmtiles-fixture.ts). The list describes both from their own metadata;
 * an MBTiles tile comes back with its bytes and type (TMS row flipped), a missing one is 204; the
 * pmtiles package reads the PMTiles file's tile through the Range route; a wrong key is 403.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../node/log';
import { handleBasemapRoute, tileKey } from '../../../service/entries/basemap-routes';
import { basemapId } from '../../../service/tiles/basemap-folder';
import { BasemapRegistry } from '../../../service/tiles/basemap-registry';
import { writePmtiles } from '../tiles/pmtiles-fixture';
import { writeMbtiles } from '../tiles/mbtiles-fixture';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
let dir: string;
let registry: BasemapRegistry;
let server: http.Server;
let base: string;
const key = tileKey('test-token');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-basemaps-'));
  // XYZ 13/5000/4188 is TMS row 2^13-1-4188 = 4003.
  writeMbtiles(path.join(dir, 'Mombasa Port.mbtiles'), { name: 'Mombasa port 2024', format: 'png', minzoom: '12', maxzoom: '17', bounds: '39.6,-4.1,39.7,-4.0', attribution: 'KPA survey' }, [[13, 5000, 4188, Buffer.concat([PNG, Buffer.from('mombasa')])]]);
  writePmtiles(path.join(dir, 'lamu.pmtiles'), [[0, 0, 0, Buffer.concat([PNG, Buffer.from('world')])], [1, 1, 0, Buffer.concat([PNG, Buffer.from('ne')])]], [40.8, -2.4, 41, -2.2]);
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a basemap');
  fs.writeFileSync(path.join(dir, 'broken.pmtiles'), 'not pmtiles');
  const logger = createLogger('basemap-routes-test', 'silent');
  registry = new BasemapRegistry(null, logger);
  const skipped: string[] = [];
  registry.loadFolder(dir, (f) => skipped.push(f));
  expect(skipped).toEqual(['broken.pmtiles']);
  server = http.createServer((req, res) => {
    if (!handleBasemapRoute(req, res, { basemaps: registry, key, logger })) res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/basemaps/${key}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  registry.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('basemap routes', () => {
  it('lists the folder’s basemaps from their own metadata', async () => {
    expect(basemapId('Mombasa Port.mbtiles')).toBe('mombasa-port');
    const res = await fetch(`${base}/list.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      { id: 'lamu', name: 'lamu', kind: 'pmtiles', format: 'png', minZoom: 0, maxZoom: 1, bounds: [40.8, -2.4, 41, -2.2], attribution: null },
      { id: 'mombasa-port', name: 'Mombasa port 2024', kind: 'mbtiles', format: 'png', minZoom: 12, maxZoom: 17, bounds: [39.6, -4.1, 39.7, -4], attribution: 'KPA survey' },
    ]);
  });

  it('serves an MBTiles tile by XYZ, and 204 where the file has none', async () => {
    const res = await fetch(`${base}/tiles/mombasa-port/13/5000/4188.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).subarray(PNG.length).toString()).toBe('mombasa');
    expect((await fetch(`${base}/tiles/mombasa-port/13/5000/4003.png`)).status).toBe(204);
    expect((await fetch(`${base}/tiles/nowhere/1/0/0.png`)).status).toBe(404);
    expect((await fetch(`${base}/tiles/mombasa-port/1/5/0.png`)).status).toBe(400);
  });

  it('serves PMTiles byte ranges that the pmtiles package reads tiles from', async () => {
    const source: Source = {
      getKey: () => 'lamu',
      getBytes: async (offset: number, length: number): Promise<RangeResponse> => {
        const res = await fetch(`${base}/pmtiles/lamu`, { headers: { range: `bytes=${offset}-${offset + length - 1}` } });
        expect(res.status).toBe(206);
        return { data: await res.arrayBuffer() };
      },
    };
    const pm = new PMTiles(source);
    const header = await pm.getHeader();
    expect([header.minZoom, header.maxZoom, header.minLon, header.maxLat]).toEqual([0, 1, 40.8, -2.2]);
    const ne = await pm.getZxy(1, 1, 0);
    expect(Buffer.from(ne!.data).subarray(PNG.length).toString()).toBe('ne');
    const world = await pm.getZxy(0, 0, 0);
    expect(Buffer.from(world!.data).subarray(PNG.length).toString()).toBe('world');
    expect(await pm.getZxy(1, 0, 0)).toBeUndefined();
  });

  it('refuses a wrong key and anything but GET', async () => {
    expect((await fetch(`${base.replace(key, tileKey('other'))}/list.json`)).status).toBe(403);
    expect((await fetch(`${base}/list.json`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/../../etc/passwd`)).status).toBe(418); // normalised away from /basemaps: not this route
  });
});
