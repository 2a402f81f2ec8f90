/**
 * Every month name the date parser knows, written out here rather than read from its table, and the
 * filler words and time suffixes it drops (service/import/dates.ts): a spelling dropped or moved to
 * the wrong month in the table (a "juin" column read as July, or refused) fails one row (issue 16,
 * docs/testing.md).
 */
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../service/import/dates';

const date = (raw: string, order: 'DMY' | 'MDY' = 'DMY') => {
  const r = parseDate(raw, order);
  return r.ok ? `${r.value.date} ${r.value.precision}` : r.messageId;
};

/** Month number → every spelling (lower case, accents removed) that must name it. */
const NAMES: Record<number, string[]> = {
  1: ['january', 'jan', 'januar', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'jaenner'],
  2: ['february', 'feb', 'februar', 'fevrier', 'fevr', 'fev', 'febrero', 'fevereiro'],
  3: ['march', 'mar', 'maerz', 'marz', 'mrz', 'mars', 'marzo', 'marco'],
  4: ['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
  5: ['may', 'mai', 'mayo', 'maio'],
  6: ['june', 'jun', 'juni', 'juin', 'junio', 'junho'],
  7: ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'julho'],
  8: ['august', 'aug', 'aout', 'agosto', 'ago'],
  9: ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setembro', 'set'],
  10: ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'outubro', 'out'],
  11: ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  12: ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dic', 'dezembro'],
};

describe('month names, spelling by spelling', () => {
  for (const [month, names] of Object.entries(NAMES)) {
    const mm = month.padStart(2, '0');
    it(`every spelling of month ${mm}, day first, month first and alone`, () => {
      expect(names.map((n) => date(`3 ${n} 2019`))).toEqual(names.map(() => `2019-${mm}-03 day`));
      expect(names.map((n) => date(`${n.toUpperCase()} 3, 2019`))).toEqual(names.map(() => `2019-${mm}-03 day`));
      expect(names.map((n) => date(`${n} 2019`))).toEqual(names.map(() => `2019-${mm}-01 month`));
    });
  }

  it('accents are dropped before the name is looked up; a word that only looks like a month is not one', () => {
    expect(['3 Février 2019', '3 Août 2019', '3 décembre 2019', '3 März 2019', '3 março 2019'].map((s) => date(s))).toEqual([
      '2019-02-03 day', '2019-08-03 day', '2019-12-03 day', '2019-03-03 day', '2019-03-03 day',
    ]);
    expect(['3 julyy 2019', '3 ju 2019', '3 m 2019', 'jul. 2019', 'jul.. 2019'].map((s) => date(s))).toEqual([
      'import.not-a-date', 'import.not-a-date', 'import.not-a-date', '2019-07-01 month', 'import.not-a-date',
    ]);
  });
});

describe('filler words and ordinals', () => {
  it('drops de, del, of and the, and the ordinal endings st, nd, rd, th and er', () => {
    expect(date('the 21st of July 2019')).toBe('2019-07-21 day');
    expect(date('22nd July 2019')).toBe('2019-07-22 day');
    expect(date('23rd July 2019')).toBe('2019-07-23 day');
    expect(date('24th July 2019')).toBe('2019-07-24 day');
    expect(date('1er juillet 2019')).toBe('2019-07-01 day');
    expect(date('21 del julio del 2019')).toBe('2019-07-21 day');
    expect(date('July 21st, 2019')).toBe('2019-07-21 day');
    expect(date('21,July,2019')).toBe('2019-07-21 day');
    expect(date('21/Jul/2019')).toBe('2019-07-21 day');
  });

  it('drops filler only as whole words: "dec" and "the" inside a word stay', () => {
    expect(date('3 dec 2019')).toBe('2019-12-03 day');
    expect(date('3 thejuly 2019')).toBe('import.not-a-date');
    expect(date('3 ofjuly 2019')).toBe('import.not-a-date');
  });
});

describe('time suffixes', () => {
  it('drops a time with seconds, fractions, Z, UTC, GMT or an offset, in any letter case', () => {
    expect(
      ['2021-03-12 14:30 UTC', '2021-03-12 14:30:15 gmt', '2021-03-12T09:30:00,5Z', '2021-03-12T9:30', '2021-03-12T09:30+02', '2021-03-12t09:30:00z', '2021-03-12T09:30:00.5 +02:00', '12.03.2021 14:30:00'].map((s) => date(s)),
    ).toEqual(Array(8).fill('2021-03-12 day'));
  });

  it('refuses what is not a time of day after the date', () => {
    expect(['2021-03-12 14', '2021-03-12T09:3', '2021-03-12 14:30 CET', '2021-03-12T09:30:00+2', '2021-03-12 x14:30', '2021-03-12 14:30:5'].map((s) => date(s))).toEqual(
      Array(6).fill('import.not-a-date'),
    );
  });
});
