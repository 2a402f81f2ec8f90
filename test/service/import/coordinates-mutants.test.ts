/**
 * Coordinate parsing (service/import/coordinates.ts) against the survivors of the `coordinates`
 * mutation group's first run (issue 16, docs/testing.md): each case names a form the importer
 * must read to the exact value, or refuse with the exact reason, where a weaker pattern (an
 * anchor dropped, a mark spelling lost, a blank run not collapsed) would read another position
 * or quote another cell.
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

describe('parseCoordinate: marks, signs and letters', () => {
  it("a seconds mark (″ ” '') in the minutes' place is refused, not read as minutes", () => {
    expect(c('1°26″', 'lat')).toBe("'1°26″' is not a coordinate");
    expect(c("1°26''", 'lat')).toBe("'1°26''' is not a coordinate");
    expect(c('1°26”', 'lat')).toBe("'1°26”' is not a coordinate");
  });

  it('a sign or letter with no number is refused, not read as NaN', () => {
    expect(c('-', 'lat')).toBe("'-' is not a coordinate");
    expect(c('+', 'lon')).toBe("'+' is not a coordinate");
    expect(c('N -', 'lat')).toBe("'N -' is not a coordinate");
  });

  it('a letter inside the value is refused, not taken as the hemisphere of what follows or precedes it', () => {
    expect(c('1N2', 'lat')).toBe("'1N2' is not a coordinate");
    expect(c('1.2 N 3', 'lat')).toBe("'1.2 N 3' is not a coordinate");
  });

  it('a blank between the sign and the number is allowed', () => {
    expect(c('- 22.35', 'lat')).toBe(-22.35);
    expect(c('+ 1.5', 'lon')).toBe(1.5);
  });

  it('refusals quote the cell trimmed', () => {
    expect(c(' E 10 ', 'lat')).toBe("'E 10' has E on a latitude (use N or S)");
    expect(c(' 10 S ', 'lon')).toBe("'10 S' has S on a longitude (use E or W)");
    expect(c(' -22.35 S ', 'lat')).toBe("'-22.35 S' has both a minus sign and S");
    expect(c(' 1.2.3 ', 'lat')).toBe("'1.2.3' is not a coordinate");
  });
});

describe('parseCoordinatePair: splitting and order', () => {
  it('a run of blanks between the halves counts as one', () => {
    expect(pair('1.274  103.764')).toEqual([1.274, 103.764]);
    expect(pair('1.274 \t 103.764')).toEqual([1.274, 103.764]);
  });

  it('lettered halves: every blank and comma around the cut goes, and none inside a half', () => {
    expect(pair('N 1.2 , E 103.7')).toEqual([1.2, 103.7]);
    expect(pair('1.2 N,,103.7 E')).toEqual([1.2, 103.7]);
    expect(pair('1.2N103 45E')).toEqual([1.2, 103.75]);
  });

  it('only a bracket at either end is dropped', () => {
    expect(pair('1.274 (103.764')).toBe("longitude '(103.764' is not a coordinate");
    expect(pair('1.274) 103.764')).toBe("latitude '1.274)' is not a coordinate");
    expect(pair('[1.274, 103.764]')).toEqual([1.274, 103.764]);
  });

  it('halves are swapped only for a letter at the start or end of each', () => {
    expect(pair('1E2; 3 N')).toBe("latitude '1E2' is not a coordinate");
    expect(pair('10 E; 1N2')).toBe("latitude '10 E' has E on a latitude (use N or S)");
    expect(pair('103.7 E; 1.2 N')).toEqual([1.2, 103.7]);
  });

  it('a cell that cannot be split quotes itself trimmed', () => {
    expect(pair(' x ')).toBe("'x' is not a \"latitude, longitude\" pair");
  });
});
