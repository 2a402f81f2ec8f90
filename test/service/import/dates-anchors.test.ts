/**
 * Date parsing, aimed at the survivors of the first full mutation run of service/import/dates.ts
 * (2026-12-06, docs/testing.md): every pattern is anchored at both ends, so a date with a digit or
 * letter before or after it is refused instead of read from the part that fits; a cell is trimmed
 * before anything else; Excel serials keep every fractional digit; a blank left by a dropped time
 * does not stop the date being read.
 */
import { describe, expect, it } from 'vitest';
import { decideDateOrder, isAmbiguousSlashDate, parseDate } from '../../../service/import/dates';

const date = (raw: string, order: 'DMY' | 'MDY' = 'DMY') => {
  const r = parseDate(raw, order);
  return r.ok ? `${r.value.date} ${r.value.precision}` : r.reason;
};
const notADate = (raw: string) => `'${raw.trim()}' is not a date (write YYYY-MM-DD)`;

describe('anchored patterns', () => {
  it('a slash date with a leading digit proves no order and is not ambiguous', () => {
    expect(decideDateOrder(['113/05/2019'])).toBeNull();
    expect(decideDateOrder(['105/13/2019'])).toBeNull();
    expect(isAmbiguousSlashDate('101/02/2019')).toBe(false);
  });

  it('a year-month, a dotted date or a month-name date with a leading digit is not a date', () => {
    expect(date('12019-07')).toBe(notADate('12019-07'));
    expect(date('121.07.2019')).toBe(notADate('121.07.2019'));
    expect(date('121 July 2019')).toBe(notADate('121 July 2019'));
    expect(date('July 121, 2019')).toBe(notADate('July 121, 2019'));
    expect(date('21 July 12019')).toBe(notADate('21 July 12019'));
    expect(date('July 21, 12019')).toBe(notADate('July 21, 12019'));
    expect(date('July 12019')).toBe(notADate('July 12019'));
  });

  it('a day, a year or a month-name date with something after it is not a date', () => {
    expect(date('21x July 2019')).toBe(notADate('21x July 2019'));
    expect(date('July 21x, 2019')).toBe(notADate('July 21x, 2019'));
    expect(date('21 July 20190')).toBe(notADate('21 July 20190'));
    expect(date('July 21, 20190')).toBe(notADate('July 21, 20190'));
    expect(date('July 20190')).toBe(notADate('July 20190'));
  });

  it('a time is dropped only at the end of the cell', () => {
    expect(date('21 09:30 July 2019')).toBe(notADate('21 09:30 July 2019'));
    // Dropped from the middle, the time would leave "21-July-2019".
    expect(date('21 09:30-July-2019')).toBe(notADate('21 09:30-July-2019'));
    expect(date('2021-03-12  14:30')).toBe('2021-03-12 day');
  });

  it('only a trailing dot is dropped from a month name', () => {
    expect(date('Ju.l 2019')).toBe(notADate('Ju.l 2019'));
    expect(date('Jul. 2019')).toBe('2019-07-01 month');
  });
});

describe('Excel serials and years', () => {
  it('a five-digit number that ends or starts like a year is still a serial', () => {
    expect(date('31999')).toBe('1987-08-10 day');
    expect(date('20001')).toBe('1954-10-04 day');
  });

  it('keeps every fractional digit of a serial (the time of day) and then drops it', () => {
    expect(date('43667.75')).toBe('2019-07-21 day');
    expect(date('43667.999')).toBe('2019-07-21 day');
  });

  it('trims the cell first: a padded serial or year, and a blank cell', () => {
    expect(date(' 43667 ')).toBe('2019-07-21 day');
    expect(date(' 2019 ')).toBe('2019-01-01 year');
    expect(date('   ')).toBe('is required');
    expect(date('July 21,2019')).toBe('2019-07-21 day');
  });
});
