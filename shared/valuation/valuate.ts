/**
 * Valuation of one seizure: quantity × unit price × optional conversion factor, as a low–high range
 * in the price's currency, in USD and in the workspace's reporting currency, each conversion at the
 * seizure date with the rates and rate dates it used.
 *
 *   value = q × [price.low, price.high] × [factor.low, factor.high]
 *   q     = the seized quantity expressed in the price's unit (units.ts; exact powers of ten)
 *
 * The value the authorities reported is carried beside the estimate (and converted to USD for
 * comparison) but never enters it.
 *
 * Problems that make a valuation impossible (no quantity, units that do not convert, no rate for a
 * currency at that date, invalid inputs) are returned as a {@link ValuationFailure}, not thrown,
 * so that a case total can list what it could not value.
 */
import type { CrimeSector, DatePrecision, QuantityUnit } from '../domain/codes';
import type { MarketLevel } from '../domain/price-reference';
import { NestError } from '../errors';
import { daysBetween, dayNumber } from './dates';
import { multiply, nonNegative, point } from './interval';
import { money, moneyRange, type Money, type MoneyRange } from './money';
import type { Converted, RateTable } from './rates';
import { canConvert, convertQuantity, incompatibility } from './units';

/** The seizure fields a valuation reads (a subset of `Seizure`). `quantity` is in `unit`; `reportedValue` in `reportedCurrency`. */
export interface SeizureInput {
  readonly id: string;
  readonly seizureDate: string;
  readonly datePrecision: DatePrecision;
  readonly sector: CrimeSector;
  readonly commodity: string;
  readonly quantity: number | null;
  /** Null when no quantity was reported. */
  readonly unit: QuantityUnit | null;
  readonly reportedValue: number | null;
  readonly reportedCurrency: string | null;
}

/** The price-reference fields a valuation reads (a subset of `PriceReference`): `low`–`high` `currency` per one `unit`. */
export interface PriceInput {
  readonly id: string;
  readonly commodity: string;
  readonly taxon: string;
  readonly low: number;
  readonly high: number;
  readonly currency: string;
  readonly unit: QuantityUnit;
  readonly marketLevel: MarketLevel;
  readonly place: string;
  readonly country: string | null;
  readonly date: string;
  readonly citationTitle: string;
  readonly citationUrl: string;
}

/** A conversion factor range (dimensionless, > 0) and what it converts, e.g. 'worked to raw ivory equivalent'. */
export interface FactorInput {
  readonly low: number;
  readonly high: number;
  readonly label: string;
}

/** What to value: one seizure with one price reference and an optional factor. */
export interface ValuationInput {
  /** The valuation record's id, when the input comes from a stored record. */
  readonly valuationId?: string;
  readonly seizure: SeizureInput;
  readonly price: PriceInput;
  readonly factor?: FactorInput | null;
}

/** Rates and settings a valuation uses. */
export interface ValuationContext {
  readonly rates: RateTable;
  /** The workspace's reporting currency (ISO 4217). */
  readonly reportingCurrency: string;
  /** A price dated more than this many days from the seizure gets a warning; default 1096 (three years). */
  readonly priceAgeWarnDays?: number;
}

/** Why a seizure could not be valued. Stable codes; `message` is an English sentence naming the values. */
export type ValuationProblemCode = 'no-quantity' | 'incompatible-units' | 'rate-missing' | 'invalid-input' | 'price-missing' | 'seizure-missing';

/** One reason a seizure could not be valued. */
export interface ValuationProblem {
  readonly code: ValuationProblemCode;
  readonly message: string;
  /** The currencies without a rate, for `rate-missing`. */
  readonly currencies?: readonly string[];
}

/** Something a reader of the estimate must know, although the valuation succeeded. */
export type ValuationWarningCode = 'stale-rate' | 'approximate-date' | 'price-date-distant' | 'reported-not-converted';

/** One warning. */
export interface ValuationWarning {
  readonly code: ValuationWarningCode;
  readonly message: string;
}

/** A successful valuation, with every input and intermediate figure needed to explain it. */
export interface SeizureValuation {
  readonly ok: true;
  readonly valuationId?: string;
  readonly seizureId: string;
  readonly priceReferenceId: string;
  /** The date of the conversion: the seizure date (YYYY-MM-DD). */
  readonly date: string;
  readonly datePrecision: DatePrecision;
  readonly sector: CrimeSector;
  readonly commodity: string;
  /** The quantity as recorded. */
  readonly quantity: { readonly value: number; readonly unit: QuantityUnit };
  /** The quantity in the price's unit (equal to `quantity` when the units match). */
  readonly quantityInPriceUnit: { readonly value: number; readonly unit: QuantityUnit };
  /** The price reference used (copied so the statement can cite it). */
  readonly price: PriceInput;
  /** The unit price range: `price.currency` per one `price.unit`. */
  readonly unitPrice: MoneyRange;
  readonly factor: FactorInput | null;
  /** The estimate in the price's currency. */
  readonly inPriceCurrency: MoneyRange;
  /** The estimate in USD, with the cross rate (and its dates) used. */
  readonly usd: Converted;
  /** The estimate in the reporting currency, with the cross rate used. */
  readonly reporting: Converted;
  /** The authorities' reported value, kept apart, with its USD equivalent at the same date when a rate exists. */
  readonly reported: { readonly value: Money; readonly usd: Converted | null } | null;
  readonly warnings: readonly ValuationWarning[];
}

/** A valuation that could not be made, and why. */
export interface ValuationFailure {
  readonly ok: false;
  readonly valuationId?: string;
  readonly seizureId: string;
  readonly priceReferenceId: string;
  readonly problems: readonly ValuationProblem[];
}

/** The result of {@link valuateSeizure}. */
export type ValuationResult = SeizureValuation | ValuationFailure;

const DEFAULT_PRICE_AGE_WARN_DAYS = 1096;

function invalid(message: string): ValuationProblem {
  return { code: 'invalid-input', message };
}

/** Runs `fn`, turning a thrown NestError into an `invalid-input` problem. */
function attempt<T>(problems: ValuationProblem[], what: string, fn: () => T): T | null {
  try {
    return fn();
  } catch (err) {
    if (err instanceof NestError) {
      problems.push(invalid(`${what}: ${err.message}`));
      return null;
    }
    throw err;
  }
}

function missingRate(currencies: readonly string[], date: string, purpose: string, rates: RateTable): ValuationProblem {
  const why = currencies.map((c) => rates.whyNoRate(c, date)).join('; ');
  return {
    code: 'rate-missing',
    message: `No exchange rate for ${currencies.join(' and ')} on or before ${date} (needed ${purpose}): ${why}. Enter a rate with its source, or import ECB rates that cover this date.`,
    currencies,
  };
}

/**
 * Values one seizure with one price reference and an optional factor range.
 * Never throws for bad data: returns a {@link ValuationFailure} listing every problem found.
 */
export function valuateSeizure(input: ValuationInput, ctx: ValuationContext): ValuationResult {
  const { seizure, price } = input;
  const factor = input.factor ?? null;
  const problems: ValuationProblem[] = [];
  const ids = {
    ...(input.valuationId ? { valuationId: input.valuationId } : {}),
    seizureId: seizure.id,
    priceReferenceId: price.id,
  };

  const date = seizure.seizureDate;
  const dateOk = attempt(problems, 'seizure date', () => dayNumber(date, 'seizure date')) !== null;

  let q: number | null = null;
  if (seizure.quantity === null || seizure.quantity === undefined || seizure.unit === null) {
    problems.push({ code: 'no-quantity', message: `The seizure has no recorded quantity, so it cannot be valued at a unit price.` });
  } else if (!Number.isFinite(seizure.quantity) || seizure.quantity <= 0) {
    problems.push(invalid(`quantity: must be a positive number (got ${seizure.quantity})`));
  } else if (!canConvert(seizure.unit, price.unit)) {
    problems.push({
      code: 'incompatible-units',
      message: `The seizure is recorded in ${seizure.unit} but the price is per ${price.unit}: ${incompatibility(seizure.unit, price.unit)}. Choose a price per ${seizure.unit}, or record the quantity in a unit the price uses.`,
    });
  } else {
    q = convertQuantity(seizure.quantity, seizure.unit, price.unit);
  }

  const unitPrice = attempt(problems, 'price', () => moneyRange(price.low, price.high, price.currency));
  const f = factor ? attempt(problems, `factor (${factor.label})`, () => nonNegative(factor.low, factor.high, 'factor')) : null;
  if (factor && f && f.low <= 0) problems.push(invalid('factor: must be greater than zero'));

  let usd: Converted | null = null;
  let reporting: Converted | null = null;
  let inPriceCurrency: MoneyRange | null = null;
  if (q !== null && unitPrice && (!factor || f) && dateOk && !problems.length) {
    const v = attempt(problems, 'value', () => {
      const base = multiply(point(q, 'quantity'), unitPrice);
      const r = f ? multiply(base, f) : base;
      return moneyRange(r.low, r.high, price.currency);
    });
    inPriceCurrency = v;
  }
  if (unitPrice && dateOk) {
    // Rates are checked even when the quantity is unusable, so one pass lists every problem.
    const probe = inPriceCurrency ?? moneyRange(0, 0, price.currency);
    const u = ctx.rates.convert(probe, 'USD', date);
    const r = ctx.rates.convert(probe, ctx.reportingCurrency, date);
    const missing = new Set<string>();
    if (!u.ok) u.missing.forEach((c) => missing.add(c));
    if (!r.ok) r.missing.forEach((c) => missing.add(c));
    if (missing.size) problems.push(missingRate([...missing], date, `to convert ${price.currency} to USD and ${ctx.reportingCurrency}`, ctx.rates));
    if (u.ok) usd = { range: u.range, rate: u.rate };
    if (r.ok) reporting = { range: r.range, rate: r.rate };
  }

  if (problems.length || !inPriceCurrency || !usd || !reporting || q === null || !unitPrice) {
    return { ok: false, ...ids, problems };
  }

  const warnings: ValuationWarning[] = [];
  let reported: SeizureValuation['reported'] = null;
  if (seizure.reportedValue !== null && seizure.reportedCurrency) {
    const value = attempt([], 'reported value', () => money(seizure.reportedValue!, seizure.reportedCurrency!));
    if (!value) {
      warnings.push({ code: 'reported-not-converted', message: `The reported value (${seizure.reportedValue} ${seizure.reportedCurrency}) is not a valid amount and is not shown.` });
    } else {
      const c = ctx.rates.convert(moneyRange(value.amount, value.amount, value.currency), 'USD', date);
      reported = { value, usd: c.ok ? { range: c.range, rate: c.rate } : null };
      if (!c.ok) warnings.push({ code: 'reported-not-converted', message: `The reported value (${value.currency}) could not be converted to USD: no rate for ${c.missing.join(', ')} on or before ${date} (${c.missing.map((m) => ctx.rates.whyNoRate(m, date)).join('; ')}).` });
    }
  }
  for (const conv of [usd, reporting, ...(reported?.usd ? [reported.usd] : [])]) {
    const legs = conv.rate.legs;
    if (!conv.rate.stale || !legs) continue;
    for (const leg of [legs.from, legs.to, ...(legs.from.usdLeg ? [legs.from.usdLeg] : []), ...(legs.to.usdLeg ? [legs.to.usdLeg] : [])]) {
      if (!leg.stale) continue;
      const message = `The ${leg.currency} rate used is dated ${leg.date}, ${leg.ageDays} days before ${date} (more than ${ctx.rates.staleAfterDays} days): import newer rates or enter one with its source.`;
      if (!warnings.some((w) => w.message === message)) warnings.push({ code: 'stale-rate', message });
    }
  }
  if (seizure.datePrecision !== 'day') {
    warnings.push({
      code: 'approximate-date',
      message: `The seizure date is known only to the ${seizure.datePrecision}; rates were taken at ${date}.`,
    });
  }
  const priceAge = Math.abs(daysBetween(price.date, date));
  const limit = ctx.priceAgeWarnDays ?? DEFAULT_PRICE_AGE_WARN_DAYS;
  if (priceAge > limit) {
    warnings.push({
      code: 'price-date-distant',
      message: `The price is dated ${price.date}, ${Math.round(priceAge / 365.25)} years from the seizure; prices are not adjusted for inflation or market change.`,
    });
  }

  return {
    ok: true,
    ...ids,
    date,
    datePrecision: seizure.datePrecision,
    sector: seizure.sector,
    commodity: seizure.commodity,
    quantity: { value: seizure.quantity!, unit: seizure.unit! },
    quantityInPriceUnit: { value: q, unit: price.unit },
    price,
    unitPrice,
    factor,
    inPriceCurrency,
    usd,
    reporting,
    reported,
    warnings,
  };
}

/** A stored valuation's inputs (a subset of `ValuationRecord`). */
export interface ValuationRecordInput {
  readonly id: string;
  readonly seizureId: string;
  readonly priceReferenceId: string;
  readonly factor: FactorInput | null;
}

/**
 * Values every stored valuation of a case: looks up each record's seizure and price reference and
 * calls {@link valuateSeizure}. A record whose seizure or price reference no longer exists becomes a
 * failure (`seizure-missing` / `price-missing`), so nothing is silently dropped.
 */
export function valuateRecords(
  records: readonly ValuationRecordInput[],
  seizures: readonly SeizureInput[],
  prices: readonly PriceInput[],
  ctx: ValuationContext,
): ValuationResult[] {
  const seizureById = new Map(seizures.map((s) => [s.id, s]));
  const priceById = new Map(prices.map((p) => [p.id, p]));
  return records.map((r): ValuationResult => {
    const seizure = seizureById.get(r.seizureId);
    const price = priceById.get(r.priceReferenceId);
    const problems: ValuationProblem[] = [];
    if (!seizure) problems.push({ code: 'seizure-missing', message: `Seizure ${r.seizureId} no longer exists in this case.` });
    if (!price) problems.push({ code: 'price-missing', message: `Price reference ${r.priceReferenceId} no longer exists in the workspace’s price list.` });
    if (!seizure || !price) return { ok: false, valuationId: r.id, seizureId: r.seizureId, priceReferenceId: r.priceReferenceId, problems };
    return valuateSeizure({ valuationId: r.id, seizure, price, factor: r.factor }, ctx);
  });
}
