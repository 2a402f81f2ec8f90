/**
 * Issue 11 item 8, offline basemaps, in real headless Chromium against the browser-mode host
 * started with `--basemaps DIR` on a folder made here: a real raster MBTiles file (magenta tiles),
 * a real raster PMTiles v3 file (teal tiles, pmtiles-fixture.ts) and a vector MBTiles file. The
 * chooser lists Natural Earth and the three files with format, kind, zoom range and area; the
 * vector one is disabled with its reason. Choosing a file and "Fit to basemap area" draws its
 * tiles — counted in a screenshot of the map, pixel by pixel — the choice survives a reload (per
 * device), and Natural Earth again removes them. No request leaves the host, no CSP violation.
 * A second test: an admin turns online tiles on in the chooser (a plain-http template is refused
 * with its reason); after the reload the map warns, the legend says what leaves the computer, the
 * page's CSP names exactly that origin and tile requests go only there; turned off, all of it goes.
 * Screenshots docs/screenshots/map-basemap-chooser.png, map-basemap-pmtiles.png and
 * map-online-tiles.png are looked at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { test, expect, offHost, repoRoot } from './fixtures';
import { openDemo } from './hardening-helpers';
import { decodePng, solidTilePng } from './png';
import { writeMbtiles } from '../service/tiles/mbtiles-fixture';
import { writePmtiles } from '../service/tiles/pmtiles-fixture';
import { mapStill } from './map-still';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
const MAGENTA: [number, number, number] = [190, 40, 150];
const TEAL: [number, number, number] = [20, 150, 140];

/** XYZ tiles covering [west, south, east, north] at zoom z. */
function tilesOver([w, s, e, n]: [number, number, number, number], z: number): [number, number][] {
  const x = (lon: number): number => Math.floor(((lon + 180) / 360) * 2 ** z);
  const y = (lat: number): number => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
  const out: [number, number][] = [];
  for (let i = x(w); i <= x(e); i++) for (let j = y(n); j <= y(s); j++) out.push([i, j]);
  return out;
}

const KENYA: [number, number, number, number] = [38.5, -5, 41.5, -1.5];
const GUINEA: [number, number, number, number] = [2, 3, 9, 7];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-e2e-basemaps-'));
{
  const magenta = solidTilePng(MAGENTA);
  writeMbtiles(
    path.join(dir, 'Kenya coast.mbtiles'),
    { name: 'Kenya coast patrol 2026', format: 'png', minzoom: '5', maxzoom: '7', bounds: KENYA.join(','), attribution: 'KWS survey' },
    [5, 6, 7].flatMap((z) => tilesOver(KENYA, z).map(([x, y]): [number, number, number, Buffer] => [z, x, y, magenta])),
  );
  const teal = solidTilePng(TEAL);
  writePmtiles(path.join(dir, 'gulf-of-guinea.pmtiles'), [4, 5, 6].flatMap((z) => tilesOver(GUINEA, z).map(([x, y]): [number, number, number, Buffer] => [z, x, y, teal])), GUINEA);
  writeMbtiles(path.join(dir, 'lagos-streets.mbtiles'), { name: 'Lagos streets', format: 'pbf', minzoom: '10', maxzoom: '14', bounds: '3.2,6.4,3.5,6.7' }, [[10, 521, 495, zlib.gzipSync(Buffer.from('vector'))]]);
}

test.use({ hostArgs: ['--basemaps', dir] });
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Share of the map's screenshot pixels within 12 of `rgb` on every channel. */
async function share(map: Locator, rgb: [number, number, number], shot?: string): Promise<number> {
  const png = decodePng(await map.screenshot(shot ? { path: shot } : {}));
  let hits = 0;
  for (let y = 0; y < png.height; y += 2) for (let x = 0; x < png.width; x += 2) if (png.rgb(x, y).every((v, i) => Math.abs(v - rgb[i]!) <= 12)) hits++;
  return hits / (Math.ceil(png.height / 2) * Math.ceil(png.width / 2));
}

async function openChooser(page: Page, current: string): Promise<Locator> {
  await page.getByRole('button', { name: `Basemap: ${current}` }).click();
  return page.getByRole('dialog', { name: 'Basemap' });
}

test('offline basemaps: the chooser lists them, raster tiles are drawn, the choice is remembered', async ({ page, host, requests, cspViolations }) => {
  await openDemo(page, host);
  await page.getByRole('link', { name: 'Seizure map' }).click();
  const map = page.getByTestId('seizure-map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');

  // The list: the built-in map and each file, the vector one disabled with its reason.
  let panel = await openChooser(page, 'Natural Earth (built in)');
  await expect(panel.getByRole('radio')).toHaveCount(4);
  await expect(panel.getByRole('radio', { name: /Natural Earth/ })).toBeChecked();
  await expect(panel.getByTestId('basemap-option-kenya-coast')).toContainText('Kenya coast patrol 2026');
  await expect(panel.getByTestId('basemap-option-kenya-coast')).toContainText('PNG · MBTiles · zoom 5–7');
  await expect(panel.getByTestId('basemap-option-kenya-coast')).toContainText('5.00° S – 1.50° S, 38.50° E – 41.50° E');
  await expect(panel.getByTestId('basemap-option-gulf-of-guinea')).toContainText('PNG · PMTiles · zoom 4–6');
  const vector = panel.getByTestId('basemap-option-lagos-streets');
  await expect(vector).toContainText('PBF · MBTiles · zoom 10–14');
  await expect(vector).toContainText('no vector tile renderer');
  await expect(vector.getByRole('radio')).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Fit to basemap area' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Add basemap files…' })).toHaveCount(0); // browser mode: the host's folder
  await page.screenshot({ path: path.join(SHOTS, 'map-basemap-chooser.png') });

  // MBTiles: chosen, fitted, its magenta tiles cover much of the map.
  await panel.getByRole('radio', { name: /Kenya coast patrol 2026/ }).check();
  await panel.getByRole('button', { name: 'Fit to basemap area' }).click();
  await expect(panel).toBeHidden();
  await expect(map).toHaveAttribute('data-tiles', 'loaded');
  await mapStill(map); // the view's move animation
  await expect(map).toHaveAttribute('data-tiles', 'loaded');
  expect(await share(map, MAGENTA)).toBeGreaterThan(0.2);
  expect(await share(map, TEAL)).toBe(0);
  // The map credits what it draws (G-MAP-3): Natural Earth and the file's own attribution.
  const credits = page.getByTestId('map-attribution').locator('span');
  await expect(credits).toHaveText(['Natural Earth (public domain)', 'Kenya coast patrol 2026: KWS survey']);

  // Remembered on this device: after a reload the same basemap is shown.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Basemap: Kenya coast patrol 2026' })).toBeVisible();

  // PMTiles, read through Range requests by the pmtiles package.
  panel = await openChooser(page, 'Kenya coast patrol 2026');
  await panel.getByRole('radio', { name: /gulf-of-guinea/ }).check();
  await panel.getByRole('button', { name: 'Fit to basemap area' }).click();
  await expect(map).toHaveAttribute('data-tiles', 'loaded');
  await mapStill(map);
  await expect(map).toHaveAttribute('data-tiles', 'loaded');
  expect(await share(map, TEAL)).toBeGreaterThan(0.2);
  // Two steps out: the file's area inside the built-in map around it.
  for (let i = 0; i < 2; i++) {
    await map.getByRole('button', { name: 'Zoom out' }).click();
    await mapStill(map); // each zoom animation ends before the next click
  }
  await expect(map).toHaveAttribute('data-tiles', 'loaded');
  await expect.poll(() => share(map, TEAL)).toBeLessThan(0.2);
  expect(await share(map, TEAL)).toBeGreaterThan(0.005);
  await expect(credits).toHaveText(['Natural Earth (public domain)', 'gulf-of-guinea (the file names no source)']);
  await page.screenshot({ path: path.join(SHOTS, 'map-basemap-pmtiles.png') });

  // Back to Natural Earth: no tiles.
  panel = await openChooser(page, 'gulf-of-guinea');
  await panel.getByRole('radio', { name: /Natural Earth/ }).check();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(map).not.toHaveAttribute('data-tiles', /./);
  expect(await share(map, TEAL)).toBe(0);
  await expect(credits).toHaveText(['Natural Earth (public domain)']);

  expect(offHost(requests, host.origin)).toEqual([]);
  expect(cspViolations).toEqual([]);
});

test('online tiles: an admin turns them on for the workspace; the map warns, the CSP names exactly that origin; off again', async ({ page, host, requests, cspViolations }) => {
  await openDemo(page, host);
  await page.getByRole('link', { name: 'Seizure map' }).click();
  const map = page.getByTestId('seizure-map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  const imgSrc = async (): Promise<string> => ((await page.request.get(`${host.origin}/`)).headers()['content-security-policy'] ?? '').split('; ').find((d) => d.startsWith('img-src'))!;
  expect(await imgSrc()).toBe("img-src 'self' data: blob:");
  await expect(page.getByTestId('online-tiles-warning')).toHaveCount(0);

  // A plain-http template is refused with the reason, and nothing is saved.
  let panel = await openChooser(page, 'Natural Earth (built in)');
  await expect(panel).toContainText('Online tiles for this workspace');
  await panel.getByLabel(/Tile URL/).fill('http://tiles.example.invalid/{z}/{x}/{y}.png');
  // Without an attribution the button stays off and the form says why (tester s28 B9).
  const attributionField = panel.getByLabel('Attribution (required)');
  await expect(attributionField).toHaveValue('');
  await expect(panel.getByRole('button', { name: 'Turn on for everyone' })).toBeDisabled();
  await expect(attributionField).toHaveAccessibleDescription(/online tiles cannot be turned on without it/);
  await panel.locator('form.online-tiles-form').screenshot({ path: path.join(SHOTS, 'map-online-attribution-needed.png') });
  await attributionField.fill('Example tiles');
  await expect(panel.getByTestId('online-tiles-attribution-needed')).toHaveCount(0);
  // Clicked again if the first click came while the panel was still settling (seen once under load in CI).
  await expect(async () => {
    await panel.getByRole('button', { name: 'Turn on for everyone' }).click();
    await expect(panel.getByRole('alert')).toHaveText('The tile URL must start with https://.', { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  expect(await imgSrc()).toBe("img-src 'self' data: blob:");

  // https: saved, the page reloads with a CSP widened by exactly that origin, and the map warns.
  await panel.getByLabel(/Tile URL/).fill('https://tiles.example.invalid/{z}/{x}/{y}.png');
  await panel.getByRole('button', { name: 'Turn on for everyone' }).click();
  const warning = page.getByTestId('online-tiles-warning');
  await expect(warning).toContainText('every view asks tiles.example.invalid for its tiles, which tells that server which areas are being looked at');
  expect(await imgSrc()).toBe("img-src 'self' data: blob: https://tiles.example.invalid");
  await expect(page.getByTestId('map-attribution').locator('span')).toHaveText(['Natural Earth (public domain)', 'Example tiles (online)']);
  await expect(page.getByRole('complementary', { name: 'Map legend' })).toContainText('with online tiles from tiles.example.invalid, which learns the areas shown');
  await expect.poll(() => offHost(requests, host.origin).length).toBeGreaterThan(0);
  expect(new Set(offHost(requests, host.origin).map((u) => new URL(u).origin))).toEqual(new Set(['https://tiles.example.invalid']));
  await page.screenshot({ path: path.join(SHOTS, 'map-online-tiles.png') });

  // Off again: no warning, the CSP back to the app's own images.
  panel = await openChooser(page, 'Natural Earth (built in)');
  await panel.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByRole('button', { name: 'Basemap: Natural Earth (built in)' })).toBeVisible();
  await expect(warning).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Map legend' })).toContainText('no map data leaves this computer');
  expect(await imgSrc()).toBe("img-src 'self' data: blob:");
  expect(cspViolations).toEqual([]);
});
