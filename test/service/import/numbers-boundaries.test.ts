/**
 * Number parsing at its boundaries (service/import/numbers.ts), aimed at the mutants that misread
 * a value silently (issue 16, docs/testing.md): ranges, exponents, grouping rules, the three-digit
 * fraction that proves nothing, ties between decimal marks.
 */
import { describe, expect, it } from 'vitest';
import { decideDecimalMark, decimalMarkSignal, parseNumber } from '../../../service/import/numbers';

const value = (raw: string, mark: '.' | ',') => {
  const r = parseNumber(raw, mark);
  return r.ok ? r.value : r.reason;
};

describe('parseNumber boundaries', () => {
  it('refuses ranges and other separators instead of gluing the digits together', () => {
    expect(value('10-200', '.')).toBe("'10-200' is not a number");
    expect(value('10-200', ',')).toBe("'10-200' is not a number");
    expect(value('1_000', '.')).toBe("'1_000' is not a number");
    expect(value('10 - 200', '.')).toBe("'10 - 200' is not a number");
    expect(value('1,000 000', ',')).toBe("'1,000 000' is not a number");
  });

  it('reads exponents with signs, and refuses malformed or infinite ones', () => {
    expect(value('1e5', '.')).toBe(100000);
    expect(value('1.5E-3', ',')).toBe(0.0015);
    expect(value('2e+2', '.')).toBe(200);
    expect(value('-2e2', '.')).toBe(-200);
    expect(value('\u22122.5e1', '.')).toBe(-25);
    expect(value('+3e0', '.')).toBe(3);
    expect(value('1e400', '.')).toBe("'1e400' is not a number");
    expect(value('e5', '.')).toBe("'e5' is not a number");
    expect(value('1e', '.')).toBe("'1e' is not a number");
    expect(value('1.2e3.4', '.')).toBe("'1.2e3.4' is not a number");
    expect(value('1,5e3', ',')).toBe("'1,5e3' is not a number");
  });

  it('keeps the sign of grouped and fractional numbers', () => {
    expect(value('-1.234,5', '.')).toBe(-1234.5);
    expect(value('- 7', '.')).toBe(-7);
    expect(value('+0,25', ',')).toBe(0.25);
    expect(value('-0', '.')).toBe(-0);
  });

  it('checks grouping: first group 1–3 digits, then groups of exactly 3', () => {
    expect(value('1,234,567', '.')).toBe(1234567);
    expect(value('123,456', '.')).toBe(123456);
    expect(value('1234,567.5', '.')).toBe("'1234,567.5' has misplaced thousands separators");
    expect(value('1,2345.5', '.')).toBe("'1,2345.5' has misplaced thousands separators");
    expect(value('1,23.5', '.')).toBe("'1,23.5' has misplaced thousands separators");
    expect(value(',234.5', '.')).toBe("',234.5' has misplaced thousands separators");
    expect(value('1 234 56', '.')).toBe("'1 234 56' has misplaced thousands separators");
    expect(value("12'345'678", '.')).toBe(12345678);
    expect(value('1.234 567', ',')).toBe("'1.234 567' is not a number");
  });

  it('a separator equal to the decimal mark is not a thousands separator', () => {
    expect(value('1 234,5', ',')).toBe(1234.5);
    expect(value('5.', '.')).toBe(5);
    expect(value('5,', ',')).toBe(5);
    expect(value('.', ',')).toBe("'.' is not a number");
    expect(value(',', ',')).toBe("',' is not a number");
    expect(value('1.234.567', ',')).toBe(1234567);
    expect(value('1.2.3', ',')).toBe("'1.2.3' has misplaced thousands separators");
  });
});

describe('decimalMarkSignal boundaries', () => {
  it.each([
    ['0.500', '.'], ['00,500', ','], ['.500', '.'], [',500', ','], ['1234.567', '.'], ['12345,678', ','],
    ['1 234.567', '.'], ["1'234,567", ','], ['1.2345', '.'], ['1.23', '.'], ['1,2', ','], ['+0,125', ','],
    ['-1.234,5', ','], ['1,234.5', '.'], ['1.2.3', ','], ['1,2,3', '.'],
  ])('%s proves %s', (raw, mark) => expect(decimalMarkSignal(raw)).toBe(mark));

  it.each(['10.500', '2.000', '1.250', '123.456', '-1,234', '100,000', '1.2a', '1,23x', '  '])('%s proves nothing', (raw) =>
    expect(decimalMarkSignal(raw)).toBeNull(),
  );
});

describe('decideDecimalMark boundaries', () => {
  it('a column of 10.500 / 2.000 / 1.250 proves nothing: the file hint decides, it is never read as 10.5 on its own', () => {
    const column = ['10.500', '2.000', '1.250'];
    const comma = decideDecimalMark(column, ',');
    expect(comma).toMatchObject({ mark: ',', mixed: false, assumed: true });
    expect(column.map((v) => value(v, comma.mark))).toEqual([10500, 2000, 1250]);
    const dot = decideDecimalMark(column, '.');
    expect(dot).toMatchObject({ mark: '.', mixed: false, assumed: true });
    expect(column.map((v) => value(v, dot.mark))).toEqual([10.5, 2, 1.25]);
  });

  it('a column with no mark at all assumes nothing', () => {
    expect(decideDecimalMark(['42', '7', '-3'], ',')).toEqual({ mark: ',', mixed: false, assumed: false });
    expect(decideDecimalMark([], '.')).toEqual({ mark: '.', mixed: false, assumed: false });
  });

  it('one proving cell decides the column', () => {
    expect(decideDecimalMark(['10.500', '2.000', '3,5'], '.')).toEqual({ mark: ',', mixed: false, assumed: false });
    expect(decideDecimalMark(['10,500', '2,000', '3.5'], ',')).toEqual({ mark: '.', mixed: false, assumed: false });
  });

  it('a tie between the marks is flagged as mixed and read with a decimal point', () => {
    expect(decideDecimalMark(['8,8', '2.5'], ',')).toEqual({ mark: '.', mixed: true, assumed: false });
    expect(decideDecimalMark(['8,8', '2.5', '1,274'], '.')).toEqual({ mark: '.', mixed: true, assumed: false });
    expect(decideDecimalMark(['8,8', '2,5', '2.5'], '.')).toEqual({ mark: ',', mixed: true, assumed: false });
    expect(decideDecimalMark(['8.8', '2.5', '2,5'], ',')).toEqual({ mark: '.', mixed: true, assumed: false });
  });
});
