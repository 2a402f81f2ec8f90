/**
 * Date parsing against the date that was written (service/import/dates.ts), as a property with a
 * fixed seed (issue 16): a real calendar date is written in each accepted form (ISO with or without
 * a time, German dots, slash or dash day-first or month-first, month names in five languages) and
 * must read back as exactly that day; a day that does not exist must be refused, never rolled over
 * into the next month. Excel serials are checked against a count of days done independently
 * (calendar arithmetic on the proleptic Gregorian calendar, plus Excel's phantom 29 February 1900).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDateOrder, excelSerialToIso, parseDate } from '../../../service/import/dates';

/** Fixed seed: a mutant is killed on every run, not sometimes. */
const RUNS = { numRuns: 600, seed: 1616 };

const MONTH_NAMES = [
  ['January', 'Januar', 'janvier', 'enero', 'janeiro'],
  ['February', 'Februar', 'février', 'febrero', 'fevereiro'],
  ['March', 'März', 'mars', 'marzo', 'março'],
  ['April', 'April', 'avril', 'abril', 'abril'],
  ['May', 'Mai', 'mai', 'mayo', 'maio'],
  ['June', 'Juni', 'juin', 'junio', 'junho'],
  ['July', 'Juli', 'juillet', 'julio', 'julho'],
  ['August', 'August', 'août', 'agosto', 'agosto'],
  ['September', 'September', 'septembre', 'septiembre', 'setembro'],
  ['October', 'Oktober', 'octobre', 'octubre', 'outubro'],
  ['November', 'November', 'novembre', 'noviembre', 'novembro'],
  ['December', 'Dezember', 'décembre', 'diciembre', 'dezembro'],
] as const;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const p2 = (n: number) => String(n).padStart(2, '0');

/** A real date, 1000-01-01 … 9999-12-31. */
const realDate = fc
  .record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));

const iso = ({ y, m, d }: { y: number; m: number; d: number }) => `${y}-${p2(m)}-${p2(d)}`;

describe('parseDate reads back the day that was written (property, fixed seed)', () => {
  it('in every numeric form, with the order the column proves', () => {
    fc.assert(
      fc.property(realDate, fc.nat(7), (dt, form) => {
        const { y, m, d } = dt;
        const [text, order] = (
          [
            [`${y}-${p2(m)}-${p2(d)}`, 'DMY'],
            [`${y}/${m}/${d}`, 'MDY'],
            [`${y}-${p2(m)}-${p2(d)}T23:59:59.5+05:30`, 'MDY'],
            [`${d}.${m}.${y}`, 'MDY'], // dots are always day first
            [`${p2(d)}. ${p2(m)}. ${y} 14:30`, 'DMY'],
            [`${p2(d)}/${p2(m)}/${y}`, 'DMY'],
            [`${m}-${d}-${y}`, 'MDY'],
            [`${p2(m)}/${p2(d)}/${y}`, 'MDY'],
          ] as const
        )[form]!;
        const r = parseDate(text, order);
        return r.ok && r.value.date === iso(dt) && r.value.precision === 'day';
      }),
      RUNS,
    );
  });

  it('with month names in five languages, day first or month first', () => {
    fc.assert(
      fc.property(realDate, fc.nat(4), fc.boolean(), (dt, lang, upper) => {
        const name = MONTH_NAMES[dt.m - 1]![lang]!;
        const n = upper ? name.toUpperCase() : name;
        const dayFirst = parseDate(`${dt.d} ${n} ${dt.y}`, 'MDY');
        const monthFirst = parseDate(`${n} ${dt.d}, ${dt.y}`, 'DMY');
        const monthOnly = parseDate(`${n} ${dt.y}`, 'DMY');
        return (
          dayFirst.ok && dayFirst.value.date === iso(dt) &&
          monthFirst.ok && monthFirst.value.date === iso(dt) &&
          monthOnly.ok && monthOnly.value.date === iso({ ...dt, d: 1 }) && monthOnly.value.precision === 'month'
        );
      }),
      RUNS,
    );
  });

  it('a day past the end of its month is refused in every form, not rolled into the next month', () => {
    const pastEnd = fc
      .record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 1, max: 3 }) })
      .map(({ y, m, extra }) => ({ y, m, d: daysIn(y, m) + extra }));
    fc.assert(
      fc.property(pastEnd, ({ y, m, d }) =>
        [`${y}-${p2(m)}-${p2(d)}`, `${d}.${m}.${y}`, `${p2(d)}/${p2(m)}/${y}`, `${d} ${MONTH_NAMES[m - 1]![0]} ${y}`].every((text) => {
          const r = parseDate(text, 'DMY');
          return !r.ok && r.reason === `'${text}' is not a real date`;
        }),
      ),
      RUNS,
    );
  });

  it('a column of day-first dates with one day above 12 decides DMY; month-first ones MDY', () => {
    fc.assert(
      fc.property(fc.array(realDate, { minLength: 1, maxLength: 6 }), realDate, (dates, anchor) => {
        const big = { ...anchor, d: Math.max(13, Math.min(anchor.d, daysIn(anchor.y, anchor.m))) };
        if (big.d > daysIn(big.y, big.m)) return true;
        const dmy = [...dates, big].map(({ y, m, d }) => `${p2(d)}/${p2(m)}/${y}`);
        const mdy = [...dates, big].map(({ y, m, d }) => `${p2(m)}/${p2(d)}/${y}`);
        return decideDateOrder(dmy) === 'DMY' && decideDateOrder(mdy) === 'MDY';
      }),
      RUNS,
    );
  });
});

/** Days from 1899-12-31 to y-m-d, counted by whole years and months (no Date). */
function daysSince18991231(y: number, m: number, d: number): number {
  let n = 0;
  for (let yy = 1900; yy < y; yy++) n += isLeap(yy) ? 366 : 365;
  for (let mm = 1; mm < m; mm++) n += daysIn(y, mm);
  return n + d;
}

describe('excelSerialToIso against a day count (property, fixed seed)', () => {
  it('every serial from 61 on is one day less than its count (the phantom 29 February 1900)', () => {
    fc.assert(
      fc.property(realDate.filter(({ y, m }) => y >= 1900 && !(y === 1900 && m < 3)), fc.double({ min: 0, max: 0.999, noNaN: true }), (dt, time) => {
        const serial = daysSince18991231(dt.y, dt.m, dt.d) + 1;
        const r = excelSerialToIso(serial + time);
        return r.ok && r.value === iso(dt);
      }),
      RUNS,
    );
  });

  it('serials 1–59 are 1900-01-01 … 1900-02-28 exactly', () => {
    for (let s = 1; s <= 59; s++) {
      const d = new Date(Date.UTC(1900, 0, s));
      expect(excelSerialToIso(s)).toEqual({ ok: true, value: d.toISOString().slice(0, 10) });
    }
  });
});
