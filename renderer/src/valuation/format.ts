/**
 * Formatting for the valuation screens: money ranges in full ("USD 6,424,000 – 18,480,000") and
 * short ("USD 6.42–18.5 M") forms, shares as percentages, and one-line descriptions of the
 * exchange rates behind a converted figure ("1 HKD = 0.12903 USD · ECB 28 Apr 2020"). Locale
 * independent (the shared formatters always use "," and "."), like the case pack. The words come
 * from the message catalogue (`valuation.format.*`).
 */
import type { ConversionDto, MoneyRangeDto, RateQuoteDto } from '../../../shared/rpc/valuation';
import { formatMoneyRange, formatSignificant, roundSignificantDirected, type RoundDirection } from '../../../shared/valuation/money';
import { currentLocale, t } from '../../../shared/messages';
import { formatIsoDate } from '../format/dates';

/** What a total says when no seizure is valued yet (instead of a misleading "USD 0"). */
export function notValuedYet(): string {
  return t('valuation.format.not-valued-yet');
}

/** "USD 6,424,000 – 18,480,000": both ends in whole units of the currency, rounded outward. */
export function fullRange(r: MoneyRangeDto): string {
  return formatMoneyRange(r);
}

const SCALES: [number, string][] = [
  [1e12, 'tn'],
  [1e9, 'bn'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * 3 significant digits, without float noise: 6.424 → "6.42", 18.48 → "18.5", 120 → "120"; with a
 * direction, rounded that way (6.429 down → "6.42", 18.41 up → "18.5").
 */
function short(x: number, dir?: RoundDirection): string {
  return formatSignificant(dir ? roundSignificantDirected(x, 3, dir) : x, 3);
}

/** One amount on its own scale: 6,424,000 → "6.42 M", 643,071,828 → "643 M", 950 → "950". */
function scaled(x: number, dir?: RoundDirection): { text: string; unit: string } {
  const scale = SCALES.find(([s]) => x >= s);
  return { text: short(scale ? x / scale[0] : x, dir), unit: scale ? ` ${scale[1]}` : '' };
}

/**
 * "USD 6.42–18.5 M": a range in three significant digits on the scale (k, M, bn) of its ends, or
 * "USD 643 M – 2.88 bn" when the ends are on different scales; "USD 0" for zero. The ends are
 * rounded outward (low down, high up), so the short form never overstates the low end nor
 * understates the high one; a single amount is rounded to nearest. For tables and chart labels;
 * the full form is in tooltips.
 */
export function shortRange(r: MoneyRangeDto): string {
  if (r.low === r.high) {
    const one = scaled(r.low);
    return `${r.currency} ${one.text}${one.unit}`;
  }
  const low = scaled(r.low, 'down');
  const high = scaled(r.high, 'up');
  if (low.text === high.text && low.unit === high.unit) return `${r.currency} ${high.text}${high.unit}`;
  if (low.unit === high.unit || r.low === 0) return `${r.currency} ${r.low === 0 ? '0' : low.text}–${high.text}${high.unit}`;
  return `${r.currency} ${low.text}${low.unit} – ${high.text}${high.unit}`;
}

/** "USD 12.9 M": one amount in short form. */
export function shortAmount(amount: number, currency: string): string {
  return shortRange({ low: amount, high: amount, currency });
}

/** "10–30 %" from fractions. */
export function percentRange(low: number, high: number): string {
  const pct = (x: number): string => String(Number((x * 100).toFixed(2)));
  return low === high ? `${pct(low)} %` : `${pct(low)}–${pct(high)} %`;
}

/** The quotes of a conversion, from the response's quote list. */
export function quotesOf(c: ConversionDto, quotes: readonly RateQuoteDto[]): RateQuoteDto[] {
  return c.quotes.map((i) => quotes[i]).filter((q): q is RateQuoteDto => Boolean(q));
}

/** Where a quote comes from, briefly: "ECB 19 Jul 2019", "user rate of 1 Jun 2019". */
export function quoteSource(q: RateQuoteDto): string {
  if (q.kind === 'ecb') return t('valuation.format.source-ecb', { date: formatIsoDate(q.date) });
  if (q.kind === 'user') return t('valuation.format.source-user', { date: formatIsoDate(q.date) });
  return t('valuation.format.source-base');
}

/**
 * One line for a converted figure: the cross rate and where its quotes come from, e.g.
 * "1 HKD = 0.12903 USD · ECB 28 Apr 2020", "1 USD = 1.35924 SGD · ECB 19 Jul 2019 (2 days before)",
 * "no conversion" when the currencies are the same.
 */
export function rateLine(c: ConversionDto, quotes: readonly RateQuoteDto[]): string {
  const [rate, source] = rateParts(c, quotes);
  return source ? `${rate} · ${source}` : rate;
}

/** {@link rateLine} in its two parts: the cross rate, and where its quotes come from (empty without conversion). */
export function rateParts(c: ConversionDto, quotes: readonly RateQuoteDto[]): [rate: string, source: string] {
  const qs = quotesOf(c, quotes).filter((q) => q.kind !== 'definition');
  if (!c.quotes.length) return [t('valuation.format.price-in', { currency: c.to }), ''];
  const sources = new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format([...new Set(qs.map(quoteSource))]);
  const days = Math.max(0, ...qs.map((q) => q.ageDays));
  return [t('valuation.format.cross-rate', { from: c.from, rate: formatSignificant(c.rate, 5), to: c.to }), t('valuation.format.sources-age', { sources, days })];
}

/** One quote in full: "SGD 1.5259 per EUR, ECB euro reference rate of 19 Jul 2019 (2 days before 21 Jul 2019)". */
export function quoteText(q: RateQuoteDto, requestedDate: string): string {
  const age = q.ageDays > 0 ? t('valuation.format.quote-age', { days: q.ageDays, date: formatIsoDate(requestedDate), stale: q.stale ? 'yes' : 'no' }) : '';
  if (q.kind === 'definition') return t('valuation.format.quote-base');
  const date = formatIsoDate(q.date);
  if (q.kind === 'user') {
    const entered =
      q.perUsd !== null
        ? t('valuation.format.quote-user-usd', { currency: q.currency, perUsd: formatSignificant(q.perUsd, 10), perEur: formatSignificant(q.perEur, 8), usdDate: q.usdLeg ? formatIsoDate(q.usdLeg.date) : '—' })
        : t('valuation.format.quote-user-eur', { currency: q.currency, perEur: formatSignificant(q.perEur, 10) });
    return t('valuation.format.quote-user', { entered, date, age, source: q.source });
  }
  return t('valuation.format.quote-ecb', { currency: q.currency, perEur: formatSignificant(q.perEur, 10), date, age });
}

/** "USD 730–2,100 per kg": a price reference's unit price. */
export function unitPriceText(p: { low: number; high: number; currency: string; unit: string }): string {
  const amount = p.low === p.high ? formatSignificant(p.low, 15) : `${formatSignificant(p.low, 15)}–${formatSignificant(p.high, 15)}`;
  return t('valuation.format.unit-price', { currency: p.currency, amount, unit: unitSingular(p.unit) });
}

/** A unit after "per": "kg", "m³", "piece", "head", "container" (never "per pieces"). */
export function unitSingular(unit: string): string {
  return t('valuation.format.unit-after-per', { unit });
}

/** "elephant ivory (raw tusks) · USD 730–2,100 per kg · 2017": how a price is named in menus. */
export function priceOptionLabel(p: { commodity: string; low: number; high: number; currency: string; unit: string; date: string }): string {
  return t('valuation.format.price-option', { commodity: p.commodity, price: unitPriceText(p), year: p.date.slice(0, 4) });
}
