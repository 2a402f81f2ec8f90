/**
 * Number parsing against the value that was written (service/import/numbers.ts), as a property
 * with a fixed seed (issue 16): a number is formatted the way a spreadsheet of some locale writes
 * it (sign, decimal point or comma, thousands grouped by the other mark, a space, a no-break space
 * or an apostrophe) and must read back as exactly that number when the column's mark is known.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDecimalMark, parseNumber, type DecimalMark } from '../../../service/import/numbers';

/** Fixed seed: a mutant is killed on every run, not sometimes. */
const RUNS = { numRuns: 1000, seed: 1616 };

interface Written {
  text: string;
  mark: DecimalMark;
  value: number;
}

/** Groups the digits of `int` in threes from the right with `sep`. */
function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

const written: fc.Arbitrary<Written> = fc
  .record({
    sign: fc.constantFrom('', '-', '+', '\u2212'),
    int: fc.bigInt({ min: 0n, max: 10n ** 13n }),
    frac: fc.stringMatching(/^\d{0,4}$/),
    mark: fc.constantFrom<DecimalMark>('.', ','),
    sep: fc.constantFrom('', 'other', ' ', '\u00a0', "'"),
  })
  .map(({ sign, int, frac, mark, sep }) => {
    const digits = int.toString();
    const separator = sep === 'other' ? (mark === '.' ? ',' : '.') : sep;
    const text = `${sign}${group(digits, separator)}${frac ? `${mark}${frac}` : ''}`;
    const magnitude = Number(`${digits}.${frac || '0'}`);
    return { text, mark, value: sign === '' || sign === '+' ? magnitude : -magnitude };
  });

describe('parseNumber reads back what was written (property, fixed seed)', () => {
  it('with the column’s own decimal mark', () => {
    fc.assert(
      fc.property(written, ({ text, mark, value }) => {
        const r = parseNumber(text, mark);
        return r.ok && Object.is(r.value, value);
      }),
      RUNS,
    );
  });

  it('a column whose cells prove their mark is read with it, whatever the file’s hint', () => {
    // Cells that prove the mark: a fraction of 1, 2 or 4 digits.
    const proving = written.filter((w) => /[.,]\d{1,2}$|[.,]\d{4}$/.test(w.text));
    fc.assert(
      fc.property(fc.array(proving, { minLength: 1, maxLength: 8 }), fc.constantFrom<DecimalMark>('.', ','), (cells, hint) => {
        const mark = cells[0]!.mark;
        const column = cells.filter((c) => c.mark === mark);
        const decided = decideDecimalMark(column.map((c) => c.text), hint);
        if (decided.mark !== mark || decided.mixed || decided.assumed) return false;
        return column.every((c) => {
          const r = parseNumber(c.text, decided.mark);
          return r.ok && Object.is(r.value, c.value);
        });
      }),
      RUNS,
    );
  });

  it('examples the property covers, written out', () => {
    expect(parseNumber("\u22121'234'567,25", ',')).toEqual({ ok: true, value: -1234567.25 });
    expect(parseNumber('12\u00a0000.5', '.')).toEqual({ ok: true, value: 12000.5 });
    expect(parseNumber('1.234.567,0001', ',')).toEqual({ ok: true, value: 1234567.0001 });
  });
});
