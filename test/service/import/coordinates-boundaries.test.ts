/**
 * Coordinate parsing at its boundaries (service/import/coordinates.ts), aimed at the mutants that
 * misread a position silently (issue 16, docs/testing.md): range ends, 60 minutes or seconds,
 * signs against hemisphere letters, fractions in the wrong place, and how a pair cell is split.
 */
import { describe, expect, it } from 'vitest';
import { parseCoordinate, parseCoordinatePair } from '../../../service/import/coordinates';

const c = (raw: string, axis: 'lat' | 'lon') => {
  const r = parseCoordinate(raw, axis);
  return r.ok ? r.value : r.reason;
};
const pair = (raw: string) => {
  const r = parseCoordinatePair(raw);
  return r.ok ? [r.value.latitude, r.value.longitude] : r.reason;
};

describe('parseCoordinate boundaries', () => {
  it('accepts the range ends and refuses just beyond them', () => {
    expect(c('90', 'lat')).toBe(90);
    expect(c('-90', 'lat')).toBe(-90);
    expect(c('90.0000001', 'lat')).toBe('must be between -90 and 90 degrees');
    expect(c('-90.0000001', 'lat')).toBe('must be between -90 and 90 degrees');
    expect(c('180', 'lon')).toBe(180);
    expect(c('-180', 'lon')).toBe(-180);
    expect(c('100', 'lon')).toBe(100);
    expect(c('180.0000001', 'lon')).toBe('must be between -180 and 180 degrees');
    expect(c('91 N', 'lat')).toBe('must be between -90 and 90 degrees');
  });

  it('minutes and seconds must be below 60; only the last number may have a fraction', () => {
    expect(c("1°59'59.9\"N", 'lat')).toBe(1.99997222);
    expect(c("1°60'N", 'lat')).toBe("minutes must be below 60 in '1°60''");
    expect(c("1°16'60\"N", 'lat')).toBe("seconds must be below 60 in '1°16'60\"'");
    expect(c("1°16.433'N", 'lat')).toBe(1.27388333);
    expect(c("1.5°16'", 'lat')).toBe("'1.5°16'' is not a coordinate");
    expect(c("1°16.5'26\"", 'lat')).toBe("'1°16.5'26\"' is not a coordinate");
    expect(c('1:16:26 N', 'lat')).toBe(1.27388889);
    expect(c('4 3 0 S', 'lat')).toBe(-4.05);
    expect(c('1 2 3 4', 'lat')).toBe("'1 2 3 4' is not a coordinate");
    expect(c("1'16°", 'lat')).toBe("'1'16°' is not a coordinate");
    expect(c('1°16"', 'lat')).toBe("'1°16\"' is not a coordinate");
    expect(c('1,5', 'lat')).toBe(1.5);
    expect(c('1.2.3', 'lat')).toBe("'1.2.3' is not a coordinate");
    expect(c('N', 'lat')).toBe("'N' is not a coordinate");
    expect(c('  ', 'lat')).toBe('is empty');
  });

  it('hemisphere letters: axis, case, position, and a sign that contradicts them', () => {
    expect(c('N 22.35', 'lat')).toBe(22.35);
    expect(c('s22.35', 'lat')).toBe(-22.35);
    expect(c('22.35 S', 'lat')).toBe(-22.35);
    expect(c('10 w', 'lon')).toBe(-10);
    expect(c('E10', 'lon')).toBe(10);
    expect(c('+22.35 S', 'lat')).toBe(-22.35);
    expect(c('-22.35 S', 'lat')).toBe("'-22.35 S' has both a minus sign and S");
    expect(c('W -10', 'lon')).toBe("'W -10' has both a minus sign and W");
    expect(c('-22.35 N', 'lat')).toBe(-22.35);
    expect(c('E 10', 'lat')).toBe("'E 10' has E on a latitude (use N or S)");
    expect(c('10 S', 'lon')).toBe("'10 S' has S on a longitude (use E or W)");
    expect(c('\u221210.5', 'lon')).toBe(-10.5);
    expect(Object.is(c('-0', 'lat'), 0)).toBe(true);
    expect(Object.is(c('0 S', 'lat'), 0)).toBe(true);
  });
});

describe('parseCoordinatePair splitting', () => {
  it('splits on a semicolon, on letters, on ", ", on one comma, on one space', () => {
    expect(pair('1.274, 103.764')).toEqual([1.274, 103.764]);
    expect(pair('1,274; 103,764')).toEqual([1.274, 103.764]);
    expect(pair('1.274,103.764')).toEqual([1.274, 103.764]);
    expect(pair('1.274 103.764')).toEqual([1.274, 103.764]);
    expect(pair('(1.274, 103.764)')).toEqual([1.274, 103.764]);
    expect(pair('[ -1.5 , 2.5 ]')).toEqual([-1.5, 2.5]);
    expect(pair('N 1.2 E 103.7')).toEqual([1.2, 103.7]);
    expect(pair('1.2 N, 103.7 E')).toEqual([1.2, 103.7]);
    expect(pair('103.7 E, 1.2 S')).toEqual([-1.2, 103.7]);
    expect(pair("1°16'26\"N 103°45'50\"E")).toEqual([1.27388889, 103.76388889]);
  });
  it('refuses cells it cannot split unambiguously, and names the half that failed', () => {
    expect(pair('1.274;103.764;5')).toBe("'1.274;103.764;5' is not a \"latitude, longitude\" pair");
    expect(pair('1,2,3')).toBe("'1,2,3' is not a \"latitude, longitude\" pair");
    expect(pair('1 2 3')).toBe("'1 2 3' is not a \"latitude, longitude\" pair");
    expect(pair('1.274')).toBe("'1.274' is not a \"latitude, longitude\" pair");
    expect(pair('95, 10')).toBe('latitude must be between -90 and 90 degrees');
    expect(pair('10, 190')).toBe('longitude must be between -180 and 180 degrees');
    expect(pair('10 E, 20 E')).toBe("latitude '10 E' has E on a latitude (use N or S)");
  });
});
