/**
 * Issue 11 item 7, "click or drag to set a seizure's location", in real headless Chromium against
 * the browser-mode host: "Set on map" opens pick mode (crosshair, banner) on the seizing country; Escape leaves it and
 * keeps the dialog; a click sets the point, shown with the decimals its zoom justifies and the
 * importer's country flag (a point far from Singapore); saving writes it, and the detail shows it.
 * Then the saved marker is dragged: the new point is east of the old one and saved too.
 * On the case map tab itself, "Move on map" from a marker's popup: its pin is dragged (the
 * country flag shows; Cancel writes nothing), then "Move on map" again and a click on the map,
 * confirmed with Save location: the seizure's detail shows the new point.
 * Screenshots docs/screenshots/map-set-location.png and map-move-seizure.png are looked at.
 */
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect, repoRoot } from './fixtures';
import { addSeizure, newCase } from './hardening-helpers';
import { mapStill } from './map-still';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

/** "12.3° N, 45.6° E" → [12.3, 45.6] (S and W negative). */
function parseCoordinates(text: string): [number, number] {
  const m = /([\d.]+)° ([NS]), ([\d.]+)° ([EW])/.exec(text);
  if (!m) throw new Error(`no coordinates in ${text}`);
  return [Number(m[1]) * (m[2] === 'S' ? -1 : 1), Number(m[3]) * (m[4] === 'W' ? -1 : 1)];
}

/** The detail's coordinates, as the detail formats them (four decimals). */
const fourDecimals = ([lat, lon]: [number, number]): string => `${Math.abs(lat).toFixed(4)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(4)}° ${lon >= 0 ? 'E' : 'W'}`;

async function openPicker(detail: Locator): Promise<Locator> {
  await detail.getByRole('button', { name: 'Set on map' }).click();
  const dialog = detail.page().getByRole('dialog', { name: /Set the location of/ });
  await expect(dialog.getByTestId('pick-map')).toHaveAttribute('data-basemap', 'ready');
  return dialog;
}

test('a seizure’s location is set by a click on the map, then moved by dragging its marker', async ({ page, host }) => {
  await newCase(page, host);
  await addSeizure(page, 'pangolin scales', '12');
  await page.getByRole('tab', { name: /Seizures/ }).click();
  await page.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'pangolin scales' }).click();
  const detail = page.getByRole('complementary', { name: 'pangolin scales' });
  await expect(detail).toContainText('Not mapped');

  // Pick mode: banner and crosshair; Escape leaves it but keeps the dialog.
  let dialog = await openPicker(detail);
  const map = dialog.getByTestId('pick-map');
  await expect(dialog.getByTestId('pick-banner')).toBeVisible();
  await expect(map).toHaveClass(/map-picking/);
  await expect(map).toHaveCSS('cursor', 'crosshair');
  await page.keyboard.press('Escape');
  await expect(dialog.getByTestId('pick-banner')).toBeHidden();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Pick on the map' }).click();

  // The map opened on the seizing country, Singapore (zoom 8). A click 200 px east of its centre
  // (0.0055° a pixel: ~1.1°, past Bintan) sets the point with three decimals, flagged as far outside Singapore.
  await expect(map).toHaveAttribute('data-opened-on', 'SG');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2 + 200, box.y + box.height / 2 + 20);
  const shown = dialog.getByTestId('picked-coordinates');
  await expect(shown).toHaveText(/^\d+\.\d{3}° [NS], \d+\.\d{3}° [EW]$/);
  await expect(dialog.getByTestId('pick-banner')).toBeHidden();
  await expect(map).not.toHaveClass(/map-picking/);
  await expect(dialog.getByTestId('pick-country-flag')).toContainText('more than 25 km outside the seizing country, Singapore');
  await expect(dialog.getByLabel('Location precision')).toHaveValue('region');
  const clicked = parseCoordinates(await shown.innerText());
  await dialog.getByRole('button', { name: 'Save location' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail).toContainText(`${fourDecimals(clicked)} (region`);

  // Drag the saved marker 120 px east: the point moves east (zoom 8: 0.0055° a pixel) and is saved.
  dialog = await openPicker(detail);
  await expect(dialog.getByTestId('pick-banner')).toBeHidden();
  const pin = dialog.locator('.pick-pin');
  const at = (await pin.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  for (let s = 1; s <= 12; s++) await page.mouse.move(at.x + at.width / 2 + s * 10, at.y + at.height / 2);
  await page.mouse.up();
  await expect(shown).toHaveText(/^\d+\.\d{3}° [NS], \d+\.\d{3}° [EW]$/);
  const dragged = parseCoordinates(await shown.innerText());
  expect(dragged[1] - clicked[1]).toBeGreaterThan(0.5);
  expect(dragged[1] - clicked[1]).toBeLessThan(0.8);
  expect(Math.abs(dragged[0] - clicked[0])).toBeLessThan(0.1);
  await expect(dialog).toContainText(`Was ${fourDecimals(clicked)}`);
  await dialog.getByLabel('Location precision').selectOption('exact');
  await page.screenshot({ path: path.join(SHOTS, 'map-set-location.png') });
  await dialog.getByRole('button', { name: 'Save location' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail).toContainText(`${fourDecimals(dragged)} (exact`);
});

test('on the case map tab, a seizure is moved by dragging its pin or clicking the map, and saved only when confirmed', async ({ page, host, cspViolations }) => {
  await newCase(page, host);
  await page.getByRole('button', { name: 'Add seizure' }).click();
  const form = page.getByRole('dialog', { name: 'Add a seizure' });
  await form.getByLabel('Commodity').fill('rosewood logs');
  await form.getByLabel('Quantity').fill('3');
  await form.getByLabel('Unit').selectOption('t');
  await form.getByLabel('Seizing country').selectOption('SG');
  await form.getByLabel('Latitude').fill('1.274');
  await form.getByLabel('Longitude').fill('103.8');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await expect(form).toBeHidden();

  await page.getByRole('tab', { name: /Map/ }).click();
  const map = page.getByTestId('seizure-map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  const marker = map.locator('path.seizure-marker');
  await expect(marker).toHaveCount(1);
  await mapStill(map); // the fitted view settles
  const card = page.getByTestId('move-card');
  // The popup is opened again if its button was clicked while the popup was being rebuilt
  // (seen once in CI under load: the card never came).
  await expect(async () => {
    if (!(await page.locator('.leaflet-popup').isVisible())) await marker.click();
    await page.locator('.leaflet-popup').getByRole('button', { name: 'Move on map' }).click({ timeout: 5000 });
    await expect(card).toContainText('Moving “rosewood logs”: drag its red marker', { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await expect(card.getByRole('button', { name: 'Save location' })).toBeDisabled();
  await expect(map).toHaveClass(/map-picking/);

  // Drag the pin 100 px east (zoom 6: 0.022° a pixel, so ~2.2°): outside Singapore's 25 km, so flagged. Cancel writes nothing.
  const pin = map.locator('.pick-pin');
  const at = (await pin.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  for (let s = 1; s <= 10; s++) await page.mouse.move(at.x + at.width / 2 + s * 10, at.y + at.height / 2);
  await page.mouse.up();
  const shown = card.getByTestId('picked-coordinates');
  await expect(shown).toHaveText(/^\d+\.\d{2}° N, \d+\.\d{2}° E$/);
  const dragged = parseCoordinates(await shown.innerText());
  expect(dragged[1] - 103.8).toBeGreaterThan(2.0);
  expect(dragged[1] - 103.8).toBeLessThan(2.4);
  await expect(card.getByTestId('pick-country-flag')).toContainText('outside the seizing country, Singapore');
  await expect(card).toContainText('Was 1.2740° N, 103.8000° E');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toHaveCount(0);
  await expect(pin).toHaveCount(0);
  await expect(map).not.toHaveClass(/map-picking/);

  // "Move on map" again, then a click 40 px west of the marker; confirmed with Save location.
  await marker.click();
  await page.locator('.leaflet-popup').getByRole('button', { name: 'Move on map' }).click();
  const m = (await marker.boundingBox())!;
  await page.mouse.click(m.x + m.width / 2 - 40, m.y + m.height / 2 + 10);
  await expect(shown).toHaveText(/^\d+\.\d{2}° N, \d+\.\d{2}° E$/);
  const clicked = parseCoordinates(await shown.innerText());
  expect(103.8 - clicked[1]).toBeGreaterThan(0.75);
  expect(103.8 - clicked[1]).toBeLessThan(1.0);
  await card.getByLabel('Location precision').selectOption('port');
  await page.screenshot({ path: path.join(SHOTS, 'map-move-seizure.png') });
  await card.getByRole('button', { name: 'Save location' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByText(/^Location saved: /)).toBeVisible();

  await page.getByRole('tab', { name: /Seizures/ }).click();
  await page.getByRole('table', { name: 'Seizures' }).locator('tbody tr').filter({ hasText: 'rosewood logs' }).click();
  await expect(page.getByRole('complementary', { name: 'rosewood logs' })).toContainText(`${fourDecimals(clicked)} (port`);
  expect(cspViolations).toEqual([]);
});
