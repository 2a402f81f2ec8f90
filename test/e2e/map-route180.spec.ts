/**
 * Tester B5 and B7, session 28, in real headless Chromium against the browser-mode host: a patrol
 * track across 180° (Suva 178.45 → Lau 179.40 → −179.80 → −178.90) is drawn as one continuous
 * polyline in the fitted view, with the Natural Earth land on both sides of 180° (the basemap's
 * copy east of it: the Lau group); and "Set on map" for a seizure seized in Fiji without
 * coordinates opens on Fiji, across 180°, not on the world. Screenshots
 * docs/screenshots/map-route-180.png and map-pick-fiji.png are looked at.
 */
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect, repoRoot } from './fixtures';
import { newCase } from './hardening-helpers';
import { mapStill } from './map-still';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

const GPX = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="tester" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Patrol Lau group night 1</name>
    <trkseg>
      <trkpt lat="-18.10" lon="178.45"><time>2024-03-11T22:00:00Z</time></trkpt>
      <trkpt lat="-17.80" lon="179.40"><time>2024-03-12T01:30:00Z</time></trkpt>
      <trkpt lat="-17.60" lon="-179.80"><time>2024-03-12T04:10:00Z</time></trkpt>
      <trkpt lat="-17.20" lon="-178.90"><time>2024-03-12T07:45:00Z</time></trkpt>
    </trkseg>
  </trk>
</gpx>
`;

/** How many basemap canvas pixels in the container's horizontal band [from, to] (fractions of its width) are land (#f7f5f0). */
async function landPixels(map: Locator, from: number, to: number): Promise<number> {
  return map.evaluate(
    (el, [a, b]) => {
      const c = el.querySelector<HTMLCanvasElement>('.leaflet-basemap-pane canvas');
      if (!c) return -1;
      const cr = c.getBoundingClientRect();
      const mr = el.getBoundingClientRect();
      const k = c.width / cr.width;
      const x0 = Math.round((mr.left + mr.width * a! - cr.left) * k);
      const x1 = Math.round((mr.left + mr.width * b! - cr.left) * k);
      const y0 = Math.round((mr.top - cr.top) * k);
      const y1 = Math.round((mr.bottom - cr.top) * k);
      const data = c.getContext('2d')!.getImageData(x0, y0, x1 - x0, y1 - y0).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 247 && data[i + 1] === 245 && data[i + 2] === 240) n++;
      return n;
    },
    [from, to],
  );
}

test('a patrol across 180° is one continuous line in the fitted view, with land on both sides of 180°', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imp = page.getByRole('dialog', { name: /Import seizures/ });
  await imp.getByTestId('import-file').setInputFiles({ name: 'patrol.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(GPX) });
  await imp.getByRole('button', { name: /Import 1 route/ }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText('1 route');
  await report.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: /Map/ }).click();
  const map = page.getByTestId('seizure-map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  const line = map.locator('path.route-line');
  await expect(line).toHaveCount(1);
  await mapStill(map);
  // The fitted view is centred near 180°: the basemap's copy east of it is drawn.
  await expect(map).toHaveAttribute('data-basemap-copies', '0 360');

  // One subpath (one M) through all four points, spread across the view (not a stub at its edge).
  const d = (await line.getAttribute('d'))!;
  expect(d.match(/M/g)).toHaveLength(1);
  const xs = [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[1]));
  expect(xs).toHaveLength(4);
  for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!); // eastwards, no jump back
  const box = (await map.boundingBox())!;
  const pathBox = (await line.boundingBox())!;
  expect(pathBox.x).toBeGreaterThan(box.x);
  expect(pathBox.x + pathBox.width).toBeLessThan(box.x + box.width);
  expect(pathBox.width).toBeGreaterThan(200); // 2.65° at the fit's zoom cap, 7: ~241 px

  // Land west of 180° (Viti Levu, Vanua Levu) and east of it (the Lau group, from the copy at +360°).
  expect(await landPixels(map, 0, 0.45)).toBeGreaterThan(500);
  expect(await landPixels(map, 0.62, 1)).toBeGreaterThan(20);
  await page.screenshot({ path: path.join(SHOTS, 'map-route-180.png') });
});

test('Set on map for a seizure seized in Fiji without coordinates opens on Fiji, across 180°', async ({ page, host }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Add seizure' }).click();
  const form = page.getByRole('dialog', { name: 'Add a seizure' });
  await form.getByLabel('Commodity').fill('turtle shell');
  await form.getByLabel('Seizing country').selectOption('FJ');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form).toBeHidden();
  await page.getByRole('tab', { name: /Seizures/ }).click();
  await page.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'turtle shell' }).click();
  const detail = page.getByRole('complementary', { name: 'turtle shell' });
  await detail.getByRole('button', { name: 'Set on map' }).click();
  const dialog = page.getByRole('dialog', { name: /Set the location of/ });
  const map = dialog.getByTestId('pick-map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  await expect(map).toHaveAttribute('data-opened-on', 'FJ');
  await expect(map).toHaveAttribute('data-basemap-copies', '0 360');
  expect(await landPixels(map, 0.3, 0.6)).toBeGreaterThan(500);

  // A click in the middle is in Fiji's waters, within the country check's tolerance: no flag.
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const shown = dialog.getByTestId('picked-coordinates');
  await expect(shown).toHaveText(/° S, 1\d\d\.\d+° [EW]$/);
  await expect(dialog.locator('.pick-pin')).toBeInViewport();
  await page.screenshot({ path: path.join(SHOTS, 'map-pick-fiji.png') });
});
