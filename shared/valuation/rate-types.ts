/**
 * The shapes of dated exchange rates: ECB series, user-entered rates, quotes, cross rates and
 * conversions, shared by the ECB parser, the rate table and its callers (see rates.ts for the rules).
 */
import type { MoneyRange } from './money';

/** A quote older than this many days (from the rate's date to the date converted) is flagged stale. */
export const DEFAULT_STALE_AFTER_DAYS = 7;

/** Citation of the shipped ECB rates, for methodology statements and exports. */
export const ECB_CITATION = {
  title: 'European Central Bank, euro foreign exchange reference rates (eurofxref-hist.csv)',
  url: 'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html',
} as const;

/** One currency's published rates, oldest first: `days[i]` (days since 1970-01-01) has `perEur[i]`. */
export interface RateSeries {
  readonly days: Int32Array;
  readonly perEur: Float64Array;
}

/** A parsed ECB reference-rate file. */
export interface EcbRates {
  /** Currency codes in file order (including ones with only `N/A` cells). */
  readonly currencies: readonly string[];
  /** Oldest and newest dates in the file, YYYY-MM-DD. */
  readonly firstDate: string;
  readonly lastDate: string;
  /** Number of dated lines. */
  readonly rowCount: number;
  /** Per-currency series, without the `N/A` cells. */
  readonly series: ReadonlyMap<string, RateSeries>;
  /**
   * Per currency, the dates (days since 1970-01-01, ascending) on which the file has `N/A` for it
   * right after a date with a rate: where the ECB stopped or suspended quoting it (RUB on 2 March
   * 2022, ISK on 10 December 2008). After such a date the last rate is no rate (see
   * {@link RateTable.quote}). Absent when unknown (rates built by hand).
   */
  readonly stops?: ReadonlyMap<string, Int32Array>;
}

/**
 * A rate a user entered or imported for a currency, with its source: `perEur` units per 1 EUR, or
 * `perUsd` units per 1 USD (exactly one of the two), valid from `date` (YYYY-MM-DD).
 */
export interface UserRate {
  readonly id?: string;
  readonly currency: string;
  readonly perEur?: number | null;
  readonly perUsd?: number | null;
  readonly date: string;
  readonly source: string;
}

/** Where a quote comes from: the ECB file, a user-entered rate (with its stated source), or the definition EUR = 1. */
export type RateOrigin =
  | { readonly kind: 'ecb'; readonly label: string }
  | { readonly kind: 'user'; readonly label: string; readonly id?: string; readonly perUsd?: number }
  | { readonly kind: 'definition'; readonly label: string };

/** The rate of one currency used for one date. */
export interface RateQuote {
  readonly currency: string;
  /** Units of `currency` per 1 EUR. */
  readonly perEur: number;
  /** The rate's own date (the publication date), YYYY-MM-DD: on or before `requestedDate`. */
  readonly date: string;
  /** The date the conversion is for (e.g. the seizure date). */
  readonly requestedDate: string;
  /** Days from `date` to `requestedDate`. */
  readonly ageDays: number;
  /** True when `ageDays` exceeds the table's stale threshold. */
  readonly stale: boolean;
  readonly origin: RateOrigin;
  /** For a user rate entered per USD: the USD quote used to express it per EUR. */
  readonly usdLeg?: RateQuote;
}

/** The cross rate from one currency to another at a date, through EUR. */
export interface CrossRate {
  readonly from: string;
  readonly to: string;
  readonly requestedDate: string;
  /** Units of `to` per 1 `from`: perEur(to) / perEur(from). 1 when `from === to`. */
  readonly rate: number;
  /** The two quotes used, or null when no conversion was needed (`from === to`). */
  readonly legs: { readonly from: RateQuote; readonly to: RateQuote } | null;
  /** True when any quote used is stale. */
  readonly stale: boolean;
}

/** A look-up that found no rate: the currencies with no rate on or before `date`. */
export interface MissingRate {
  readonly ok: false;
  readonly missing: readonly string[];
  readonly date: string;
}

/** Result of {@link RateTable.cross}. */
export type CrossRateResult = { readonly ok: true; readonly rate: CrossRate } | MissingRate;

/** A converted money range with the rate that converted it. */
export interface Converted {
  readonly range: MoneyRange;
  readonly rate: CrossRate;
}

/** Result of {@link RateTable.convert}. */
export type ConversionResult = ({ readonly ok: true } & Converted) | MissingRate;

/** A three-letter ISO 4217 code, as the ECB file and user rates write it. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;
