/**
 * Methodology statements: plain English sentences generated from the inputs of a valuation or an
 * estimate (quantities, prices and their sources, exchange rates and their dates, factors,
 * assumptions), ready to paste into a case pack. Every figure in a sentence comes from the
 * valuation objects; nothing is recomputed here except formatting.
 *
 * Money ranges are written in whole units of their currency, quantities and prices as recorded,
 * exchange rates as published. Dates are written "3 January 2013".
 */
import { MARKET_LEVEL_LABELS } from '../domain/price-reference';
import { countryName } from '../domain/iso';
import { CONTEXT_DISCLAIMER, formatCitation, type ContextFigure } from './context';
import { formatDateLong } from './dates';
import { formatShare, type CaseEstimate, type FlowEstimate } from './estimates';
import { formatMoney, formatMoneyRange, formatSignificant } from './money';
import type { Converted, RateQuote } from './rates';
import { conversionFactor, unitName } from './units';
import type { SeizureValuation, ValuationFailure } from './valuate';

/** A quantity as recorded, with its unit name: "1,323 kilograms", "8.8 tonnes", "1 piece". */
export function formatQuantity(value: number, unit: Parameters<typeof unitName>[0]): string {
  return `${formatSignificant(value, 15)} ${unitName(unit, value === 1 ? 1 : 2)}`;
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
  const age = q.ageDays > 0 ? `, ${q.ageDays} day${q.ageDays === 1 ? '' : 's'} before ${formatDateLong(q.requestedDate)}${q.stale ? ' (stale)' : ''}` : '';
  switch (q.origin.kind) {
    case 'definition':
      return 'EUR 1 per EUR (the base currency)';
    case 'ecb':
      return `${q.currency} ${formatSignificant(q.perEur, 15)} per EUR (ECB euro reference rate of ${formatDateLong(q.date)}${age})`;
    case 'user': {
      const src = `source: ${q.origin.label}`;
      if (q.origin.perUsd && q.usdLeg) {
        return `${q.currency} ${formatSignificant(q.origin.perUsd, 15)} per USD (rate entered for ${formatDateLong(q.date)}${age}; ${src}), i.e. ${q.currency} ${formatSignificant(q.perEur, 10)} per EUR with ${describeQuote(q.usdLeg)}`;
      }
      return `${q.currency} ${formatSignificant(q.perEur, 15)} per EUR (rate entered for ${formatDateLong(q.date)}${age}; ${src})`;
    }
  }
}

/** One conversion in words: the quotes used, the cross rate and the result. */
export function describeConversion(from: string, c: Converted): string {
  const r = c.rate;
  if (!r.legs) return `No conversion to ${r.to} is needed: ${formatMoneyRange(c.range)}.`;
  const through = r.legs.from.origin.kind === 'definition' || r.legs.to.origin.kind === 'definition' ? '' : ' through the euro';
  return (
    `Converted from ${from} to ${r.to}${through} at the rates for ${formatDateLong(r.requestedDate)}: ` +
    `${[r.legs.from, r.legs.to].filter((q) => q.origin.kind !== 'definition').map(describeQuote).join(' and ')}, ` +
    `so 1 ${from} = ${formatSignificant(r.rate, 6)} ${r.to}: ${formatMoneyRange(c.range)}.`
  );
}

/** The methodology sentences of one successful valuation. */
export function describeValuation(v: SeizureValuation): string[] {
  const out: string[] = [];
  const p = v.price;
  const when = formatDateLong(v.date);
  const precision = v.datePrecision === 'day' ? `on ${when}` : `in ${v.datePrecision === 'month' ? v.date.slice(0, 7) : v.date.slice(0, 4)} (date known only to the ${v.datePrecision}; ${when} was used for exchange rates)`;
  out.push(`The seizure of ${formatQuantity(v.quantity.value, v.quantity.unit)} of ${v.commodity || 'the commodity'} ${precision} was valued at a unit price.`);
  const country = p.country ? countryName(p.country) : '';
  const where = [p.place, country && country !== p.place ? country : ''].filter(Boolean).join(', ');
  const cite = p.citationUrl ? `${p.citationTitle}, ${p.citationUrl}` : p.citationTitle;
  out.push(
    `Unit price: ${p.currency} ${formatPlainRange(p.low, p.high)} per ${unitName(p.unit, 1)} of ${p.commodity}${p.taxon ? ` (${p.taxon})` : ''}, ` +
      `${MARKET_LEVEL_LABELS[p.marketLevel].toLowerCase()} level, ${where}, dated ${formatDateLong(p.date)} (source: ${cite}).`,
  );
  if (v.quantity.unit !== v.quantityInPriceUnit.unit) {
    const f = conversionFactor(v.quantity.unit, v.quantityInPriceUnit.unit);
    out.push(
      `The quantity was converted to the price’s unit: ${formatQuantity(v.quantity.value, v.quantity.unit)} = ${formatQuantity(v.quantityInPriceUnit.value, v.quantityInPriceUnit.unit)} ` +
        `(1 ${v.quantity.unit} = ${formatSignificant(f, 15)} ${v.quantityInPriceUnit.unit}).`,
    );
  }
  if (v.factor) out.push(`A conversion factor of ${formatPlainRange(v.factor.low, v.factor.high)} (${v.factor.label}) was applied.`);
  out.push(
    `Quantity × unit price${v.factor ? ' × factor' : ''} = ${formatSignificant(v.quantityInPriceUnit.value, 15)} × ${p.currency} ${formatPlainRange(p.low, p.high)}` +
      `${v.factor ? ` × ${formatPlainRange(v.factor.low, v.factor.high)}` : ''} = ${formatMoneyRange(v.inPriceCurrency)}.`,
  );
  out.push(describeConversion(p.currency, v.usd));
  if (v.reporting.range.currency !== 'USD') out.push(describeConversion(p.currency, v.reporting));
  const distant = v.warnings.some((w) => w.code === 'price-date-distant');
  if (p.date !== v.date && !distant) out.push(`The price is used as published, without adjustment for inflation or market change between ${formatDateLong(p.date)} and ${when}.`);
  if (v.reported) {
    const usd = v.reported.usd && v.reported.value.currency !== 'USD' ? ` (${formatMoneyRange(v.reported.usd.range)} at the same date’s rates)` : '';
    out.push(`The authorities reported a value of ${formatMoney(v.reported.value)}${usd}. That figure is shown for comparison only and is not part of this estimate.`);
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
  const seizure = names ? names.seizure(f.seizureId) : `Seizure ${f.seizureId}`;
  const price = names ? names.price(f.priceReferenceId) : `price reference ${f.priceReferenceId}`;
  return `${seizure} could not be valued with ${price}: ${f.problems.map((p) => p.message).join(' ')}`;
}

/** The methodology sentences of a case (or network) estimate; `names` words the seizures and prices of failures. */
export function describeCaseEstimate(e: CaseEstimate, names?: RecordNames): string[] {
  const out: string[] = [];
  const n = e.seizures.length;
  const reporting = e.reportingCurrency !== 'USD' ? ` (${formatMoneyRange(e.total.reporting)})` : '';
  out.push(
    n
      ? `${n} seizure${n === 1 ? ' was' : 's were'} valued; the estimated total is ${formatMoneyRange(e.total.usd)}${reporting}.`
      : 'No seizure could be valued, so there is no estimated total.',
  );
  if (n > 1) out.push('The low total adds every seizure’s low value and the high total every seizure’s high value.');
  if (e.seizures.some((s) => s.valuations.length > 1)) out.push('Where a seizure was valued with several prices, the range covering all of them was used.');
  if (e.notValued.length) out.push(`${e.notValued.length} seizure${e.notValued.length === 1 ? ' has' : 's have'} no valuation and ${e.notValued.length === 1 ? 'is' : 'are'} not included.`);
  if (e.excluded.length) {
    out.push(`${e.excluded.length} seizure${e.excluded.length === 1 ? '' : 's'} could not be valued and ${e.excluded.length === 1 ? 'is' : 'are'} not included:`);
    for (const f of e.failures.filter((x) => e.excluded.includes(x.seizureId))) out.push(describeFailure(f, names));
  }
  if (e.staleRates) out.push('Some exchange rates used are older than the dates they convert by more than the stale threshold; see the seizures concerned.');
  if (e.reported.length) {
    out.push(`The authorities reported values totalling ${e.reported.map((r) => formatMoneyRange(r, 0)).join('; ')}. These are shown separately and are not added to the estimate.`);
  }
  return out;
}

/** The sentences of an undetected-flow estimate, which always state that they rest on an assumption. */
export function describeFlow(f: FlowEstimate): string[] {
  return [
    f.label,
    `Under this assumption the whole flow would be ${formatMoneyRange(f.totalFlow)} (seized value ÷ interdiction rate: the low end divides the low seized value by ${formatShare(f.interdiction.high, f.interdiction.high)}, the high end the high seized value by ${formatShare(f.interdiction.low, f.interdiction.low)}), of which ${formatMoneyRange(f.undetected)} would have gone undetected.`,
    'These flow figures follow from the assumption; they are not evidence of any quantity actually trafficked.',
  ];
}

/** One sentence per context figure, with its full citation and the statement that it is not a NEST Desk figure. */
export function describeContext(figures: readonly ContextFigure[]): string[] {
  return figures.map(
    (f) => `${f.label}: ${f.display}, published estimate (${formatCitation(f.citation)})${f.verification.status === 'to-verify' ? ' [citation to be verified]' : ''}. ${CONTEXT_DISCLAIMER}`,
  );
}
