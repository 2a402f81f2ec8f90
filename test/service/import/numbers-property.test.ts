/**
 * Number parsing against the value that was written (service/import/numbers.ts), as a property
 * with a fixed seed (issue 16): a number is formatted the way a spreadsheet of some locale writes
 * it (sign, decimal point or comma, thousands grouped by the other mark, a space, a no-break space
 * or an apostrophe) and must read back as exactly that number when the column's mark is known.
 * Whole files (issue 11 item 1, tester finding F13): for any number written in any supported
 * locale — columns in different locales, a money column mixing currencies, a column whose few
 * values that show a mark go against the file — the importer reads the intended value or holds the
 * row back with the decimal-mark fix; never a wrong number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../service/import';
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

/** A locale's way of writing numbers: its decimal mark and thousands separator ('' for none). */
interface Locale {
  mark: DecimalMark;
  sep: string;
}
const LOCALES: readonly Locale[] = [
  { mark: '.', sep: '' }, { mark: '.', sep: ',' }, { mark: '.', sep: "'" }, { mark: '.', sep: ' ' },
  { mark: ',', sep: '' }, { mark: ',', sep: '.' }, { mark: ',', sep: ' ' }, { mark: ',', sep: '\u00a0' },
];
const locale = fc.constantFrom(...LOCALES);

/** A positive number written in `loc` (quantities must be above zero): its text and value. */
const amountIn = (loc: Locale, frac: fc.Arbitrary<string> = fc.stringMatching(/^\d{0,4}$/)): fc.Arbitrary<{ text: string; value: number }> =>
  fc.record({ int: fc.integer({ min: 1, max: 9_999_999 }), frac }).map(({ int, frac }) => ({
    text: `${group(String(int), loc.sep)}${frac ? `${loc.mark}${frac}` : ''}`,
    value: Number(`${int}.${frac || '0'}`),
  }));

/** A whole file around a quantity and a value column (money cells as given), with coordinates in the file's locale `file`. */
function fileText(delimiter: ',' | ';', file: Locale, rows: readonly { quantity: string; value: string; currency: string }[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = rows.map((r, i) =>
    ['2019-01-01', 'KE', 'ivory', r.quantity, 'kg', r.value, r.currency, `-4${file.mark}0${i % 10}`, `39${file.mark}6${i % 10}`].map(q).join(delimiter));
  return [['date', 'country', 'commodity', 'quantity', 'unit', 'value', 'currency', 'latitude', 'longitude'].join(delimiter), ...lines].join('\n');
}

/**
 * Every data row either imports with the values that were written, or is held back: refused on
 * that line with the fix that names the column's decimal-mark choice. Never a wrong number.
 */
function readRightOrHeld(text: string, intended: readonly { quantity: number; value: number }[], decimalMarks?: Record<string, DecimalMark>): boolean {
  const parsed = parseImportFile({ fileName: 'p.csv', bytes: new TextEncoder().encode(text), stage: 'preview', ...(decimalMarks ? { decimalMarks } : {}) });
  const byLine = new Map(parsed.seizures.map((s) => [s.line, s.fields]));
  return intended.every((want, i) => {
    const line = i + 2;
    const got = byLine.get(line);
    if (got) return got.quantity === want.quantity && got.reportedValue === want.value;
    const why = parsed.report.rejected.filter((r) => r.line === line);
    return why.length > 0 && why.every((r) => r.fix?.includes('--decimal-mark'));
  });
}

const FILE_RUNS = { numRuns: 300, seed: 1311 };

describe('a whole file: a number is read as written or its row is held back (property, fixed seed; tester finding F13)', () => {
  it('each column written in one locale (locales may differ between columns): right or held, and with the marks chosen every row is right', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<',' | ';'>(',', ';'), locale, locale, locale,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 0, max: 2 ** 30 })), { minLength: 1, maxLength: 6 }),
        (delimiter, file, ql, vl, seeds) => {
          const rows = seeds.map(([a, b]) => [fc.sample(amountIn(ql), { numRuns: 1, seed: a })[0]!, fc.sample(amountIn(vl), { numRuns: 1, seed: b })[0]!] as const);
          const text = fileText(delimiter, file, rows.map(([qty, val]) => ({ quantity: qty.text, value: val.text, currency: 'EUR' })));
          const intended = rows.map(([qty, val]) => ({ quantity: qty.value, value: val.value }));
          return readRightOrHeld(text, intended) && readRightOrHeld(text, intended, { quantity: ql.mark, value: vl.mark });
        },
      ),
      FILE_RUNS,
    );
  });

  it('a value column whose cells name their currency, each written as its country writes it (€1.250, 1.250 €, CHF 1\'250.50, USD 1,250.50): right or held', () => {
    const euro = fc.constantFrom<Locale>({ mark: ',', sep: '.' }, { mark: ',', sep: ' ' }, { mark: ',', sep: '' });
    const money = fc.oneof(
      fc.tuple(euro, fc.boolean()).chain(([loc, before]) => amountIn(loc, fc.stringMatching(/^(\d{2})?$/)).map((a) => ({ text: before ? `€${a.text}` : `${a.text} €`, value: a.value }))),
      amountIn({ mark: '.', sep: "'" }, fc.stringMatching(/^(\d{2})?$/)).map((a) => ({ text: `CHF ${a.text}`, value: a.value })),
      amountIn({ mark: '.', sep: ',' }, fc.stringMatching(/^(\d{2})?$/)).map((a) => ({ text: `USD ${a.text}`, value: a.value })),
    );
    fc.assert(
      fc.property(fc.constantFrom<',' | ';'>(',', ';'), locale, fc.array(fc.tuple(fc.integer({ min: 1, max: 999 }), money), { minLength: 1, maxLength: 6 }), (delimiter, file, rows) => {
        const text = fileText(delimiter, file, rows.map(([qty, val]) => ({ quantity: String(qty), value: val.text, currency: '' })));
        return readRightOrHeld(text, rows.map(([qty, val]) => ({ quantity: qty, value: val.value })));
      }),
      FILE_RUNS,
    );
  });

  it('a column in the file’s locale but for a minority of values that show another mark (F13 without currencies): right or held', () => {
    fc.assert(
      fc.property(fc.constantFrom<',' | ';'>(',', ';'), fc.constantFrom<DecimalMark>('.', ','), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 9 }), (delimiter, mark, k, extra, seed) => {
        const file: Locale = { mark, sep: mark === '.' ? ',' : '.' };
        const foreign: Locale = { mark: mark === '.' ? ',' : '.', sep: '' };
        // k values that show the foreign mark ("2,5"), at least as many that depend on it, written in the file's locale ("1.250").
        const shown = fc.sample(amountIn(foreign, fc.stringMatching(/^\d{1,2}$/)), { numRuns: k, seed });
        const dependent = fc.sample(fc.integer({ min: 1000, max: 999_999 }), { numRuns: k + extra, seed }).map((v) => ({ text: group(String(v), file.sep), value: v }));
        const values = [...dependent, ...shown];
        const text = fileText(delimiter, file, values.map((v) => ({ quantity: `1${file.mark}5`, value: v.text, currency: 'EUR' })));
        return readRightOrHeld(text, values.map((v) => ({ quantity: 1.5, value: v.value })));
      }),
      FILE_RUNS,
    );
  });
});
