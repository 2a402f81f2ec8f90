/**
 * Map points for the map's unit tests and the P4 benchmark, generated deterministically (a
 * linear congruential generator, so every run draws the same points).
 */
import { CRIME_SECTORS } from '../../../shared/domain/codes';
import type { MapPoint } from '../../../shared/rpc/cases';

/** A point with defaults for every field but those given. */
export function point(over: Partial<MapPoint> & { id: string }): MapPoint {
  return {
    caseId: 'c1',
    latitude: 0,
    longitude: 0,
    seizureDate: '2020-01-15',
    datePrecision: 'day',
    sector: 'wildlife',
    commodity: 'ivory',
    taxon: '',
    quantity: 10,
    unit: 'kg',
    place: '',
    country: 'KE',
    reportedValue: null,
    reportedCurrency: null,
    sourceTitle: '',
    ...over,
  };
}

/** `n` points spread over the land-ish band of the world (lat −50…60), seeded by `seed`. */
export function generatePoints(n: number, seed = 1): MapPoint[] {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const commodities = ['ivory', 'pangolin scales', 'rosewood', 'shark fin', 'gold', 'e-waste', 'HCFC-22'];
  const out: MapPoint[] = [];
  for (let i = 0; i < n; i++) {
    const year = 2015 + Math.floor(rnd() * 10);
    const month = 1 + Math.floor(rnd() * 12);
    out.push(
      point({
        id: `p${i}`,
        caseId: `c${i % 5}`,
        latitude: -50 + rnd() * 110,
        longitude: -180 + rnd() * 360,
        seizureDate: `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
        sector: CRIME_SECTORS[Math.floor(rnd() * CRIME_SECTORS.length)]!,
        commodity: commodities[Math.floor(rnd() * commodities.length)]!,
        quantity: Math.round(rnd() * 5000),
      }),
    );
  }
  return out;
}
