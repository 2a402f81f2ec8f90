/** Country cells and lists: alpha-2, alpha-3, names in five languages, a few common aliases. */
import { describe, expect, it } from 'vitest';
import { parseCountry, parseCountryList } from '../../../service/import/countries';
import { splitList } from '../../../service/import/lists';

const country = (raw: string) => {
  const r = parseCountry(raw);
  return r.ok ? r.value : r.reason;
};
const list = (raw: string) => {
  const r = parseCountryList(raw);
  return r.ok ? r.value : r.reason;
};

describe('parseCountry', () => {
  it.each([
    ['SG', 'SG'], ['sg', 'SG'], [' vn ', 'VN'], ['NA', 'NA'], ['SGP', 'SG'], ['vnm', 'VN'], ['COD', 'CD'],
    ['Singapore', 'SG'], ['Singapur', 'SG'], ['Vietnam', 'VN'], ['Viet Nam', 'VN'], ['Hong Kong', 'HK'], ['Brésil', 'BR'],
    ['Estados Unidos', 'US'], ['Alemanha', 'DE'], ['Elfenbeinküste', 'CI'], ['Democratic Republic of the Congo', 'CD'], ['DRC', 'CD'],
    ['UK', 'GB'], ['Lao PDR', 'LA'], ['Korea, Republic of', 'KR'],
  ])('%s → %s', (raw, want) => expect(country(raw)).toBe(want));

  it('refuses unknown codes and names', () => {
    expect(country('XX')).toBe("'XX' is not an ISO 3166-1 country code");
    expect(country('Atlantis')).toBe("'Atlantis' is not a country (use ISO 3166-1 codes such as SG, VN, HK, or English names)");
    expect(country('n/a')).toBe('is required');
  });
});

describe('parseCountryList', () => {
  it('splits on ; (and |), drops repeats, keeps order', () => {
    expect(list('AU;US;CA;SA;JP;CN;BD')).toEqual(['AU', 'US', 'CA', 'SA', 'JP', 'CN', 'BD']);
    expect(list('CD; UG | KE;CD')).toEqual(['CD', 'UG', 'KE']);
    expect(list('')).toEqual([]);
    expect(list('—')).toEqual([]);
  });
  it('splits on commas only when every part is a country', () => {
    expect(list('Kenya, Uganda')).toEqual(['KE', 'UG']);
    expect(list('Korea, Republic of')).toEqual(['KR']);
  });
  it('names the bad part', () => expect(list('CD;XX')).toBe("'XX' is not an ISO 3166-1 country code"));
});

describe('splitList', () => {
  it('splits agencies on ; only, so names with commas survive', () => {
    expect(splitList('National Parks Board (NParks); Singapore Customs; Immigration & Checkpoints Authority (ICA)')).toEqual([
      'National Parks Board (NParks)', 'Singapore Customs', 'Immigration & Checkpoints Authority (ICA)',
    ]);
    expect(splitList('Directorate of Revenue Intelligence, Mumbai;;')).toEqual(['Directorate of Revenue Intelligence, Mumbai']);
  });
});
