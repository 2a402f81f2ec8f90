/**
 * Offline basemap files as the data service registers them (service/tiles/basemap-folder.ts,
 * basemap-metadata.ts), on real files written here:
 * - ids (breaker G-MAP-1): names with accents, Arabic and Cyrillic letters get distinct, stable,
 *   URL-safe ids, and the list shows the file's own name;
 * - refusals (breaker G-MAP-2): inverted or out-of-range zooms, malformed, out-of-range or inverted
 *   bounds, a missing format whose tiles prove none — each with a sentence naming the file, the
 *   field, the values and the fix; a missing format proven by the tiles' bytes is accepted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../node/log';
import { basemapId } from '../../../service/tiles/basemap-folder';
import { BasemapRegistry } from '../../../service/tiles/basemap-registry';
import { writeMbtiles } from './mbtiles-fixture';
import { writePmtiles } from './pmtiles-fixture';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
const OK = { name: 'n', format: 'png', minzoom: '3', maxzoom: '9', bounds: '39.6,-4.1,39.7,-4.0' };
let dir: string;
let registry: BasemapRegistry;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-basemap-files-'));
  registry = new BasemapRegistry(null, createLogger('basemap-files-test', 'silent'));
});

afterAll(() => {
  registry.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes an MBTiles file `name` with `metadata` and one tile, and registers it; the result. */
function add(name: string, metadata: Record<string, string>, tile: Buffer = PNG): ReturnType<BasemapRegistry['addFiles']> {
  const file = path.join(dir, name);
  writeMbtiles(file, metadata, [[3, 4, 2, tile]]);
  return registry.addFiles([file]);
}

describe('basemap ids (G-MAP-1)', () => {
  const names = ["Côte d'Ivoire.mbtiles", "Cote d'Ivoire.mbtiles", 'خليج عدن.mbtiles', 'ميناء مومباسا.pmtiles', 'Владивосток.mbtiles', 'Мурманск.mbtiles'];

  it('gives names that differ only in non-ASCII letters distinct, stable, URL-safe ids', () => {
    const ids = names.map(basemapId);
    expect(new Set(ids).size).toBe(names.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
    expect(ids[0]).toMatch(/^cote-d-ivoire-[0-9a-f]{8}$/);
    expect(ids[1]).toBe('cote-d-ivoire');
    expect(ids[2]).toMatch(/^basemap-[0-9a-f]{8}$/);
    // Stable: the same name (also decomposed, as macOS file systems give it) gives the same id.
    expect(names.map(basemapId)).toEqual(ids);
    expect(basemapId("Côte d'Ivoire.mbtiles".normalize('NFD'))).toBe(ids[0]);
    // Long names stay within 64 characters, hash included.
    expect(basemapId(`${'é'.repeat(80)}.mbtiles`)).toMatch(/^e{55}-[0-9a-f]{8}$/);
    expect(basemapId('Mombasa Port.mbtiles')).toBe('mombasa-port');
  });

  it('registers such files side by side, lists their own names and serves each one’s tiles', () => {
    const added = names.filter((n) => n.endsWith('.mbtiles')).map((n) => add(n, { format: 'png', minzoom: '3', maxzoom: '3' }, Buffer.concat([PNG, Buffer.from(n)])));
    writePmtiles(path.join(dir, names[3]!), [[0, 0, 0, PNG]], [43, 11, 45, 13]);
    added.push(registry.addFiles([path.join(dir, names[3]!)]));
    const infos = added.flatMap((r) => r.added);
    // Without metadata names: the file name without its extension.
    expect(infos.map((b) => b.name).sort()).toEqual(names.map((n) => n.replace(/\.(mbtiles|pmtiles)$/, '')).sort());
    expect(infos.map((b) => b.id)).toEqual([0, 1, 2, 4, 5, 3].map((i) => basemapId(names[i]!)));
    for (const n of names.filter((x) => x.endsWith('.mbtiles'))) {
      const a = registry.answer({ method: 'GET', path: `/tiles/${basemapId(n)}/3/4/2.png` });
      expect(a.status).toBe(200);
      expect(a.body!.subarray(PNG.length).toString()).toBe(n);
    }
    expect(registry.answer({ method: 'GET', path: `/pmtiles/${basemapId(names[3]!)}`, range: 'bytes=0-6' }).body!.toString()).toBe('PMTiles');
  });
});

describe('basemap metadata (G-MAP-2)', () => {
  const refused = (name: string, metadata: Record<string, string>, tile?: Buffer): string => {
    const r = add(name, metadata, tile);
    expect(r.added).toEqual([]);
    expect(r.skipped.map((s) => s.name)).toEqual([name]);
    return r.skipped[0]!.reason;
  };

  it('refuses an inverted zoom range, naming the file, both values and the fix', () => {
    expect(refused('inverted.mbtiles', { ...OK, minzoom: '14', maxzoom: '6' })).toBe('inverted.mbtiles: minzoom 14 is greater than maxzoom 6. Fix the file’s metadata so that minzoom is at most maxzoom (they are probably swapped).');
  });

  it('refuses zooms beyond 24 or not whole numbers', () => {
    expect(refused('deep.mbtiles', { ...OK, maxzoom: '30' })).toBe('deep.mbtiles: maxzoom is 30, outside 0–24. Fix the maxzoom row of the file’s metadata (tiles deeper than zoom 24 cannot be shown).');
    expect(refused('word.mbtiles', { ...OK, minzoom: 'twelve' })).toBe('word.mbtiles: minzoom is “twelve”, not a whole number from 0 to 24. Fix the minzoom row of the file’s metadata.');
    expect(refused('neg.mbtiles', { ...OK, minzoom: '-1' })).toContain('neg.mbtiles: minzoom is “-1”');
    expect(refused('frac.mbtiles', { ...OK, maxzoom: '9.5' })).toContain('frac.mbtiles: maxzoom is “9.5”');
  });

  it('refuses malformed, out-of-range and inverted bounds', () => {
    expect(refused('three.mbtiles', { ...OK, bounds: '39.6,-4.1,39.7' })).toBe('three.mbtiles: bounds is “39.6,-4.1,39.7”, not four numbers west,south,east,north. Fix the bounds row of the file’s metadata, or remove it.');
    expect(refused('blank.mbtiles', { ...OK, bounds: '39.6,,39.7,-4' })).toContain('not four numbers');
    expect(refused('far.mbtiles', { ...OK, bounds: '39.6,-4.1,200,-4' })).toBe('far.mbtiles: bounds 39.6,-4.1,200,-4 lie outside the world (longitude −180 to 180, latitude −90 to 90). Fix the bounds in the file’s metadata; they are in degrees, west,south,east,north.');
    expect(refused('pole.mbtiles', { ...OK, bounds: '39.6,-95,39.7,-4' })).toContain('lie outside the world');
    expect(refused('swapped.mbtiles', { ...OK, bounds: '39.6,-4,39.7,-4.1' })).toContain('swapped.mbtiles: bounds 39.6,-4,39.7,-4.1 have the west edge east of the east edge or the south edge north of the north edge');
    expect(refused('across.mbtiles', { ...OK, bounds: '179,-20,-179,-15' })).toContain('must be split in two files');
  });

  it('describes a file without format by the format its tiles prove, and refuses one whose tiles prove none', () => {
    const { format: _omit, ...noFormat } = OK;
    const r = add('jpeg.mbtiles', noFormat, JPEG);
    expect(r.added.map((b) => [b.name, b.format])).toEqual([['n', 'jpg']]);
    expect(registry.answer({ method: 'GET', path: `/tiles/jpeg/3/4/2.jpg` }).headers['content-type']).toBe('image/jpeg');
    expect(refused('nothing.mbtiles', noFormat, Buffer.from('GIF89a'))).toBe('nothing.mbtiles: the metadata has no format and its first tile is not PNG, JPEG, WebP or a gzipped vector tile. Add a format row (png, jpg, webp or pbf) to the file’s metadata.');
  });

  it('accepts a sane file and refuses a PMTiles header with inverted zooms or bounds', () => {
    expect(add('fine.mbtiles', OK).added.map((b) => [b.minZoom, b.maxZoom, b.bounds])).toEqual([[3, 9, [39.6, -4.1, 39.7, -4]]]);
    const file = path.join(dir, 'bad-header.pmtiles');
    writePmtiles(file, [[2, 1, 1, PNG], [5, 9, 9, PNG]], [40.8, -2.4, 41, -2.2]);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(5, 100); // minZoom
    bytes.writeUInt8(2, 101); // maxZoom
    fs.writeFileSync(file, bytes);
    expect(registry.addFiles([file]).skipped).toEqual([{ name: 'bad-header.pmtiles', reason: 'bad-header.pmtiles: minzoom 5 is greater than maxzoom 2. Fix the file’s metadata so that minzoom is at most maxzoom (they are probably swapped).' }]);
    bytes.writeUInt8(2, 100);
    bytes.writeUInt8(5, 101);
    bytes.writeInt32LE(-95e7, 106); // south −95°
    fs.writeFileSync(file, bytes);
    expect(registry.addFiles([file]).skipped[0]!.reason).toContain('bad-header.pmtiles: bounds 40.8,-95,41,-2.2 lie outside the world');
  });
});

describe('a PMTiles file cut short (tester4, issue 11)', () => {
  it('is skipped with a reason naming its size and the size its header needs, cut just past its header and at all but its last byte', () => {
    const whole = path.join(dir, 'whole.pmtiles');
    writePmtiles(whole, [[2, 1, 1, PNG], [3, 2, 2, PNG]], [40.8, -2.4, 41, -2.2]);
    const bytes = fs.readFileSync(whole);
    expect(registry.addFiles([whole]).added).toHaveLength(1);
    for (const length of [128, bytes.length - 1]) {
      const file = path.join(dir, `cut-${length}.pmtiles`);
      fs.writeFileSync(file, bytes.subarray(0, length));
      const r = registry.addFiles([file]);
      expect(r.added).toEqual([]);
      expect(r.skipped).toEqual([{ name: `cut-${length}.pmtiles`, reason: `cut-${length}.pmtiles is cut short: it has ${length.toLocaleString('en')} bytes but its header places data up to byte ${bytes.length.toLocaleString('en')}. Copy the whole file again.` }]);
    }
  });
});

describe('basemap names (tester s28 B1)', () => {
  it('lists a PMTiles or MBTiles file by its metadata name as one plain line, else by its file name without the extension', () => {
    const named = path.join(dir, 'Suva Harbour.pmtiles');
    writePmtiles(named, [[0, 0, 0, PNG]], [178.3, -18.2, 178.5, -18.0], { name: 'Suva Harbour (test)', attribution: 'Fiji Test Hydro' });
    const unnamed = path.join(dir, 'Lautoka.pmtiles');
    writePmtiles(unnamed, [[0, 0, 0, PNG]], [177.3, -17.7, 177.5, -17.5], { name: 42 });
    const odd = path.join(dir, 'Odd.pmtiles');
    writePmtiles(odd, [[0, 0, 0, PNG]], [177.3, -17.7, 177.5, -17.5], { name: ' Two\nlines\u202e ' });
    const added = registry.addFiles([named, unnamed, odd]).added;
    expect(added.map((b) => [b.name, b.attribution])).toEqual([['Suva Harbour (test)', 'Fiji Test Hydro'], ['Lautoka', null], ['Two lines', null]]);
    expect(add('Mombasa Port.mbtiles', { ...OK, name: 'Mombasa Port (test)' }).added[0]!.name).toBe('Mombasa Port (test)');
    expect(add('Kilindini.mbtiles', { ...OK, name: '' }).added[0]!.name).toBe('Kilindini');
  });
});

describe('basemap attribution (G-MAP-3)', () => {
  it('keeps an MBTiles or PMTiles attribution as plain text: no tags, scripts, control or bidi-override characters', () => {
    const html = '<a href="https://www.openstreetmap.org/copyright" onclick="steal()">&copy; OpenStreetMap</a><script>alert(1)</script><br><img src=x onerror=alert(2)>Survey\u202e 2024\u0007';
    expect(add('credited.mbtiles', { ...OK, attribution: html }).added[0]!.attribution).toBe('© OpenStreetMap · Survey 2024');
    const file = path.join(dir, 'credited.pmtiles');
    writePmtiles(file, [[0, 0, 0, PNG]], [40.8, -2.4, 41, -2.2], { attribution: `<b>Lamu</b> ${'x'.repeat(400)}` });
    const a = registry.addFiles([file]).added[0]!.attribution!;
    expect(a.startsWith('Lamu xxx')).toBe(true);
    expect(a).toHaveLength(300);
    expect(a.endsWith('…')).toBe(true);
    expect(add('tags-only.mbtiles', { ...OK, attribution: '<br><b></b>' }).added[0]!.attribution).toBeNull();
  });
});
