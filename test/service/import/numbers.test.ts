/** Number parsing: decimal comma vs thousands separators, decided per column where ambiguous. */
import { describe, expect, it } from 'vitest';
import { decideDecimalMark, decimalMarkSignal, parseNumber } from '../../../service/import/numbers';

const value = (raw: string, mark: '.' | ',') => {
  const r = parseNumber(raw, mark);
  return r.ok ? r.value : r.reason;
};

describe('decimalMarkSignal', () => {
  it.each([
    ['8,8', ','], ['12,90', ','], ['1.234,5', ','], ['1,234.5', '.'], ['7,200,000', '.'], ['7.200.000', ','],
    ['0,274', ','], ['1234,567', ','], ['1 234,567', ','], ["1'234.500", '.'], ['-0.125', '.'], ['5.', '.'],
  ])('%s proves %s', (raw, mark) => expect(decimalMarkSignal(raw)).toBe(mark));

  it.each(['1,274', '103,764', '2.000', '42', ''])('%s proves nothing', (raw) => expect(decimalMarkSignal(raw)).toBeNull());
});

describe('decideDecimalMark', () => {
  it('a column of 1,274 / 103,764 / 8,8 is decimal-comma', () => expect(decideDecimalMark(['1,274', '103,764', '8,8'], '.')).toEqual({ mark: ',', mixed: false, assumed: false }));
  it('a column of 1,200 / 7,200 / 8.8 is decimal-point', () => expect(decideDecimalMark(['1,200', '7,200', '8.8'], ',')).toEqual({ mark: '.', mixed: false, assumed: false }));
  it('without proof the file hint decides', () => {
    expect(decideDecimalMark(['1,274', '2,000'], ',').mark).toBe(',');
    expect(decideDecimalMark(['1,274', '2,000'], '.').mark).toBe('.');
  });
  it('mixed columns are flagged and the majority wins', () => expect(decideDecimalMark(['8,8', '1,5', '2.5'], '.')).toEqual({ mark: ',', mixed: true, assumed: false }));
});

describe('parseNumber', () => {
  it('reads ambiguous cells with the column mark', () => {
    expect(value('1,274', ',')).toBe(1.274);
    expect(value('1,274', '.')).toBe(1274);
    expect(value('2.000', ',')).toBe(2000);
    expect(value('2.000', '.')).toBe(2);
  });
  it('reads unambiguous cells as written, whatever the column mark', () => {
    expect(value('8,8', '.')).toBe(8.8);
    expect(value('1.234.567,89', '.')).toBe(1234567.89);
    expect(value('1,234,567.89', ',')).toBe(1234567.89);
  });
  it('accepts space, no-break space, narrow no-break space and apostrophes as thousands separators', () => {
    expect(value('3 500', '.')).toBe(3500);
    expect(value('3\u00a0500,5', ',')).toBe(3500.5);
    expect(value('1\u202f234\u202f567', '.')).toBe(1234567);
    expect(value("1'234'567.50", '.')).toBe(1234567.5);
    expect(value('1’234', '.')).toBe(1234);
  });
  it('keeps signs (U+2212 too), bare fractions and exponent form', () => {
    expect(value('-5', '.')).toBe(-5);
    expect(value('\u22124,05', ',')).toBe(-4.05);
    expect(value('+17600000', '.')).toBe(17600000);
    expect(value('.5', '.')).toBe(0.5);
    expect(value(',5', ',')).toBe(0.5);
    expect(value('1.2e3', '.')).toBe(1200);
  });
  it('refuses what is not a number, with the reason', () => {
    expect(value('12,34,5', '.')).toBe("'12,34,5' has misplaced thousands separators");
    expect(value('1 23', '.')).toBe("'1 23' has misplaced thousands separators");
    expect(value('abc', '.')).toBe("'abc' is not a number");
    expect(value('1.2.3,4.5', '.')).toBe("'1.2.3,4.5' is not a number");
    expect(value('1,234 567', '.')).toBe("'1,234 567' is not a number");
    expect(value('.', '.')).toBe("'.' is not a number");
    expect(value('  ', '.')).toBe('is empty');
  });
});
