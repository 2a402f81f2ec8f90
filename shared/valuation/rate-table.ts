/**
 * The rate table: every rate the app knows (ECB series plus user rates) and the look-up of the rate
 * of a currency at a date, with cross rates and conversions through the euro (rules in rates.ts).
 */
import { dateOfDay, dayNumber } from './dates';
import type { MoneyRange } from './money';
import { convertRange, crossRate } from './cross-rates';
import { parseEcbCsv } from './ecb-csv';
import { lastOnOrBefore } from './ecb-series';
import { discontinued, whyNoRate } from './quoting-rules';
import { DEFAULT_STALE_AFTER_DAYS, type ConversionResult, type CrossRateResult, type EcbRates, type RateOrigin, type RateQuote, type UserRate } from './rate-types';
import { latestUserRate, userRatesByCurrency, type UserEntry } from './user-rates';

/** Options of a {@link RateTable}. */
export interface RateTableOptions {
  /** Parsed ECB rates (the shipped snapshot, possibly merged with newer files). */
  ecb?: EcbRates | null;
  /** User-entered rates (validated by `userRateSchema` where they are stored). */
  userRates?: readonly UserRate[];
  /** Days after which a quote is flagged stale; default {@link DEFAULT_STALE_AFTER_DAYS}. */
  staleAfterDays?: number;
}

/**
 * All the rates the app knows: ECB series plus user rates. Immutable; build a new table when
 * rates change. Construction is cheap; parsing the ECB file is the only real cost.
 */
export class RateTable {
  /** The ECB rates, or null when none were loaded. */
  readonly ecb: EcbRates | null;
  /** The threshold for {@link RateQuote.stale}, in days. */
  readonly staleAfterDays: number;
  private readonly user: ReadonlyMap<string, UserEntry[]>;

  /**
   * @throws NestError('validation') for a user rate with a malformed currency or date, or without
   *   exactly one positive `perEur`/`perUsd`.
   */
  constructor(opts: RateTableOptions = {}) {
    this.ecb = opts.ecb ?? null;
    this.staleAfterDays = opts.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
    this.user = userRatesByCurrency(opts.userRates ?? []);
  }

  /** A table of the ECB rates in `csv` (the `eurofxref-hist.csv` layout) and optional user rates. @throws as {@link parseEcbCsv}. */
  static fromEcbCsv(csv: string, opts: Omit<RateTableOptions, 'ecb'> = {}): RateTable {
    return new RateTable({ ...opts, ecb: parseEcbCsv(csv) });
  }

  /** The same ECB rates with other user rates. */
  withUserRates(userRates: readonly UserRate[]): RateTable {
    return new RateTable({ ecb: this.ecb, userRates, staleAfterDays: this.staleAfterDays });
  }

  /** The currencies for which some rate exists (EUR included), sorted. */
  currencies(): string[] {
    const out = new Set<string>(['EUR', ...(this.ecb?.series.keys() ?? []), ...this.user.keys()]);
    return [...out].sort();
  }

  /**
   * The rate of `currency` at `date`: the latest published rate on or before it, or null when there
   * is none (e.g. before 1999-01-04, or a currency the ECB does not quote and no user rate covers).
   * @throws NestError('validation') when `date` is not a real YYYY-MM-DD date.
   */
  quote(currency: string, date: string): RateQuote | null {
    const day = dayNumber(date);
    if (currency === 'EUR') {
      return { currency, perEur: 1, date, requestedDate: date, ageDays: 0, stale: false, origin: { kind: 'definition', label: 'EUR is the base currency' } };
    }
    let best: { day: number; perEur: number; origin: RateOrigin; usdLeg?: RateQuote } | null = null;
    // A user rate is used only when it is later than the last ECB quote on or before the date.
    let ecbDay = -Infinity;
    const s = this.ecb?.series.get(currency);
    if (s) {
      const i = lastOnOrBefore(s.days, day);
      if (i >= 0) {
        ecbDay = s.days[i]!;
        // The ECB published rates after this quote without one for this currency (RUB after 1 March
        // 2022, ISK from December 2008 to February 2018): it had no rate for it at `day`, and its last
        // quote is no rate for a later date. Only a euro changeover keeps the last (fixed) rate.
        if (!discontinued(this.ecb, currency, ecbDay, day)) best = { day: ecbDay, perEur: s.perEur[i]!, origin: { kind: 'ecb', label: 'ECB euro reference rate' } };
      }
    }
    const entries = this.user.get(currency);
    if (entries) {
      const e = latestUserRate(entries, day);
      if (e && e.day > ecbDay && (!best || e.day > best.day)) {
        const r = e.rate;
        const origin: RateOrigin = { kind: 'user', label: r.source, ...(r.id ? { id: r.id } : {}), ...(r.perUsd ? { perUsd: r.perUsd } : {}) };
        if (r.perEur) best = { day: e.day, perEur: r.perEur, origin };
        else if (r.perUsd && currency !== 'USD') {
          const usd = this.quote('USD', date);
          if (usd) best = { day: e.day, perEur: r.perUsd * usd.perEur, origin, usdLeg: usd };
        }
      }
    }
    if (!best) return null;
    const ageDays = day - best.day;
    const q: RateQuote = {
      currency,
      perEur: best.perEur,
      date: dateOfDay(best.day),
      requestedDate: date,
      ageDays,
      stale: ageDays > this.staleAfterDays,
      origin: best.origin,
      ...(best.usdLeg ? { usdLeg: best.usdLeg } : {}),
    };
    return q;
  }

  /**
   * Why there is no rate for `currency` at `date` (call when {@link quote} returned null), as a clause
   * for a sentence, e.g. "the ECB stopped publishing RUB rates after 1 March 2022".
   */
  whyNoRate(currency: string, date: string): string {
    return whyNoRate(this.ecb, this.user.has(currency), currency, date);
  }

  /**
   * The cross rate `from` → `to` at `date`, through EUR: perEur(to) / perEur(from).
   * @returns `{ ok: false, missing }` naming each currency with no rate on or before `date`.
   * @throws NestError('validation') when `date` is not a real YYYY-MM-DD date.
   */
  cross(from: string, to: string, date: string): CrossRateResult {
    return crossRate((c, d) => this.quote(c, d), from, to, date);
  }

  /**
   * `range` converted to `to` at `date`: each end is amount / perEur(from) × perEur(to).
   * @returns the converted range with the cross rate used, or `{ ok: false, missing }`.
   * @throws NestError('validation') when `date` is not a real date.
   */
  convert(range: MoneyRange, to: string, date: string): ConversionResult {
    return convertRange((c, d) => this.quote(c, d), range, to, date);
  }
}
