/**
 * Waiting for the seizure map's view to stop moving (seizure-map.tsx sets `data-moving` on the
 * map container from Leaflet's movestart/zoomstart to its moveend): a fit after a filter, a
 * cluster's fly-to and the zoom buttons animate, and a marker pointed at, or a screenshot taken,
 * mid-animation is in the wrong place. Replaces fixed sleeps, which a loaded CI machine outlasts.
 */
import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Resolves once `map` (the `seizure-map` container) is not moving; fails after the expect timeout.
 * Two animation frames first: Leaflet starts an animated zoom (the zoom buttons, setView) in the
 * next frame, so right after the click nothing is moving yet (a second "Zoom out" clicked then
 * was lost: the CI run saw one step out instead of two).
 */
export async function mapStill(map: Locator): Promise<void> {
  await map.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await expect(map).not.toHaveAttribute('data-moving', /./);
}
