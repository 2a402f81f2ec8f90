/**
 * Numbers and quantity cells at the edges the other number tests leave (service/import/numbers.ts,
 * quantity.ts), aimed at surviving mutants (issue 16, docs/testing.md): exponents with several
 * digits, digits too many to represent, a mixed column that assumes its mark, a non-number cell
 * that must not decide a column, signs and bare fractions in quantity cells, and a number's own
 * reason passed through a quantity.
 */
import { describe, expect, it } from 'vitest';
import { decideDecimalMark, decimalMarkSignal, parseNumber } from '../../../service/import/numbers';
import { parseQuantity, splitQuantity } from '../../../service/import/quantity';

const value = (raw: string, mark: '.' | ',') => {
  const r = parseNumber(raw, mark);
  return r.ok ? r.value : r.messageId;
};
const qty = (raw: string, mark: '.' | ',' = '.') => {
  const r = parseQuantity(raw, mark);
  return r.ok ? r.value : r.messageId;
};

describe('parseNumber', () => {
  it('reads exponents with several digits before, after the point and in the exponent', () => {
    expect(value('12e2', '.')).toBe(1200);
    expect(value('1.25e2', '.')).toBe(125);
    expect(value('1.25e2', ',')).toBe(125);
    expect(value('1e10', '.')).toBe(1e10);
    expect(value('2.5E-10', '.')).toBe(2.5e-10);
  });

  it('refuses digits too many to represent instead of reading Infinity', () => {
    const huge = `1${'0'.repeat(400)}`;
    expect(value(huge, '.')).toBe('import.not-a-number');
    expect(value(`${huge},5`, ',')).toBe('import.not-a-number');
  });

  it('reads a bare fraction, and a whole number, exactly', () => {
    expect(value('.5', '.')).toBe(0.5);
    expect(value(',75', ',')).toBe(0.75);
    expect(value('12', ',')).toBe(12);
    expect(value('007', '.')).toBe(7);
    expect(value('', '.')).toBe('import.empty');
    expect(value('  ', '.')).toBe('import.empty');
  });
});

describe('the decimal mark of a column', () => {
  it('a column of plain integers with one unproven mark is flagged as assumed', () => {
    expect(decideDecimalMark(['42', '10.500'], ',')).toEqual({ mark: ',', mixed: false, assumed: true });
    expect(decideDecimalMark(['42', '1,274', '7'], '.')).toEqual({ mark: '.', mixed: false, assumed: true });
  });

  it('a cell that is not a number proves nothing, however its marks stand', () => {
    expect(decimalMarkSignal('x1234.567')).toBeNull();
    expect(decimalMarkSignal('1234x.567')).toBeNull();
    expect(decimalMarkSignal('01.500')).toBeNull();
    expect(decimalMarkSignal('0.500')).toBe('.');
    expect(decimalMarkSignal('1234.567')).toBe('.');
  });
});

describe('quantity cells', () => {
  it('keeps signs and reads bare fractions and every kind of spacing', () => {
    expect(qty('-2 kg')).toEqual({ quantity: -2, unit: 'kg' });
    expect(qty('+2 kg')).toEqual({ quantity: 2, unit: 'kg' });
    expect(qty('\u22122,5 t', ',')).toEqual({ quantity: -2.5, unit: 't' });
    expect(qty('.5 kg')).toEqual({ quantity: 0.5, unit: 'kg' });
    expect(qty(',5 kg', ',')).toEqual({ quantity: 0.5, unit: 'kg' });
    expect(qty('1\u00a0234 kg')).toEqual({ quantity: 1234, unit: 'kg' });
    expect(qty("1'234kg")).toEqual({ quantity: 1234, unit: 'kg' });
    expect(qty('  12 t  ')).toEqual({ quantity: 12, unit: 't' });
    expect(qty('12   metric tons')).toEqual({ quantity: 12, unit: 't' });
  });

  it('splits number and unit where the digits end', () => {
    expect(splitQuantity('2,000 kg')).toEqual(['2,000', 'kg']);
    expect(splitQuantity('12.5m³')).toEqual(['12.5', 'm³']);
    expect(splitQuantity('-.5 t')).toEqual(['-.5', 't']);
    expect(splitQuantity(' 7 ')).toEqual(['7', '']);
    expect(splitQuantity('kg 500')).toBeNull();
    expect(splitQuantity('.')).toBeNull();
    expect(splitQuantity('')).toBeNull();
    // A tab is not a digit-group separator, so the unit part starts at it and is trimmed: the
    // caller gets "5 kg", not "\t5 kg" (the regex gives the tab to the unit part when a digit follows).
    expect(splitQuantity('12 \t5 kg')).toEqual(['12', '5 kg']);
    expect(splitQuantity('3\n\n7')).toEqual(['3', '7']);
  });

  it('passes the number’s own reason through, and refuses a cell that is no quantity', () => {
    expect(qty('12,34,5 kg')).toBe('import.misplaced-separators');
    expect(qty('1.2.3,4.5 kg', ',')).toBe('import.not-a-number');
    expect(qty('3 tons')).toBe('import.unit-tons');
    expect(qty('about 3 kg')).toBe('import.not-a-quantity');
  });
});

describe('survivors of the 2026-12-06 numbers run', () => {
  it('a lone sign is not a number (not −0 or 0)', () => {
    expect(parseNumber('-', '.')).toEqual({ ok: false, reason: "'-' is not a number", messageId: 'import.not-a-number', values: { value: '-' } });
    expect(value('+', ',')).toBe('import.not-a-number');
    expect(value('\u2212', '.')).toBe('import.not-a-number');
  });
  it('the exponent form is the whole cell: a second sign or a hex prefix is refused, not read by Number()', () => {
    expect(value('-+1e5', '.')).toBe('import.not-a-number');
    expect(value('0x1e5', '.')).toBe('import.not-a-number'); // Number('0x1e5') is 485
    expect(value('1e5', '.')).toBe(100000);
  });
  it('leading blanks before a three-digit fraction prove nothing (the cell is trimmed first)', () => {
    expect(decimalMarkSignal(' 1,234')).toBeNull();
    expect(decimalMarkSignal('\u00a0-1.234')).toBeNull();
    expect(decimalMarkSignal(' 1 234,5')).toBe(',');
  });
  it('a quantity cell is read whole: a second line, or text before the number, makes it no quantity', () => {
    expect(qty('5 kg\n(about 2 t)')).toBe('import.not-a-quantity');
    expect(qty('x.5 kg')).toBe('import.not-a-quantity');
    expect(qty('x5 kg')).toBe('import.not-a-quantity');
    expect(qty('.x kg')).toBe('import.not-a-quantity');
    expect(qty('.5 kg')).toEqual({ quantity: 0.5, unit: 'kg' });
    expect(qty('-,25 t', ',')).toEqual({ quantity: -0.25, unit: 't' });
    expect(parseQuantity('  abc  ', '.')).toMatchObject({ ok: false, reason: "'abc' is not a quantity", values: { value: 'abc' } });
  });
});
