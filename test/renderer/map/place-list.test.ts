// @vitest-environment happy-dom
/**
 * The list of a place's seizures (renderer/src/map/place-list.ts) over the page's own points:
 * 250 seizures listed 100 at a time, "Show N more" until every one is listed exactly once, a
 * search narrowing the list to those matching every word, and a search matching nothing said so.
 * Titled by the place only when every seizure is at it: one place names it (a seizure without a
 * place by its country), several are counted ("at 3 places in this area") with each row naming
 * its own place, and found by a search for a place's name.
 */
import { describe, expect, it } from 'vitest';
import { localPlaceSource, placeList } from '../../../renderer/src/map/place-list';
import type { MapPoint } from '../../../shared/rpc/cases';
import { generatePoints, point } from './map-points';

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

  it('titles one place by its name, with no place repeated on the rows and a search box not claiming a place', async () => {
    const points = generatePoints(12, 4).map((p) => ({ ...p, place: 'Berth 3', country: 'SG' }));
    const source = localPlaceSource(points);
    expect(source.places).toBe(1);
    const list = placeList(source, () => undefined);
    await settle();
    expect(list.element.querySelector('.map-place-list-head')!.textContent).toBe('12 seizures at Berth 3');
    expect(list.element.querySelectorAll('.map-place-item')).toHaveLength(12);
    expect(list.element.querySelectorAll('.map-place-item-place')).toHaveLength(0);
    const search = list.element.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(search.placeholder).toBe('Find in this list…');
    expect(search.getAttribute('aria-label')).toBe('Find by commodity, species, date, place or country');
  });

  it('titles several places by their count, not by the first seizure\'s place, and each row names its own', async () => {
    // Four March 2019 seizures at three berths of one port: the first one's berth is not all of theirs.
    const points = [
      point({ id: 'a', seizureDate: '2019-03-02', commodity: 'pangolin scales', place: 'Port 28', country: 'SG' }),
      point({ id: 'b', seizureDate: '2019-03-09', commodity: 'elephant ivory', place: 'Port 32', country: 'SG' }),
      point({ id: 'c', seizureDate: '2019-03-17', commodity: 'rosewood logs', place: 'Port 28', country: 'SG' }),
      point({ id: 'd', seizureDate: '2019-03-28', commodity: 'shark fin', place: 'Port 40', country: 'SG' }),
    ];
    const source = localPlaceSource(points);
    expect(source.places).toBe(3);
    const list = placeList(source, () => undefined);
    const head = list.element.querySelector('.map-place-list-head')!;
    // Said before the first page arrives, and kept after it.
    expect(head.textContent).toBe('4 seizures at 3 places in this area');
    await settle();
    expect(head.textContent).toBe('4 seizures at 3 places in this area');
    const rows = [...list.element.querySelectorAll('.map-place-item')];
    expect(rows.map((r) => r.querySelector('.map-place-item-main')!.textContent)).toEqual(['pangolin scales', 'elephant ivory', 'rosewood logs', 'shark fin']);
    expect(rows.map((r) => r.querySelector('.map-place-item-place')!.textContent)).toEqual(['Port 28', 'Port 32', 'Port 28', 'Port 40']);
    expect(rows[1]!.querySelector('.map-place-item-sub')!.textContent).toBe('9 Mar 2019 · 10 kg · Port 32');
  });

  it('names a seizure without a place by its country: one country is the title, beside a named place it is a place of its own', async () => {
    const unnamed = [point({ id: 'a', place: '', country: 'TZ' }), point({ id: 'b', place: '', country: 'TZ', seizureDate: '2020-02-01' })];
    const one = placeList(localPlaceSource(unnamed), () => undefined);
    await settle();
    expect(one.element.querySelector('.map-place-list-head')!.textContent).toBe('2 seizures in Tanzania');

    const mixed = [...unnamed, point({ id: 'c', place: 'Dar es Salaam port', country: 'TZ', seizureDate: '2020-03-01' })];
    const source = localPlaceSource(mixed);
    expect(source.places).toBe(2);
    const list = placeList(source, () => undefined);
    await settle();
    expect(list.element.querySelector('.map-place-list-head')!.textContent).toBe('3 seizures at 2 places in this area');
    expect([...list.element.querySelectorAll('.map-place-item-place')].map((e) => e.textContent)).toEqual(['Tanzania', 'Tanzania', 'Dar es Salaam port']);
  });

  it('finds the seizures of one place of several by its name', async () => {
    const points = generatePoints(30, 5).map((p, i) => ({ ...p, place: ['North quay', 'South quay', 'Ferry berth'][i % 3]!, country: 'KE' }));
    const list = placeList(localPlaceSource(points), () => undefined);
    await settle();
    expect(list.element.querySelector('.map-place-list-head')!.textContent).toBe('30 seizures at 3 places in this area');
    const search = list.element.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'south quay';
    search.dispatchEvent(new Event('input'));
    await settle(400);
    const places = [...list.element.querySelectorAll('.map-place-item-place')].map((e) => e.textContent);
    expect(places).toHaveLength(10);
    expect(new Set(places)).toEqual(new Set(['South quay']));
    expect(list.element.querySelector('.map-place-list-status')!.textContent).toBe('10 of 10 seizures listed');
  });
});
