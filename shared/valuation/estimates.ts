/**
 * Case and network estimates built from seizure valuations: the sum of the seizures' ranges, totals
 * by crime sector and by year (chart-ready: one bar with whiskers per group), the list of what
 * could not be valued, and the undetected-flow estimate from an interdiction-rate assumption.
 *
 * Rules (see docs/valuation.md):
 * - A seizure counts once. When it has several successful valuations (alternative prices), its
 *   range is their envelope [min low, max high], which keeps every stated alternative inside it.
 * - Totals are interval sums, exactly rounded, so they do not depend on the order of the seizures.
 * - Reported values are summed separately, per currency, and never mixed into the estimate.
 * - The undetected flow is an assumption, never a finding: with seizures a share r of the whole
 *   flow, r in [r_low, r_high], flow = seized / r ∈ [seized_low / r_high, seized_high / r_low] and
 *   the undetected part = flow − seized = seized·(1 − r)/r ∈ [seized_low·(1 − r_high)/r_high,
 *   seized_high·(1 − r_low)/r_low] (computed directly, not as flow − seized, which would widen it).
 */
import { CRIME_SECTORS, CRIME_SECTOR_LABELS, type CrimeSector } from '../domain/codes';
import { NestError } from '../errors';
import { hullMoney, moneyRange, sumMoney, type MoneyRange } from './money';
import type { SeizureInput, SeizureValuation, ValuationFailure, ValuationResult } from './valuate';

/** One seizure's contribution to an estimate. */
export interface SeizureEstimate {
  readonly seizureId: string;
  readonly sector: CrimeSector;
  /** Calendar year of the seizure date, e.g. 2019. */
  readonly year: number;
  readonly usd: MoneyRange;
  readonly reporting: MoneyRange;
  /** The successful valuations combined (one, or several whose envelope is taken). */
  readonly valuations: readonly SeizureValuation[];
}

/** A case (or network) estimate. */
export interface CaseEstimate {
  readonly reportingCurrency: string;
  /** Sum of the valued seizures' ranges. */
  readonly total: { readonly usd: MoneyRange; readonly reporting: MoneyRange };
  /** Valued seizures, by date then id. */
  readonly seizures: readonly SeizureEstimate[];
  /** Seizures that have no valuation record at all. */
  readonly notValued: readonly string[];
  /** Valuations that failed (a seizure may also appear in `seizures` if another valuation of it succeeded). */
  readonly failures: readonly ValuationFailure[];
  /** Ids of seizures with valuations that all failed: not in the total. */
  readonly excluded: readonly string[];
  /** True when any rate used is stale. */
  readonly staleRates: boolean;
  /** Reported values of the valued seizures, summed per currency (shown beside, never added to, the estimate). */
  readonly reported: readonly MoneyRange[];
}

/** One group of a breakdown (a sector or a year): a bar with whiskers from `low` to `high`. */
export interface RangeGroup {
  /** The sector code or the year as text. */
  readonly key: string;
  readonly label: string;
  readonly usd: MoneyRange;
  readonly reporting: MoneyRange;
  /** Number of seizures in the group. */
  readonly count: number;
}

/** One bar of a range chart, in one currency. */
export interface RangeBar {
  readonly key: string;
  readonly label: string;
  readonly low: number;
  readonly high: number;
  readonly currency: string;
  readonly count: number;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * The estimate of a set of seizures (a case) from their valuation results.
 * @param seizures the case's live seizures; valuations of seizures not in this list are ignored.
 * @param results every valuation result of the case (several per seizure allowed).
 * @throws NestError('validation') when a successful valuation is in another reporting currency.
 */
export function caseEstimate(seizures: readonly SeizureInput[], results: readonly ValuationResult[], reportingCurrency: string): CaseEstimate {
  const byId = new Map(seizures.map((s) => [s.id, s]));
  const ok = new Map<string, SeizureValuation[]>();
  const failures: ValuationFailure[] = [];
  const tried = new Set<string>();
  for (const r of results) {
    if (!byId.has(r.seizureId)) continue;
    tried.add(r.seizureId);
    if (r.ok) {
      if (r.reporting.range.currency !== reportingCurrency) {
        throw new NestError('validation', { id: 'valuation-core.seizure-currency', values: { seizureId: r.seizureId, currency: r.reporting.range.currency, reportingCurrency } });
      }
      const list = ok.get(r.seizureId) ?? [];
      list.push(r);
      ok.set(r.seizureId, list);
    } else failures.push(r);
  }
  const estimates: SeizureEstimate[] = [];
  for (const s of seizures) {
    const vs = ok.get(s.id);
    if (!vs) continue;
    estimates.push({
      seizureId: s.id,
      sector: s.sector,
      year: yearOf(s.seizureDate),
      usd: hullMoney(vs.map((v) => v.usd.range)),
      reporting: hullMoney(vs.map((v) => v.reporting.range)),
      valuations: vs,
    });
  }
  const date = new Map(seizures.map((s) => [s.id, s.seizureDate]));
  // Plain code-unit order (YYYY-MM-DD dates, then ids): localeCompare costs ~1 µs a call, too slow for 10,000 seizures.
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  estimates.sort((a, b) => cmp(date.get(a.seizureId)!, date.get(b.seizureId)!) || cmp(a.seizureId, b.seizureId));
  return assemble(estimates, {
    reportingCurrency,
    notValued: seizures.filter((s) => !tried.has(s.id)).map((s) => s.id),
    failures,
    excluded: [...tried].filter((id) => !ok.has(id)),
  });
}

function assemble(
  seizures: SeizureEstimate[],
  rest: { reportingCurrency: string; notValued: string[]; failures: ValuationFailure[]; excluded: string[] },
): CaseEstimate {
  const reportedBy = new Map<string, MoneyRange[]>();
  let staleRates = false;
  for (const s of seizures) {
    for (const v of s.valuations) staleRates ||= v.usd.rate.stale || v.reporting.rate.stale;
    // A seizure's reported value is the same on each of its valuations: take it once.
    const rep = s.valuations[0]?.reported?.value;
    if (rep) {
      const list = reportedBy.get(rep.currency) ?? [];
      list.push(moneyRange(rep.amount, rep.amount, rep.currency));
      reportedBy.set(rep.currency, list);
    }
  }
  return {
    reportingCurrency: rest.reportingCurrency,
    total: {
      usd: sumMoney(seizures.map((s) => s.usd), 'USD'),
      reporting: sumMoney(seizures.map((s) => s.reporting), rest.reportingCurrency),
    },
    seizures,
    notValued: rest.notValued,
    failures: rest.failures,
    excluded: rest.excluded,
    staleRates,
    reported: [...reportedBy.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, list]) => sumMoney(list, c)),
  };
}

/**
 * A network estimate: several case estimates (same reporting currency) taken together. A seizure
 * id present in more than one case is counted once (its first occurrence).
 * @throws NestError('validation') when the reporting currencies differ.
 */
export function networkEstimate(cases: readonly CaseEstimate[], reportingCurrency: string): CaseEstimate {
  const seen = new Set<string>();
  const seizures: SeizureEstimate[] = [];
  const notValued: string[] = [];
  const failures: ValuationFailure[] = [];
  const excluded: string[] = [];
  for (const c of cases) {
    if (c.reportingCurrency !== reportingCurrency) {
      throw new NestError('validation', { id: 'valuation-core.case-currency', values: { currency: c.reportingCurrency, reportingCurrency } });
    }
    for (const s of c.seizures) {
      if (seen.has(s.seizureId)) continue;
      seen.add(s.seizureId);
      seizures.push(s);
    }
    notValued.push(...c.notValued);
    failures.push(...c.failures);
    excluded.push(...c.excluded);
  }
  return assemble(seizures, { reportingCurrency, notValued, failures, excluded });
}

/** Totals per crime sector, in {@link CRIME_SECTORS} order; sectors with no valued seizure are left out. */
export function totalsBySector(estimate: CaseEstimate): RangeGroup[] {
  return CRIME_SECTORS.flatMap((sector) => {
    const items = estimate.seizures.filter((s) => s.sector === sector);
    return items.length ? [group(sector, CRIME_SECTOR_LABELS[sector], items, estimate.reportingCurrency)] : [];
  });
}

/** Totals per calendar year of the seizure date, oldest first; years with no valued seizure are left out. */
export function totalsByYear(estimate: CaseEstimate): RangeGroup[] {
  const years = [...new Set(estimate.seizures.map((s) => s.year))].sort((a, b) => a - b);
  return years.map((y) => group(String(y), String(y), estimate.seizures.filter((s) => s.year === y), estimate.reportingCurrency));
}

function group(key: string, label: string, items: readonly SeizureEstimate[], reportingCurrency: string): RangeGroup {
  return {
    key,
    label,
    usd: sumMoney(items.map((s) => s.usd), 'USD'),
    reporting: sumMoney(items.map((s) => s.reporting), reportingCurrency),
    count: items.length,
  };
}

/** Chart bars (low–high whiskers) of a breakdown, in USD or in the reporting currency. */
export function toRangeBars(groups: readonly RangeGroup[], currency: 'usd' | 'reporting'): RangeBar[] {
  return groups.map((g) => {
    const r = currency === 'usd' ? g.usd : g.reporting;
    return { key: g.key, label: g.label, low: r.low, high: r.high, currency: r.currency, count: g.count };
  });
}

/** An interdiction-rate assumption: seizures are a share `low`–`high` of the whole flow (fractions, 0 < low ≤ high ≤ 1). */
export interface InterdictionRate {
  readonly low: number;
  readonly high: number;
  /** What the assumption rests on. */
  readonly basis: string;
}

/** The flow implied by a seized value and an interdiction-rate assumption. Always an assumption. */
export interface FlowEstimate {
  /** Always true: these figures follow from an assumption, not from evidence. */
  readonly isAssumption: true;
  /** "Assumption: seizures are 10–30 % of the flow (basis: …)". */
  readonly label: string;
  readonly seized: MoneyRange;
  readonly interdiction: InterdictionRate;
  /** The whole flow: seized / r. */
  readonly totalFlow: MoneyRange;
  /** The part not seized: seized·(1 − r)/r. */
  readonly undetected: MoneyRange;
}

/** "10–30 %" from fractions 0.1 and 0.3 (up to 2 decimals of a percent, no float noise). */
export function formatShare(low: number, high: number): string {
  const pct = (x: number): string => String(Number((x * 100).toFixed(2)));
  return low === high ? `${pct(low)} %` : `${pct(low)}–${pct(high)} %`;
}

/**
 * The undetected-flow estimate from the seized value and an interdiction-rate range (see the module comment).
 * @throws NestError('validation') unless 0 < rate.low ≤ rate.high ≤ 1 and the basis is given.
 */
export function undetectedFlow(seized: MoneyRange, rate: InterdictionRate): FlowEstimate {
  const bad = (message: string): never => {
    throw new NestError('validation', { id: 'valuation-core.interdiction-rate', values: { detail: message } }, [{ field: 'interdictionRate', message }]);
  };
  if (!(Number.isFinite(rate.low) && Number.isFinite(rate.high))) bad('must be numbers');
  if (!(rate.low > 0)) bad('the low rate must be greater than 0 %');
  if (rate.high > 1) bad('the high rate must be at most 100 %');
  if (rate.low > rate.high) bad('the low rate must not exceed the high rate');
  if (!rate.basis?.trim()) bad('say what the assumption rests on');
  const totalFlow = moneyRange(seized.low / rate.high, seized.high / rate.low, seized.currency);
  const undetected = moneyRange((seized.low * (1 - rate.high)) / rate.high, (seized.high * (1 - rate.low)) / rate.low, seized.currency);
  return {
    isAssumption: true,
    label: `Assumption: seizures are ${formatShare(rate.low, rate.high)} of the flow (basis: ${rate.basis.trim()}).`,
    seized,
    interdiction: rate,
    totalFlow,
    undetected,
  };
}
