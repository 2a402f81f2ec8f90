/**
 * Issue 11 item 7 in real headless Chromium against the browser-mode host: seven seizures at one
 * port are one counted cluster whose seizures open one by one; the filters, the legend's sector
 * toggle and the time slider narrow the "N of M seizures shown" count; the heat layer toggles;
 * the view exports as a real, non-blank PNG of the map's size. Screenshots
 * docs/screenshots/map-clusters.png and map-filters.png are saved and looked at.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, expect, repoRoot } from './fixtures';
import { newCase } from './hardening-helpers';
import { mapStill } from './map-still';

const SHOTS = path.join(repoRoot, 'docs/screenshots');
const PORT = '1.2653,103.7725'; // Pasir Panjang terminal, Singapore
const CSV = [
  'seizure_date,country_iso2,place,commodity,taxon,quantity,unit,sector,latitude,longitude',
  ...[
    ['2019-04-03', 'pangolin scales', 'Manis tricuspis', '12.7', 't'],
    ['2019-04-08', 'pangolin scales', 'Manis tricuspis', '12.9', 't'],
    ['2019-07-21', 'elephant ivory', 'Loxodonta africana', '8.8', 't'],
    ['2020-01-14', 'pangolin scales', 'Manis gigantea', '4.2', 't'],
    ['2020-06-02', 'rhino horn', 'Diceros bicornis', '34', 'kg'],
    ['2020-11-19', 'elephant ivory', 'Loxodonta africana', '3.1', 't'],
  ].map(([d, c, tx, q, u]) => `${d},SG,Pasir Panjang,${c},${tx},${q},${u},wildlife,${PORT}`),
  `2021-02-10,SG,Pasir Panjang,rosewood logs,Dalbergia cochinchinensis,40,m3,forestry,${PORT}`,
  '2019-09-12,MY,Port Klang,pangolin scales,Manis javanica,2.1,t,wildlife,3.0006,101.3922',
  '2020-03-05,ID,Tanjung Priok,shark fin,,1.4,t,fisheries,-6.1045,106.8865',
  '2021-05-30,VN,Hai Phong,rosewood logs,Dalbergia oliveri,120,m3,forestry,20.8449,106.6881',
  '2021-08-17,HK,Kwai Chung,elephant ivory,Loxodonta africana,2.6,t,wildlife,22.3526,114.1290',
].join('\n');

/** Width and height from a PNG's IHDR, and whether its pixels vary (not one flat colour). */
function readPng(buf: Buffer): { width: number; height: number; distinctBytes: number } {
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    if (buf.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  return { width, height, distinctBytes: new Set(raw).size };
}

test('seven seizures at one port are counted and open one by one; filters, legend, time slider, heat and PNG export work', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 960 });
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'asia-ports.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await imp.getByRole('button', { name: /Import 11 seizures/ }).click();
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: /Map/ }).click();
  const map = page.getByTestId('seizure-map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  await expect(map).toHaveAttribute('data-shown', '11');
  const shown = page.getByTestId('map-shown');
  await expect(shown).toHaveText('11 of 11 seizures shown');

  // At the fitted view Port Klang (~34 px from the port) shares the port's bubble: the cluster
  // radius is 1.5 × the largest bubble, so bubbles never cover each other (issue 11).
  const both = map.locator('.map-cluster', { hasText: /^8$/ });
  await expect(both).toHaveCount(1);
  await expect(map.locator('path.seizure-marker')).toHaveCount(3);
  await mapStill(map); // the fit-bounds animation settles
  await page.screenshot({ path: path.join(SHOTS, 'map-clusters.png') });
  // A click zooms to where they split: the port's seven are one badge counting 7, Port Klang single.
  await both.click();
  const port = map.locator('.map-cluster', { hasText: /^7$/ });
  await expect(port).toHaveCount(1);
  await mapStill(map); // the zoom animation settles

  // No zoom separates them: a click lists them, and each opens in turn.
  await port.click();
  const popup = page.locator('.leaflet-popup');
  await expect(popup).toHaveCount(1);
  await expect(popup.locator('.map-place-list-head')).toHaveText('7 seizures at Pasir Panjang');
  await expect(popup.locator('.map-place-item')).toHaveCount(7);
  await popup.locator('.map-place-item').nth(2).click();
  await expect(popup.locator('.map-popup-title')).toHaveText('elephant ivory');
  await expect(popup.locator('.map-popup-taxon')).toHaveText('Loxodonta africana');
  await popup.getByRole('button', { name: 'Back to the list (7)' }).click();
  await popup.locator('.map-place-item').nth(6).click();
  await expect(popup.locator('.map-popup-title')).toHaveText('rosewood logs');
  await popup.getByRole('button', { name: 'Open seizure' }).click();
  await expect(page).toHaveURL(/\/seizures\//);
  await page.getByRole('tab', { name: /Map/ }).click();
  await expect(map).toHaveAttribute('data-shown', '11');

  // Filters: commodity, species, country; each narrows the count.
  const filters = page.getByRole('region', { name: 'Map filters' });
  await filters.getByLabel('Commodity').selectOption('elephant ivory');
  await expect(shown).toHaveText('3 of 11 seizures shown');
  await expect(map).toHaveAttribute('data-shown', '3');
  await filters.getByLabel('Commodity').selectOption('');
  await filters.getByLabel('Species').selectOption('Manis tricuspis');
  await expect(shown).toHaveText('2 of 11 seizures shown');
  await filters.getByLabel('Species').selectOption('');
  await filters.getByLabel('Country').selectOption('SG');
  await expect(shown).toHaveText('7 of 11 seizures shown');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(shown).toHaveText('11 of 11 seizures shown');

  // The legend doubles as a filter: wildlife hidden, then shown again.
  const legend = page.getByRole('complementary', { name: 'Map legend' });
  await legend.getByRole('button', { name: 'Wildlife' }).click();
  await expect(legend.getByRole('button', { name: 'Wildlife' })).toHaveAttribute('aria-pressed', 'false');
  await expect(shown).toHaveText('3 of 11 seizures shown');
  await expect(map.locator('.map-cluster', { hasText: /^7$/ })).toHaveCount(0);

  // The time slider: 2019-04 … 2021-08 is 29 months; from 2020-01 on, with wildlife still hidden.
  const range = page.getByTestId('map-time-range');
  await expect(range).toHaveText('Apr 2019 – Aug 2021');
  await filters.getByLabel('From').fill('9');
  await expect(range).toHaveText('Jan 2020 – Aug 2021');
  await expect(shown).toHaveText('3 of 11 seizures shown'); // shark fin 2020, rosewood 2021 ×2
  await filters.getByLabel('To').fill('17');
  await expect(range).toHaveText('Jan 2020 – Sep 2020');
  await expect(shown).toHaveText('1 of 11 seizures shown');
  await legend.getByRole('button', { name: 'Wildlife' }).click();
  await expect(shown).toHaveText('3 of 11 seizures shown'); // + pangolin Jan 2020, rhino horn Jun 2020

  // The heat layer.
  await filters.getByRole('button', { name: 'Heat map' }).click();
  await expect(map).toHaveAttribute('data-heat', 'on');
  await expect(filters.getByRole('button', { name: 'Heat map' })).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, 'map-filters.png') });

  // The view as PNG: a download in browser mode, of the map's size × device pixel ratio, not blank.
  const box = (await map.boundingBox())!;
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  const [download] = await Promise.all([page.waitForEvent('download'), filters.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^SGNEST-\d{4}-\d+-map-TLP-[A-Z-]+\.png$/);
  const pngBytes = fs.readFileSync((await download.path())!);
  // The exported file itself, looked at: the case's TLP marking heads its legend box.
  fs.writeFileSync(path.join(SHOTS, 'map-export-png.png'), pngBytes);
  const png = readPng(pngBytes);
  // The map at its size, and the legend panel beside it (never over the map: F7, session 27).
  expect(png.width).toBe(Math.round((box.width + 300) * dpr)); // map-png.ts PNG_PANEL_PX
  expect(png.height).toBeGreaterThanOrEqual(Math.round(box.height * dpr));
  expect(png.distinctBytes).toBeGreaterThan(64);
  await filters.getByRole('button', { name: 'Heat map' }).click();
  await expect(map).not.toHaveAttribute('data-heat', 'on');
});
