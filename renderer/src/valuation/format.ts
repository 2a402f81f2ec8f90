/**
 * Formatting for the valuation screens: money ranges in full ("USD 6,424,000 – 18,480,000") and
 * short ("USD 6.42–18.5 M") forms, shares as percentages, and one-line descriptions of the
 * exchange rates behind a converted figure ("1 HKD = 0.12903 USD · ECB 28 Apr 2020"). Locale
 * independent (the shared formatters always use "," and "."), like the case pack.
 */
import type { ConversionDto, MoneyRangeDto, RateQuoteDto } from '../../../shared/rpc/valuation';
import { formatMoneyRange, formatSignificant, roundSignificantDirected, type RoundDirection } from '../../../shared/valuation/money';
import { formatIsoDate } from '../format/dates';

/** What a total says when no seizure is valued yet (instead of a misleading "USD 0"). */
export const NOT_VALUED_YET = 'Not valued yet — assign prices to seizures';

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
  if (q.kind === 'ecb') return `ECB ${formatIsoDate(q.date)}`;
  if (q.kind === 'user') return `user rate of ${formatIsoDate(q.date)}`;
  return 'EUR (base)';
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
  if (!c.quotes.length) return [`price in ${c.to}`, ''];
  const sources = [...new Set(qs.map(quoteSource))].join(' and ');
  const age = Math.max(0, ...qs.map((q) => q.ageDays));
  const when = age > 0 ? ` (${age} day${age === 1 ? '' : 's'} before)` : '';
  return [`1 ${c.from} = ${formatSignificant(c.rate, 5)} ${c.to}`, `${sources}${when}`];
}

/** One quote in full: "SGD 1.5259 per EUR, ECB euro reference rate of 19 Jul 2019 (2 days before 21 Jul 2019)". */
export function quoteText(q: RateQuoteDto, requestedDate: string): string {
  const age = q.ageDays > 0 ? ` (${q.ageDays} day${q.ageDays === 1 ? '' : 's'} before ${formatIsoDate(requestedDate)}${q.stale ? ', stale' : ''})` : '';
  if (q.kind === 'definition') return 'EUR 1 per EUR (base currency)';
  if (q.kind === 'user') {
    const entered = q.perUsd !== null ? `${q.currency} ${formatSignificant(q.perUsd, 10)} per USD (= ${formatSignificant(q.perEur, 8)} per EUR with the ECB USD rate of ${q.usdLeg ? formatIsoDate(q.usdLeg.date) : '—'})` : `${q.currency} ${formatSignificant(q.perEur, 10)} per EUR`;
    return `${entered}, rate entered for ${formatIsoDate(q.date)}${age}; source: ${q.source}`;
  }
  return `${q.currency} ${formatSignificant(q.perEur, 10)} per EUR, ECB euro reference rate of ${formatIsoDate(q.date)}${age}`;
}

/** "USD 730–2,100 per kg": a price reference's unit price. */
export function unitPriceText(p: { low: number; high: number; currency: string; unit: string }): string {
  const amount = p.low === p.high ? formatSignificant(p.low, 15) : `${formatSignificant(p.low, 15)}–${formatSignificant(p.high, 15)}`;
  return `${p.currency} ${amount} per ${unitSingular(p.unit)}`;
}

/** A unit after "per": "kg", "m³", "piece", "head", "container" (never "per pieces"). */
export function unitSingular(unit: string): string {
  return unit === 'm3' ? 'm³' : unit === 'pieces' ? 'piece' : unit === 'containers' ? 'container' : unit;
}

/** "elephant ivory (raw tusks) · USD 730–2,100 per kg · 2017": how a price is named in menus. */
export function priceOptionLabel(p: { commodity: string; low: number; high: number; currency: string; unit: string; date: string }): string {
  return `${p.commodity} · ${unitPriceText(p)} · ${p.date.slice(0, 4)}`;
}
