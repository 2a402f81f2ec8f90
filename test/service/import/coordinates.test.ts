/** Coordinates: decimal, hemisphere letters, DMS with ASCII and Unicode marks, DDM, pairs in one cell. */
import { describe, expect, it } from 'vitest';
import { parseCoordinate, parseCoordinatePair } from '../../../service/import/coordinates';

const lat = (raw: string) => {
  const r = parseCoordinate(raw, 'lat');
  return r.ok ? r.value : r.reason;
};
const lon = (raw: string) => {
  const r = parseCoordinate(raw, 'lon');
  return r.ok ? r.value : r.reason;
};
const pair = (raw: string) => {
  const r = parseCoordinatePair(raw);
  return r.ok ? [r.value.latitude, r.value.longitude] : r.reason;
};

describe('parseCoordinate', () => {
  it('reads decimal degrees with a point or a comma', () => {
    expect(lat('1.274')).toBe(1.274);
    expect(lat('1,274')).toBe(1.274);
    expect(lon('103,764')).toBe(103.764);
    expect(lat('-4.05')).toBe(-4.05);
    expect(lat('\u22124.05')).toBe(-4.05);
    expect(lon('39.6667°')).toBe(39.6667);
  });
  it('reads hemisphere letters before or after', () => {
    expect(lat('22.3526 N')).toBe(22.3526);
    expect(lon('114.1266 E')).toBe(114.1266);
    expect(lat('S 4.05')).toBe(-4.05);
    expect(lon('77.5W')).toBe(-77.5);
    expect(lat('4.05s')).toBe(-4.05);
  });
  it("reads DMS with ASCII marks: 1°16'26\"N and 4° 3' 0\" S", () => {
    expect(lat('1°16\'26"N')).toBeCloseTo(1.27389, 5);
    expect(lon('103°45\'50"E')).toBeCloseTo(103.76389, 5);
    expect(lat('4° 3\' 0" S')).toBe(-4.05);
    expect(lon('39° 40\' 0" E')).toBeCloseTo(39.66667, 5);
  });
  it('reads DMS with Unicode primes (U+2032, U+2033), typographic quotes, doubled apostrophes and º', () => {
    expect(lat('1°16′26″N')).toBeCloseTo(1.27389, 5);
    expect(lat('1°16’26”N')).toBeCloseTo(1.27389, 5);
    expect(lat("1°16'26''N")).toBeCloseTo(1.27389, 5);
    expect(lat('4º 3′ 0″ S')).toBe(-4.05);
  });
  it('reads degrees-decimal-minutes and space- or colon-separated DMS', () => {
    expect(lat("1°16.4333'N")).toBeCloseTo(1.27389, 5);
    expect(lat('1 16 26 N')).toBeCloseTo(1.27389, 5);
    expect(lon('103:45:50 E')).toBeCloseTo(103.76389, 5);
    expect(lat('-4 3 0')).toBe(-4.05);
  });
  it('refuses wrong letters, contradictions, bad minutes and values out of range', () => {
    expect(lat('103.7 E')).toBe("'103.7 E' has E on a latitude (use N or S)");
    expect(lon('1.2 N')).toBe("'1.2 N' has N on a longitude (use E or W)");
    expect(lat('-4.05 S')).toBe("'-4.05 S' has both a minus sign and S");
    expect(lat("1°75'N")).toBe("minutes must be below 60 in '1°75''");
    expect(lat('1°16\'60"N')).toBe('seconds must be below 60 in \'1°16\'60"\'');
    expect(lat('1.5°16\'N')).toBe("'1.5°16'N' is not a coordinate");
    expect(lat('123.5')).toBe('must be between -90 and 90 degrees');
    expect(lon('-180.5')).toBe('must be between -180 and 180 degrees');
    expect(lat('here')).toBe("'here' is not a coordinate");
  });
});

describe('parseCoordinatePair', () => {
  it('reads "lat, lon" in one cell in several spellings', () => {
    expect(pair('1.274, 103.764')).toEqual([1.274, 103.764]);
    expect(pair('1.274,103.764')).toEqual([1.274, 103.764]);
    expect(pair('1,274; 103,764')).toEqual([1.274, 103.764]);
    expect(pair('1,274, 103,764')).toEqual([1.274, 103.764]);
    expect(pair('-4.05 39.6667')).toEqual([-4.05, 39.6667]);
    expect(pair('(1.274, 103.764)')).toEqual([1.274, 103.764]);
  });
  it('reads lettered pairs in either order', () => {
    expect(pair('1°16′26″N 103°45′50″E')).toEqual([1.27388889, 103.76388889]);
    expect(pair('4° 3\' 0" S, 39° 40\' 0" E')).toEqual([-4.05, 39.66666667]);
    expect(pair('103.764 E, 1.274 N')).toEqual([1.274, 103.764]);
    expect(pair('N 1.274 E 103.764')).toEqual([1.274, 103.764]);
  });
  it('refuses what cannot be split or read, naming the half', () => {
    expect(pair('1,274,103,764')).toBe('\'1,274,103,764\' is not a "latitude, longitude" pair');
    expect(pair('1.274, 200')).toBe('longitude must be between -180 and 180 degrees');
    expect(pair('95, 10')).toBe('latitude must be between -90 and 90 degrees');
  });
});
