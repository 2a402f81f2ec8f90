/**
 * Date parsing at its boundaries (service/import/dates.ts), aimed at the mutants that misread a
 * date silently (issue 16, docs/testing.md): 12 as day or month, trailing digits, the Excel-serial
 * and year ranges, impossible days written with month names.
 */
import { describe, expect, it } from 'vitest';
import { decideDateOrder, excelSerialToIso, isAmbiguousSlashDate, parseDate } from '../../../service/import/dates';

const date = (raw: string, order: 'DMY' | 'MDY' = 'DMY') => {
  const r = parseDate(raw, order);
  return r.ok ? `${r.value.date} ${r.value.precision}` : r.reason;
};
const notADate = (raw: string) => `'${raw}' is not a date (write YYYY-MM-DD)`;

describe('12 as day or month', () => {
  it('reads 12 as the day or the month as the order says, and 13 only as a day', () => {
    expect(date('12/05/2019', 'DMY')).toBe('2019-05-12 day');
    expect(date('12/05/2019', 'MDY')).toBe('2019-12-05 day');
    expect(date('05/12/2019', 'DMY')).toBe('2019-12-05 day');
    // A date that reads only in the other order says so (tester finding F3, session 27); one real in neither is "not a real date".
    expect(date('13/05/2019', 'MDY')).toBe("'13/05/2019' reads only as day-first (13 is not a month); the column's order is month-first");
    expect(date('05/13/2019', 'DMY')).toBe("'05/13/2019' reads only as month-first (13 is not a month); the column's order is day-first");
    expect(date('13/13/2019', 'DMY')).toBe("'13/13/2019' is not a real date");
    expect(date('02/30/2019', 'MDY')).toBe("'02/30/2019' is not a real date");
    expect(date('12-31-2019', 'MDY')).toBe('2019-12-31 day');
  });

  it('a column whose first numbers are at most 12 proves no order: 12/05 and 03/04 are flagged, not read day-first silently', () => {
    expect(decideDateOrder(['12/05/2019', '03/04/2019'])).toBeNull();
    expect(decideDateOrder(['05/12/2019', '03/04/2019'])).toBeNull();
    expect(isAmbiguousSlashDate('12/05/2019')).toBe(true);
    expect(isAmbiguousSlashDate('05/12/2019')).toBe(true);
    expect(isAmbiguousSlashDate('12/12/2019')).toBe(false);
    expect(isAmbiguousSlashDate('13/05/2019')).toBe(false);
    expect(isAmbiguousSlashDate('05/13/2019')).toBe(false);
    expect(isAmbiguousSlashDate(' 1-2-2019 ')).toBe(true);
    expect(isAmbiguousSlashDate('1-2-20199')).toBe(false);
  });

  it('13 in either place decides the order; cells that are not slash dates do not count', () => {
    expect(decideDateOrder(['12/05/2019', '13/05/2019'])).toBe('DMY');
    expect(decideDateOrder(['12/05/2019', '05/13/2019'])).toBe('MDY');
    expect(decideDateOrder([' 13/05/2019 '])).toBe('DMY');
    expect(decideDateOrder(['13-05-2019 10:00'])).toBe('DMY');
    expect(decideDateOrder(['13/05/20190', '2019-05-13', '13.05.2019'])).toBeNull();
    expect(decideDateOrder([])).toBeNull();
  });
});

describe('trailing and leading digits', () => {
  it.each(['2019-07-211', '2019-07-21x', '12019-07-21', '2019-071-21', '21.07.20199', '121/07/2019', '03/04/20190', '2019-07-', '219-07-21'])(
    '%s is not a date',
    (raw) => expect(date(raw)).toBe(notADate(raw)),
  );
  it('a two-digit year is refused, not read as the first century', () => {
    expect(date('03/04/19')).toBe("'03/04/19' has a two-digit year; write the year in full");
    expect(date('3-4-19')).toBe("'3-4-19' has a two-digit year; write the year in full");
    expect(date('21 July 19')).toBe(notADate('21 July 19'));
  });
});

describe('year, month and serial ranges', () => {
  it('a four-digit integer from 1000 to 2999 is a year; other integers are Excel serials', () => {
    expect(date('1000')).toBe('1000-01-01 year');
    expect(date('2999')).toBe('2999-01-01 year');
    expect(date('999')).toBe('1902-09-25 day');
    expect(date('3000')).toBe('1908-03-18 day');
    expect(date('43667.5')).toBe('2019-07-21 day');
    expect(date('12345678')).toBe(notADate('12345678'));
    expect(date('0999-01-01')).toBe("'0999-01-01' is not a real date");
    expect(date('1000-01-01')).toBe('1000-01-01 day');
  });
  it('month precision is checked', () => {
    expect(date('2019/7')).toBe('2019-07-01 month');
    expect(date('2019-13')).toBe("'2019-13' is not a real date");
    expect(date('2019-00')).toBe("'2019-00' is not a real date");
  });
  it('serial ends: fractions are dropped, never rounded up', () => {
    const iso = (n: number) => {
      const r = excelSerialToIso(n);
      return r.ok ? r.value : r.reason;
    };
    expect(iso(0.5)).toBe('Excel day number 0.5 is before 1900-01-01');
    expect(iso(Number.NaN)).toBe('Excel day number NaN is before 1900-01-01');
    expect(iso(1.99)).toBe('1900-01-01');
    expect(iso(59.99)).toBe('1900-02-28');
    expect(iso(60.5)).toMatch(/1900-02-29/);
    expect(iso(2958465.9)).toBe('9999-12-31');
  });
});

describe('month names', () => {
  it('refuses impossible days and reads the rest', () => {
    expect(date('32 July 2019')).toBe("'32 July 2019' is not a real date");
    expect(date('July 32, 2019')).toBe("'July 32, 2019' is not a real date");
    expect(date('31 June 2019')).toBe("'31 June 2019' is not a real date");
    expect(date('Jul 2019')).toBe('2019-07-01 month');
    expect(date('2019 July')).toBe(notADate('2019 July'));
    expect(date('21 Foo 2019')).toBe(notADate('21 Foo 2019'));
    expect(date('Foo 21, 2019')).toBe(notADate('Foo 21, 2019'));
    expect(date('July 2019 21')).toBe(notADate('July 2019 21'));
    expect(date('21 July 2019 extra')).toBe(notADate('21 July 2019 extra'));
    expect(date('Sept. 2020')).toBe('2020-09-01 month');
    expect(date('3rd March 2020')).toBe('2020-03-03 day');
    expect(date('Février 2020')).toBe('2020-02-01 month');
  });
});
