/** Country names for pickers and labels: every code's name tells it apart from every other. */
import { describe, expect, it } from 'vitest';
import { countryLabel, countryList, countryName } from '../../../shared/domain/iso';

describe('countryName', () => {
  it('names the two Congos apart', () => {
    expect(countryName('CG')).toBe('Republic of the Congo');
    expect(countryName('CD')).toBe('Democratic Republic of the Congo');
    expect(countryLabel('CD')).toBe('Democratic Republic of the Congo');
  });

  it('names the similar pairs apart and in their usual short form', () => {
    expect(countryName('KR')).toBe('South Korea');
    expect(countryName('KP')).toBe('North Korea');
    expect(countryName('SD')).toBe('Sudan');
    expect(countryName('SS')).toBe('South Sudan');
    expect([countryName('GN'), countryName('GW'), countryName('GQ'), countryName('PG')]).toEqual(['Guinea', 'Guinea-Bissau', 'Equatorial Guinea', 'Papua New Guinea']);
    expect(countryName('NE')).toBe('Niger');
    expect(countryName('NG')).toBe('Nigeria');
    expect(countryName('SG')).toBe('Singapore');
  });

  it('gives the picker no name twice', () => {
    const list = countryList();
    expect(list.length).toBeGreaterThan(240);
    const names = list.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
