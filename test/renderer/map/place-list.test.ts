// @vitest-environment happy-dom
/**
 * The list of a place's seizures (renderer/src/map/place-list.ts) over the page's own points:
 * 250 seizures listed 100 at a time, "Show N more" until every one is listed exactly once, a
 * search narrowing the list to those matching every word, and a search matching nothing said so.
 */
import { describe, expect, it } from 'vitest';
import { localPlaceSource, placeList } from '../../../renderer/src/map/place-list';
import type { MapPoint } from '../../../shared/rpc/cases';
import { generatePoints } from './map-points';

/** Lets the list's page promises and its search timer settle. */
const settle = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('placeList', () => {
  it('lists 250 seizures a page at a time until each is listed once, and searches them', async () => {
    const points = generatePoints(250, 9).map((p) => ({ ...p, place: 'Quay 7' }));
    const picked: MapPoint[] = [];
    const list = placeList(localPlaceSource(points), (p) => picked.push(p));
    document.body.append(list.element);
    await settle();
    const root = list.element;
    const items = (): HTMLButtonElement[] => [...root.querySelectorAll<HTMLButtonElement>('.map-place-item')];
    const status = (): string => root.querySelector('.map-place-list-status')!.textContent!;
    const more = root.querySelector<HTMLButtonElement>('.map-place-more')!;
    expect(root.querySelector('.map-place-list-head')!.textContent).toBe('250 seizures at Quay 7');
    expect(items()).toHaveLength(100);
    expect(status()).toBe('100 of 250 seizures listed');
    expect(more.textContent).toBe('Show 100 more');
    more.click();
    await settle();
    expect(items()).toHaveLength(200);
    expect(more.textContent).toBe('Show 50 more');
    more.click();
    await settle();
    expect(items()).toHaveLength(250);
    expect(status()).toBe('250 of 250 seizures listed');
    expect(more.hidden).toBe(true);
    // Each listed once: picking every button names every point once.
    for (const b of items()) b.click();
    expect(new Set(picked.map((p) => p.id)).size).toBe(250);

    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'Gold 2019';
    search.dispatchEvent(new Event('input'));
    await settle(400);
    const gold2019 = points.filter((p) => p.commodity === 'gold' && p.seizureDate.startsWith('2019'));
    expect(gold2019.length).toBeGreaterThan(0);
    expect(items()).toHaveLength(gold2019.length);
    expect(status()).toBe(`${gold2019.length} of ${gold2019.length} ${gold2019.length === 1 ? 'seizure' : 'seizures'} listed`);
    search.value = 'platinum';
    search.dispatchEvent(new Event('input'));
    await settle(400);
    expect(items()).toHaveLength(0);
    expect(status()).toBe('No seizure here matches “platinum”.');
  });
});
