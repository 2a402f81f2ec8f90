// @vitest-environment happy-dom
/**
 * The exported map PNG's caption names which seizures its count is of (tester F7, session 27:
 * "8,187 of 60,000 seizures shown" said nothing of Country: Fiji or the dates of the time slider).
 */
import { describe, expect, it } from 'vitest';
import { pngFilterLines, type PngFilter } from '../../../renderer/src/map/map-png';

const NONE: PngFilter = { country: '', commodity: '', taxon: '', caseNumber: '', flaggedOnly: false, hiddenSectors: [], months: ['2015-01-01', '2025-12-01'] };

describe('pngFilterLines', () => {
  it('names the chosen country and the time slider’s dates', () => {
    expect(pngFilterLines({ ...NONE, country: 'FJ', months: ['2020-01-01', '2025-12-01'] })).toEqual(['Country: Fiji', 'Seizure dates: Jan 2020 – Dec 2025']);
  });

  it('says when nothing narrows the map, and still gives the dates', () => {
    expect(pngFilterLines(NONE)).toEqual(['Filters: none', 'Seizure dates: Jan 2015 – Dec 2025']);
    expect(pngFilterLines({ ...NONE, months: null })).toEqual(['Filters: none']);
    expect(pngFilterLines({ ...NONE, months: ['2019-03-01', '2019-03-01'] })).toEqual(['Filters: none', 'Seizure dates: Mar 2019']);
  });

  it('lists every filter: case, country, commodity, species, flagged only, hidden sectors (in sector order, plural)', () => {
    expect(
      pngFilterLines({ caseNumber: 'NEST-2026-0001', country: 'KE', commodity: 'elephant ivory', taxon: 'Loxodonta africana', flaggedOnly: true, hiddenSectors: ['waste', 'fisheries'], months: ['2020-01-01', '2020-06-01'] }),
    ).toEqual([
      'Case: NEST-2026-0001',
      'Country: Kenya',
      'Commodity: elephant ivory',
      'Species: Loxodonta africana',
      'Seizure dates: Jan 2020 – Jun 2020',
      'Only seizures flagged for review',
      'Sectors hidden: Fisheries (IUU) and Waste & pollution',
    ]);
    expect(pngFilterLines({ ...NONE, hiddenSectors: ['ods'] })).toEqual(['Seizure dates: Jan 2015 – Dec 2025', 'Sector hidden: Ozone-depleting substances']);
  });
});
