/**
 * Coordinate parsing against the position that was written (service/import/coordinates.ts), as a
 * property with a fixed seed (issue 16): a position given as degrees, minutes and seconds is
 * written in each accepted form (DMS with any of the mark spellings, space- or colon-separated,
 * DDM, decimal degrees with either decimal mark, the hemisphere as a letter before or after or as
 * a sign) and must read back as the same signed decimal degrees, to 8 decimals; written as a pair,
 * in either order when lettered.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseCoordinate, parseCoordinatePair, type Axis } from '../../../service/import/coordinates';

/** Fixed seed: a mutant is killed on every run, not sometimes. */
const RUNS = { numRuns: 800, seed: 1616 };
const round8 = (n: number) => Math.round(n * 1e8) / 1e8;

interface Position {
  axis: Axis;
  deg: number;
  min: number;
  sec: number;
  negative: boolean;
}

const position = (axis: Axis): fc.Arbitrary<Position> =>
  fc
    .record({ deg: fc.integer({ min: 0, max: axis === 'lat' ? 89 : 179 }), min: fc.integer({ min: 0, max: 59 }), sec: fc.integer({ min: 0, max: 59 }), negative: fc.boolean() })
    .map((p) => ({ axis, ...p }));

/** The signed decimal degrees of `p`, to 8 decimals (the parser's precision). */
const degrees = (p: Position) => {
  const v = round8((p.negative ? -1 : 1) * (p.deg + p.min / 60 + p.sec / 3600));
  return v === 0 ? 0 : v;
};
const letter = (p: Position) => (p.axis === 'lat' ? (p.negative ? 'S' : 'N') : p.negative ? 'W' : 'E');

/** `p` in one of the accepted forms (0–9). */
function write(p: Position, form: number): string {
  const { deg, min, sec } = p;
  const h = letter(p);
  const sign = p.negative ? '-' : '';
  const ddm = (min + sec / 60).toFixed(8);
  const dd = (deg + min / 60 + sec / 3600).toFixed(9);
  switch (form) {
    case 0: return `${deg}°${min}'${sec}"${h}`;
    case 1: return `${h} ${deg}º ${min}′ ${sec}″`;
    case 2: return `${deg} ${min} ${sec} ${h.toLowerCase()}`;
    case 3: return `${sign}${deg}:${min}:${sec}`;
    case 4: return `${deg}˚${min}’${sec}”${h}`;
    case 5: return `${deg}°${min}'${sec}''${h}`;
    case 6: return `${deg}°${ddm}'${h}`;
    case 7: return `${sign}${dd}`;
    case 8: return `${p.negative ? '\u2212' : '+'}${dd.replace('.', ',')}`;
    default: return `${h}${dd}`;
  }
}

describe('parseCoordinate reads back the position that was written (property, fixed seed)', () => {
  it('latitudes and longitudes in every form', () => {
    fc.assert(
      fc.property(fc.oneof(position('lat'), position('lon')), fc.nat(9), (p, form) => {
        const text = write(p, form);
        const r = parseCoordinate(text, p.axis);
        // DDM and decimal forms are written rounded, so their 8th decimal may differ by one; a zero is +0, never -0.
        return r.ok && Math.abs(r.value - degrees(p)) <= (form >= 6 ? 1.5e-8 : 0) && (degrees(p) !== 0 || Object.is(r.value, 0));
      }),
      RUNS,
    );
  });

  it('a hemisphere letter of the other axis is refused', () => {
    fc.assert(
      fc.property(fc.oneof(position('lat'), position('lon')), fc.nat(2), (p, form) => {
        const other = { ...p, axis: (p.axis === 'lat' ? 'lon' : 'lat') as Axis };
        const text = write(other, form);
        const r = parseCoordinate(text, p.axis);
        return !r.ok && r.messageId === (p.axis === 'lat' ? 'import.hemisphere-not-latitude' : 'import.hemisphere-not-longitude');
      }),
      RUNS,
    );
  });

  it('pairs: latitude first, or in either order when lettered', () => {
    fc.assert(
      fc.property(position('lat'), position('lon'), fc.nat(2), (lat, lon, form) => {
        const a = write(lat, form);
        const b = write(lon, form);
        const expected = { latitude: degrees(lat), longitude: degrees(lon) };
        const same = (text: string) => {
          const r = parseCoordinatePair(text);
          return r.ok && r.value.latitude === expected.latitude && r.value.longitude === expected.longitude;
        };
        return same(`${a}; ${b}`) && same(`${b}; ${a}`) && same(`(${a} ; ${b})`);
      }),
      RUNS,
    );
  });
});
