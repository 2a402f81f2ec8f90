/**
 * Converts the valuation results of `shared/valuation/` into the plain, JSON-safe shapes of the
 * RPC contract (`shared/rpc/valuation.ts`): quotes keep their currency, rate per EUR, own date,
 * age, staleness and source; money ranges keep their currency.
 */
import type { ContextFigureDto, ConversionDto, FlowDto, MoneyRangeDto, RangeGroupDto, RateQuoteDto, ValuationDto } from '../../shared/rpc/valuation';
import { formatCitation, type ContextFigure } from '../../shared/valuation/context';
import type { FlowEstimate, RangeGroup } from '../../shared/valuation/estimates';
import type { MoneyRange } from '../../shared/valuation/money';
import type { Converted, CrossRate, RateQuote } from '../../shared/valuation/rates';
import type { ValuationResult } from '../../shared/valuation/valuate';
import type { ValuationRecord } from '../../shared/domain/seizure-valuation';

/** A money range as the contract carries it. */
export function moneyDto(r: MoneyRange): MoneyRangeDto {
  return { low: r.low, high: r.high, currency: r.currency };
}

/** One quote as the contract carries it. */
export function quoteDto(q: RateQuote): RateQuoteDto {
  return {
    currency: q.currency,
    perEur: q.perEur,
    date: q.date,
    ageDays: q.ageDays,
    stale: q.stale,
    kind: q.origin.kind,
    source: q.origin.label,
    perUsd: q.origin.kind === 'user' && q.origin.perUsd ? q.origin.perUsd : null,
    usdLeg: q.usdLeg ? { perEur: q.usdLeg.perEur, date: q.usdLeg.date, stale: q.usdLeg.stale } : null,
  };
}

/**
 * The quotes of one response, each sent once: conversions refer to them by index. Quotes are the
 * same object when they come from one rate-table look-up, and equal by value otherwise.
 */
export class QuoteTable {
  /** The quotes, in the order first used. */
  readonly list: RateQuoteDto[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byObject = new WeakMap<RateQuote, number>();

  /** The index of `q`, adding it on first use. */
  index(q: RateQuote): number {
    const known = this.byObject.get(q);
    if (known !== undefined) return known;
    const o = q.origin;
    const key = `${q.currency}|${q.perEur}|${q.date}|${q.requestedDate}|${q.stale}|${o.kind}|${o.label}|${o.kind === 'user' ? o.perUsd : ''}|${q.usdLeg ? `${q.usdLeg.perEur}|${q.usdLeg.date}|${q.usdLeg.stale}` : ''}`;
    let i = this.byKey.get(key);
    if (i === undefined) {
      i = this.list.push(quoteDto(q)) - 1;
      this.byKey.set(key, i);
    }
    this.byObject.set(q, i);
    return i;
  }
}

/** A cross rate and the range it converted; its quotes go into `quotes`. */
export function conversionDto(rate: CrossRate, range: MoneyRange, quotes: QuoteTable): ConversionDto {
  return {
    from: rate.from,
    to: rate.to,
    date: rate.requestedDate,
    rate: rate.rate,
    range: moneyDto(range),
    quotes: rate.legs ? [quotes.index(rate.legs.from), quotes.index(rate.legs.to)] : [],
    stale: rate.stale,
  };
}

/** A converted range as the contract carries it. */
export function convertedDto(c: Converted, quotes: QuoteTable): ConversionDto {
  return conversionDto(c.rate, c.range, quotes);
}

/** One valuation result with the stored record's factor and notes; its quotes go into `quotes`. */
export function valuationDto(r: ValuationResult, record: ValuationRecord, quotes: QuoteTable): ValuationDto {
  const base = { valuationId: record.id, priceReferenceId: record.priceReferenceId, factor: record.factor, notes: record.notes };
  if (!r.ok) {
    return {
      ...base,
      ok: false,
      problems: r.problems.map((p) => ({ code: p.code, message: p.message })),
      warnings: [],
      quantityInPriceUnit: null,
      unitPrice: null,
      inPriceCurrency: null,
      usd: null,
      reporting: null,
    };
  }
  return {
    ...base,
    ok: true,
    problems: [],
    warnings: r.warnings.map((w) => ({ code: w.code, message: w.message })),
    quantityInPriceUnit: { ...r.quantityInPriceUnit },
    unitPrice: moneyDto(r.unitPrice),
    inPriceCurrency: moneyDto(r.inPriceCurrency),
    usd: convertedDto(r.usd, quotes),
    reporting: convertedDto(r.reporting, quotes),
  };
}

/** A breakdown group (sector or year). */
export function groupDto(g: RangeGroup): RangeGroupDto {
  return { key: g.key, label: g.label, count: g.count, usd: moneyDto(g.usd), reporting: moneyDto(g.reporting) };
}

/** The undetected-flow estimate in USD and in the reporting currency (same assumption, same label). */
export function flowDto(usd: FlowEstimate, reporting: FlowEstimate): FlowDto {
  const figures = (f: FlowEstimate): FlowDto['usd'] => ({ seized: moneyDto(f.seized), totalFlow: moneyDto(f.totalFlow), undetected: moneyDto(f.undetected) });
  return { isAssumption: true, label: usd.label, low: usd.interdiction.low, high: usd.interdiction.high, basis: usd.interdiction.basis, usd: figures(usd), reporting: figures(reporting) };
}

/** A published context figure with its formatted citation. */
export function contextDto(f: ContextFigure): ContextFigureDto {
  return {
    id: f.id,
    label: f.label,
    sector: f.sector,
    display: f.display,
    perYear: moneyDto(f.perYear),
    citation: formatCitation(f.citation),
    url: f.citation.url,
    verification: { status: f.verification.status, note: f.verification.note },
  };
}
