/**
 * Methodology statements: plain English sentences generated from the inputs of a valuation or an
 * estimate (quantities, prices and their sources, exchange rates and their dates, factors,
 * assumptions), ready to paste into a case pack. Every figure in a sentence comes from the
 * valuation objects; nothing is recomputed here except formatting.
 *
 * Money ranges are written in whole units of their currency, quantities and prices as recorded,
 * exchange rates as published. Dates are written "3 January 2013". The sentences come from the
 * message catalogue (`valuation.method.*` in shared/messages/en/valuation-methodology.ts, ICU plurals),
 * so this file passes figures, never wording.
 */
import { MARKET_LEVEL_LABELS } from '../domain/price-reference';
import { countryName } from '../domain/iso';
import { currentLocale, t } from '../messages';
import { CONTEXT_DISCLAIMER, formatCitation, type ContextFigure } from './context';
import { formatDateLong } from './dates';
import { formatShare, type CaseEstimate, type FlowEstimate } from './estimates';
import { formatMoney, formatMoneyRange, formatSignificant } from './money';
import type { Converted, RateQuote } from './rates';
import type { QuantityUnit } from '../domain/codes';
import { conversionFactor } from './units';
import type { SeizureValuation, ValuationFailure } from './valuate';

/** ICU select values for an optional part of a sentence. */
const yes = (b: unknown): 'yes' | 'no' => (b ? 'yes' : 'no');

/** The name of a unit for `count` of it, singular or plural by the locale's plural rules: "kilogram", "tonnes". */
function unitWord(unit: QuantityUnit, count: number): string {
  return t('valuation.method.unit-name', { unit, count });
}

/** "a and b", "a, b and c" in the locale's words (Intl.ListFormat), so no "and" is written at a call site. */
function andList(items: readonly string[]): string {
  return new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(items);
}

/** A quantity as recorded, with its unit name: "1,323 kilograms", "8.8 tonnes", "1 piece". */
export function formatQuantity(value: number, unit: QuantityUnit): string {
  return t('valuation.method.quantity', { value: formatSignificant(value, 15), name: unitWord(unit, value) });
}

/** A range of plain numbers: "1.2–1.5", or "2" when both ends are equal. */
function formatPlainRange(low: number, high: number): string {
  const a = formatSignificant(low, 15);
  const b = formatSignificant(high, 15);
  return a === b ? a : `${a}–${b}`;
}

/**
 * One quote in words, e.g. "HKD 10.1558 per EUR (ECB euro reference rate of 3 January 2013)";
 * a quote older than the date converted says so.
 */
export function describeQuote(q: RateQuote): string {
  const age = q.ageDays > 0 ? t('valuation.method.quote-age', { days: q.ageDays, date: formatDateLong(q.requestedDate), stale: yes(q.stale) }) : '';
  const date = formatDateLong(q.date);
  switch (q.origin.kind) {
    case 'definition':
      return t('valuation.method.quote-definition');
    case 'ecb':
      return t('valuation.method.quote-ecb', { currency: q.currency, perEur: formatSignificant(q.perEur, 15), date, age });
    case 'user': {
      const source = q.origin.label;
      if (q.origin.perUsd && q.usdLeg) {
        const perUsd = formatSignificant(q.origin.perUsd, 15);
        return t('valuation.method.quote-user-usd', { currency: q.currency, perUsd, date, age, source, perEur: formatSignificant(q.perEur, 10), usdLeg: describeQuote(q.usdLeg) });
      }
      return t('valuation.method.quote-user', { currency: q.currency, perEur: formatSignificant(q.perEur, 15), date, age, source });
    }
  }
}

/** One conversion in words: the quotes used, the cross rate and the result. */
export function describeConversion(from: string, c: Converted): string {
  const r = c.rate;
  const range = formatMoneyRange(c.range);
  if (!r.legs) return t('valuation.method.no-conversion', { to: r.to, range });
  const throughEuro = yes(r.legs.from.origin.kind !== 'definition' && r.legs.to.origin.kind !== 'definition');
  const quotes = andList([r.legs.from, r.legs.to].filter((q) => q.origin.kind !== 'definition').map(describeQuote));
  return t('valuation.method.conversion', { from, to: r.to, throughEuro, date: formatDateLong(r.requestedDate), quotes, rate: formatSignificant(r.rate, 6), range });
}

/** The methodology sentences of one successful valuation. */
export function describeValuation(v: SeizureValuation): string[] {
  const out: string[] = [];
  const p = v.price;
  const date = formatDateLong(v.date);
  const when =
    v.datePrecision === 'day'
      ? t('valuation.method.on-day', { date })
      : t('valuation.method.in-period', { period: v.datePrecision === 'month' ? v.date.slice(0, 7) : v.date.slice(0, 4), precision: v.datePrecision, date });
  out.push(t('valuation.method.seizure', { quantity: formatQuantity(v.quantity.value, v.quantity.unit), hasCommodity: yes(v.commodity), commodity: v.commodity, when }));
  const country = p.country ? countryName(p.country) : '';
  const where = [p.place, country && country !== p.place ? country : ''].filter(Boolean).join(', ');
  out.push(
    t('valuation.method.unit-price', {
      currency: p.currency,
      price: formatPlainRange(p.low, p.high),
      unit: unitWord(p.unit, 1),
      commodity: p.commodity,
      hasTaxon: yes(p.taxon),
      taxon: p.taxon,
      level: MARKET_LEVEL_LABELS[p.marketLevel].toLowerCase(),
      where,
      date: formatDateLong(p.date),
      title: p.citationTitle,
      hasUrl: yes(p.citationUrl),
      url: p.citationUrl,
    }),
  );
  if (v.quantity.unit !== v.quantityInPriceUnit.unit) {
    out.push(
      t('valuation.method.quantity-converted', {
        from: formatQuantity(v.quantity.value, v.quantity.unit),
        to: formatQuantity(v.quantityInPriceUnit.value, v.quantityInPriceUnit.unit),
        fromUnit: v.quantity.unit,
        factor: formatSignificant(conversionFactor(v.quantity.unit, v.quantityInPriceUnit.unit), 15),
        toUnit: v.quantityInPriceUnit.unit,
      }),
    );
  }
  const factor = v.factor ? formatPlainRange(v.factor.low, v.factor.high) : '';
  if (v.factor) out.push(t('valuation.method.factor-applied', { factor, label: v.factor.label }));
  out.push(
    t('valuation.method.arithmetic', {
      hasFactor: yes(v.factor),
      quantity: formatSignificant(v.quantityInPriceUnit.value, 15),
      currency: p.currency,
      price: formatPlainRange(p.low, p.high),
      factor,
      result: formatMoneyRange(v.inPriceCurrency),
    }),
  );
  out.push(describeConversion(p.currency, v.usd));
  if (v.reporting.range.currency !== 'USD') out.push(describeConversion(p.currency, v.reporting));
  const distant = v.warnings.some((w) => w.code === 'price-date-distant');
  if (p.date !== v.date && !distant) out.push(t('valuation.method.price-as-published', { priceDate: formatDateLong(p.date), date }));
  if (v.reported) {
    const hasUsd = Boolean(v.reported.usd && v.reported.value.currency !== 'USD');
    out.push(t('valuation.method.reported', { value: formatMoney(v.reported.value), hasUsd: yes(hasUsd), usd: v.reported.usd ? formatMoneyRange(v.reported.usd.range) : '' }));
  }
  for (const w of v.warnings) if (w.code !== 'approximate-date') out.push(w.message);
  return out;
}

/**
 * How statements name seizures and price references instead of their ids, e.g.
 * `seizure: id => "the seizure of 3 January 2013 (elephant ivory)"`, `price: id => "the price of raw ivory"`.
 */
export interface RecordNames {
  seizure(id: string): string;
  price(id: string): string;
}

/** One sentence saying why a valuation failed; `names` words the seizure and the price (default: their ids). */
export function describeFailure(f: ValuationFailure, names?: RecordNames): string {
  const seizure = names ? names.seizure(f.seizureId) : t('valuation.method.seizure-id', { id: f.seizureId });
  const price = names ? names.price(f.priceReferenceId) : t('valuation.method.price-id', { id: f.priceReferenceId });
  return t('valuation.method.failure', { seizure, price, problems: f.problems.map((p) => p.message).join(' ') });
}

/** The methodology sentences of a case (or network) estimate; `names` words the seizures and prices of failures. */
export function describeCaseEstimate(e: CaseEstimate, names?: RecordNames): string[] {
  const out: string[] = [];
  const n = e.seizures.length;
  const hasReporting = yes(e.reportingCurrency !== 'USD');
  out.push(
    n
      ? t('valuation.method.total', { count: n, usd: formatMoneyRange(e.total.usd), hasReporting, reporting: hasReporting === 'yes' ? formatMoneyRange(e.total.reporting) : '' })
      : t('valuation.method.no-total'),
  );
  if (n > 1) out.push(t('valuation.method.low-high'));
  if (e.seizures.some((s) => s.valuations.length > 1)) out.push(t('valuation.method.several-prices'));
  if (e.notValued.length) out.push(t('valuation.method.not-valued', { count: e.notValued.length }));
  if (e.excluded.length) {
    out.push(t('valuation.method.excluded', { count: e.excluded.length }));
    for (const f of e.failures.filter((x) => e.excluded.includes(x.seizureId))) out.push(describeFailure(f, names));
  }
  if (e.staleRates) out.push(t('valuation.method.stale'));
  if (e.reported.length) out.push(t('valuation.method.reported-total', { values: e.reported.map((r) => formatMoneyRange(r, 0)).join('; ') }));
  return out;
}

/** The sentences of an undetected-flow estimate, which always state that they rest on an assumption. */
export function describeFlow(f: FlowEstimate): string[] {
  return [
    f.label,
    t('valuation.method.flow-total', {
      flow: formatMoneyRange(f.totalFlow),
      high: formatShare(f.interdiction.high, f.interdiction.high),
      low: formatShare(f.interdiction.low, f.interdiction.low),
      undetected: formatMoneyRange(f.undetected),
    }),
    t('valuation.method.flow-not-evidence'),
  ];
}

/** One sentence per context figure, with its full citation and the statement that it is not a NEST Desk figure. */
export function describeContext(figures: readonly ContextFigure[]): string[] {
  return figures.map((f) =>
    t('valuation.method.context', {
      label: f.label,
      display: f.display,
      citation: formatCitation(f.citation),
      toVerify: yes(f.verification.status === 'to-verify'),
      disclaimer: CONTEXT_DISCLAIMER,
    }),
  );
}
