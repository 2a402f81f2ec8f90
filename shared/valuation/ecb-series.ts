/**
 * Operations on ECB rate series: the binary search every look-up uses, and the union of two ECB
 * files (the shipped snapshot and a newer download).
 */
import type { EcbRates, RateSeries } from './rate-types';

/** Index of the last entry of `days` (ascending) that is ≤ `day`, or −1. */
export function lastOnOrBefore(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Union of two ECB files (e.g. the shipped snapshot and a newer download): every date of either,
 * and on a date both hold, the rate of `newer`.
 */
export function mergeEcbRates(base: EcbRates, newer: EcbRates): EcbRates {
  const series = new Map<string, RateSeries>();
  const codes = [...base.currencies, ...newer.currencies.filter((c) => !base.currencies.includes(c))];
  for (const code of codes) {
    const a = base.series.get(code);
    const b = newer.series.get(code);
    if (!a || !b) {
      const only = a ?? b;
      if (only) series.set(code, only);
      continue;
    }
    const d: number[] = [];
    const v: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.days.length || j < b.days.length) {
      const da = i < a.days.length ? a.days[i]! : Infinity;
      const db = j < b.days.length ? b.days[j]! : Infinity;
      if (db <= da) {
        d.push(db);
        v.push(b.perEur[j++]!);
        if (da === db) i++;
      } else {
        d.push(da);
        v.push(a.perEur[i++]!);
      }
    }
    series.set(code, { days: Int32Array.from(d), perEur: Float64Array.from(v) });
  }
  const firstDate = [base.firstDate, newer.firstDate].filter(Boolean).sort()[0] ?? '';
  const lastDate = [base.lastDate, newer.lastDate].filter(Boolean).sort().at(-1) ?? '';
  const allDays = new Set<number>();
  for (const s of series.values()) for (const day of s.days) allDays.add(day);
  // Stops of either file, except on a date the merged series has a rate (the other file quoted it).
  const stops = new Map<string, Int32Array>();
  for (const code of codes) {
    const all = [...(base.stops?.get(code) ?? []), ...(newer.stops?.get(code) ?? [])];
    const s = series.get(code);
    const kept = [...new Set(all)].filter((d) => !s || s.days[lastOnOrBefore(s.days, d)] !== d).sort((a, b) => a - b);
    if (kept.length) stops.set(code, Int32Array.from(kept));
  }
  return { currencies: codes, firstDate, lastDate, rowCount: allDays.size, series, stops };
}
