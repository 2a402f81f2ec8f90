/**
 * When an incoming row is "the same seizure" (issue 11, item 3): same date at its precision,
 * country, place (name, or point to ~110 m), commodity and quantity with unit. Pinned on both
 * sides: what matches and what must not.
 */
import { describe, expect, it } from 'vitest';
import { findDuplicates, matchFieldsOf, matchKeys, type MatchFields } from '../../../shared/domain/seizure-match';
import { duplicateNote } from '../../../shared/domain/duplicate-note';
import { newSeizureFields } from '../../../shared/domain/seizure';

const base: MatchFields = { seizureDate: '2019-04-08', datePrecision: 'day', country: 'SG', place: 'Pasir Panjang', latitude: 1.2741, longitude: 103.7642, commodity: 'Pangolin scales', quantity: 12.9, unit: 't' };
const stored = [{ ...base, id: 'S1' }];

describe('seizure match', () => {
  it('matches the same seizure written differently: case, accents, spacing, punctuation', () => {
    expect(findDuplicates(stored, [{ ...base, commodity: '  pangolin   SCALES ', place: 'Pasir-Panjang' }])).toEqual([{ index: 0, existingId: 'S1' }]);
    expect(findDuplicates([{ ...base, id: 'S1', place: 'Mérida' }], [{ ...base, place: 'merida' }])).toEqual([{ index: 0, existingId: 'S1' }]);
  });

  it('matches by point when the place names differ, to 3 decimals', () => {
    expect(findDuplicates(stored, [{ ...base, place: 'Singapore port', latitude: 1.27449, longitude: 103.76449 }])).toEqual([{ index: 0, existingId: 'S1' }]);
    expect(findDuplicates(stored, [{ ...base, place: 'Singapore port', latitude: 1.2751, longitude: 103.7642 }])).toEqual([]);
    expect(findDuplicates(stored, [{ ...base, place: 'Singapore port', latitude: null, longitude: null }])).toEqual([]);
  });

  it('a point without a place name is a different place from no place and no point (tester finding)', () => {
    const nowhere: MatchFields = { ...base, place: '', latitude: null, longitude: null };
    expect(findDuplicates([{ ...nowhere, id: 'N' }], [{ ...nowhere, latitude: 1.2741, longitude: 103.7642 }, nowhere])).toEqual([{ index: 1, existingId: 'N' }]);
    expect(findDuplicates([{ ...base, place: '', id: 'P' }], [{ ...base, place: '' }])).toEqual([{ index: 0, existingId: 'P' }]);
  });

  it('names CSV rows by line and geo features by their number from 1, as the report counts them', () => {
    const d = { line: 1, existingId: null, earlierLine: 1, what: '' };
    expect(duplicateNote({ ...d, line: 2 }, 'geojson')).toBe('Feature 2: same as feature 1 of this file');
    expect(duplicateNote({ ...d, line: 2 }, 'gpx')).toBe('Waypoint 2: same as waypoint 1 of this file');
    expect(duplicateNote({ ...d, line: 3, earlierLine: 2 }, 'csv')).toBe('Line 3: same as line 2 of this file');
    expect(duplicateNote({ ...d, existingId: 'S1', what: 'ivory, 6 kg, 2019-07-22, KE' }, 'kml')).toBe('Placemark 1: same date, place, commodity and quantity as ivory, 6 kg, 2019-07-22, KE');
  });

  it('does not match when the date, country, commodity, quantity or unit differ', () => {
    const others: MatchFields[] = [
      { ...base, seizureDate: '2019-04-09' },
      { ...base, country: 'MY' },
      { ...base, commodity: 'pangolin meat' },
      { ...base, quantity: 12.8 },
      { ...base, quantity: null },
      { ...base, unit: 'kg' },
    ];
    expect(findDuplicates(stored, others)).toEqual([]);
  });

  it('compares dates at their precision', () => {
    const month: MatchFields = { ...base, seizureDate: '2019-04-01', datePrecision: 'month' };
    expect(findDuplicates([{ ...month, id: 'M' }], [{ ...month, seizureDate: '2019-04-30' }])).toEqual([{ index: 0, existingId: 'M' }]);
    const year: MatchFields = { ...base, seizureDate: '2019-01-01', datePrecision: 'year' };
    expect(findDuplicates([{ ...year, id: 'Y' }], [{ ...year, seizureDate: '2019-12-31' }, { ...year, seizureDate: '2020-01-01' }])).toEqual([{ index: 0, existingId: 'Y' }]);
    expect(matchKeys(base)[0]).toContain('2019-04-08');
  });

  it('flags a row that repeats an earlier row of the same file, pointing at the first', () => {
    const other: MatchFields = { ...base, commodity: 'ivory' };
    expect(findDuplicates([], [other, base, other, { ...base, place: 'PASIR PANJANG' }])).toEqual([
      { index: 2, earlierIndex: 0 },
      { index: 3, earlierIndex: 1 },
    ]);
  });

  it('prefers a stored seizure over an earlier row, and keeps the first stored one of equals', () => {
    expect(findDuplicates([{ ...base, id: 'A' }, { ...base, id: 'B' }], [base, base])).toEqual([
      { index: 0, existingId: 'A' },
      { index: 1, existingId: 'A' },
    ]);
  });
});

describe('matchKeys over many texts', () => {
  it('normalises the same with its cache full, emptied and filled again (more distinct texts than it keeps)', () => {
    const place = (i: number) => `Quai-${i} de l'Étoile`;
    const first = Array.from({ length: 12_000 }, (_, i) => matchKeys({ ...base, place: place(i), latitude: null, longitude: null })[0]);
    // Read again after the cache has been emptied once (its bound is 10,000 texts): the same keys.
    const again = Array.from({ length: 12_000 }, (_, i) => matchKeys({ ...base, place: place(i), latitude: null, longitude: null })[0]);
    expect(again).toEqual(first);
    expect(first[7]).toBe(['2019-04-08', 'SG', 'pangolin scales', '12.9', 't', 'name', 'quai 7 de l etoile'].join('\u0001'));
    expect(new Set(first).size).toBe(12_000);
  });
});

describe('matchFieldsOf', () => {
  it('keeps exactly the fields a match is made and named by, copied', () => {
    const s = { ...newSeizureFields('2019-04-08'), id: 'x', country: 'SG', place: 'Pasir Panjang', commodity: 'ivory', quantity: 2, unit: 'kg' as const, latitude: 1.27, longitude: 103.76, notes: 'long text' };
    const m = matchFieldsOf(s);
    expect(m).toEqual({ seizureDate: '2019-04-08', datePrecision: s.datePrecision, country: 'SG', place: 'Pasir Panjang', latitude: 1.27, longitude: 103.76, commodity: 'ivory', quantity: 2, unit: 'kg' });
    expect(m).not.toBe(s);
    expect(matchKeys(m)).toEqual(matchKeys(s));
  });
});
