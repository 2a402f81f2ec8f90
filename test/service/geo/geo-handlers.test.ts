/**
 * `seizures.checkLocation` (service/geo/geo-handlers.ts) on the bundled Natural Earth polygons:
 * a point in the seizing country passes, a port just off its coast passes (tolerance), a point in
 * another country is flagged with the country it lies in, and open sea is flagged as no country.
 */
import { describe, expect, it } from 'vitest';
import { geoHandlers } from '../../../service/geo/geo-handlers';
import type { RpcContext } from '../../../service/rpc/types';

const check = (latitude: number, longitude: number, country: string) =>
  geoHandlers['seizures.checkLocation']({ workspaceId: '00000000-0000-4000-8000-000000000000', latitude, longitude, country }, {} as RpcContext) /* the check reads no context */;

describe('seizures.checkLocation', () => {
  it('passes a point in the seizing country and a port on its coast', async () => {
    expect(await check(-1.29, 36.82, 'KE')).toEqual({ countryAt: 'KE', nearCountry: true, toleranceKm: 25 });
    // Mombasa's harbour mouth, at sea just off the generalised coastline.
    expect(await check(-4.07, 39.7, 'KE')).toMatchObject({ nearCountry: true });
  });

  it('flags a point in another country or at open sea', async () => {
    expect(await check(-6.8, 39.28, 'KE')).toEqual({ countryAt: 'TZ', nearCountry: false, toleranceKm: 25 });
    expect(await check(-10, 60, 'KE')).toEqual({ countryAt: null, nearCountry: false, toleranceKm: 25 });
  });
});
