/** Dates: ISO, DD.MM.YYYY, slash dates with an order, month/year precision, Excel serials, timestamps, month names. */
import { describe, expect, it } from 'vitest';
import { decideDateOrder, excelSerialToIso, isAmbiguousSlashDate, parseDate } from '../../../service/import/dates';

const date = (raw: string, order: 'DMY' | 'MDY' = 'DMY') => {
  const r = parseDate(raw, order);
  return r.ok ? `${r.value.date} ${r.value.precision}` : r.reason;
};

describe('excelSerialToIso (1900 date system)', () => {
  const iso = (n: number) => {
    const r = excelSerialToIso(n);
    return r.ok ? r.value : r.reason;
  };
  it('counts from 1900-01-01 = 1', () => {
    expect(iso(1)).toBe('1900-01-01');
    expect(iso(59)).toBe('1900-02-28');
  });
  it('refuses 60, the fictitious 1900-02-29 of the Lotus/Excel leap-year bug', () => {
    expect(iso(60)).toBe('Excel day number 60 is 1900-02-29, a day that does not exist (Excel’s 1900 leap-year bug)');
  });
  it('61 is 1900-03-01 and later serials are shifted by that day', () => {
    expect(iso(61)).toBe('1900-03-01');
    expect(iso(43667)).toBe('2019-07-21');
    expect(iso(43558)).toBe('2019-04-03');
    expect(iso(43164)).toBe('2018-03-05');
    expect(iso(43667.75)).toBe('2019-07-21'); // time of day dropped
    expect(iso(2958465)).toBe('9999-12-31');
  });
  it('refuses serials out of range', () => {
    expect(iso(0)).toBe('Excel day number 0 is before 1900-01-01');
    expect(iso(2958466)).toBe('Excel day number 2958466 is after 9999-12-31');
  });
});

describe('parseDate', () => {
  it('reads ISO dates and timestamps as written (no shift to UTC)', () => {
    expect(date('2019-07-21')).toBe('2019-07-21 day');
    expect(date('2019/07/21')).toBe('2019-07-21 day');
    expect(date('2021-03-12T09:30:00Z')).toBe('2021-03-12 day');
    expect(date('2021-03-12T23:30:00-05:00')).toBe('2021-03-12 day');
    expect(date('2021-03-12 14:30')).toBe('2021-03-12 day');
    expect(date('2021-03-12T09:30:00.123+0200')).toBe('2021-03-12 day');
  });
  it('gives month and year precision for YYYY-MM and YYYY', () => {
    expect(date('2019-06')).toBe('2019-06-01 month');
    expect(date('2014')).toBe('2014-01-01 year');
  });
  it('reads DD.MM.YYYY day first whatever the order', () => {
    expect(date('21.07.2019', 'MDY')).toBe('2019-07-21 day');
    expect(date('5.3.2018')).toBe('2018-03-05 day');
    expect(date('03.04.2019 08:15')).toBe('2019-04-03 day');
  });
  it('reads slash and dash dates in the given order', () => {
    expect(date('03/04/2019', 'DMY')).toBe('2019-04-03 day');
    expect(date('03/04/2019', 'MDY')).toBe('2019-03-04 day');
    expect(date('21-07-2019', 'DMY')).toBe('2019-07-21 day');
    expect(date('07/21/2019', 'DMY')).toBe("'07/21/2019' reads only as month-first (21 is not a month); the column's order is day-first");
  });
  it('reads month names in five languages', () => {
    expect(date('21 July 2019')).toBe('2019-07-21 day');
    expect(date('July 21, 2019')).toBe('2019-07-21 day');
    expect(date('21. Juli 2019')).toBe('2019-07-21 day');
    expect(date('1er mars 2019')).toBe('2019-03-01 day');
    expect(date('21 de julio de 2019')).toBe('2019-07-21 day');
    expect(date('5 de março de 2018')).toBe('2018-03-05 day');
    expect(date('21-Jul-2019')).toBe('2019-07-21 day');
    expect(date('Dezember 2020')).toBe('2020-12-01 month');
  });
  it('refuses impossible dates, two-digit years and text', () => {
    expect(date('2019-13-40')).toBe("'2019-13-40' is not a real date");
    expect(date('2019-02-29')).toBe("'2019-02-29' is not a real date");
    expect(date('2020-02-29')).toBe('2020-02-29 day');
    expect(date('21.07.19')).toBe("'21.07.19' has a two-digit year; write the year in full");
    expect(date('last Monday')).toBe("'last Monday' is not a date (write YYYY-MM-DD)");
    expect(date('60')).toMatch(/1900-02-29/);
    expect(date('')).toBe('is required');
  });
});

describe('decideDateOrder', () => {
  it('is decided by a cell whose first or second number is above 12', () => {
    expect(decideDateOrder(['03/04/2019', '21/07/2019'])).toBe('DMY');
    expect(decideDateOrder(['03/04/2019', '07/21/2019'])).toBe('MDY');
    expect(decideDateOrder(['03/04/2019', '05/06/2019'])).toBeNull();
    expect(decideDateOrder(['21/07/2019', '07/21/2019'])).toBeNull();
  });
  it('knows which cells are ambiguous', () => {
    expect(isAmbiguousSlashDate('03/04/2019')).toBe(true);
    expect(isAmbiguousSlashDate('04/04/2019')).toBe(false);
    expect(isAmbiguousSlashDate('21/07/2019')).toBe(false);
    expect(isAmbiguousSlashDate('2019-04-03')).toBe(false);
  });
});
