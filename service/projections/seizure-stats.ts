/**
 * A case's key figures from the `seizures` projection (issue 11 item 4): the overview's tiles for
 * a case of any size, counted in SQLite over the case doc's and every volume doc's seizures
 * instead of over the window's replica (which holds at most the case doc's 1,000).
 */
import type { Db } from '../../node/store/sqlite';
import { isCountryCode } from '../../shared/domain/iso';
import type { CaseStats, PeriodCount } from '../../shared/rpc/case-stats';
import { comparePeriods } from '../../shared/timeline/timeline';

type DateRow = { seizure_date: string; date_precision: NonNullable<CaseStats['first']>['datePrecision'] };

/** The key figures of case `caseId`'s live seizures (all zero / null / [] for a case without any). */
export function caseSeizureStats(db: Db, caseId: string): CaseStats {
  const counts = db
    .prepare('SELECT COUNT(*) AS n, COALESCE(SUM(latitude IS NOT NULL AND longitude IS NOT NULL), 0) AS mapped FROM seizures WHERE case_id = ?')
    .get(caseId) as { n: number; mapped: number };
  // The one rule of what counts as a country (shared/domain/iso.ts), applied to the distinct codes.
  const codes = db.prepare('SELECT DISTINCT country FROM seizures WHERE case_id = ?').pluck().all(caseId) as string[];
  const end = (dir: 'ASC' | 'DESC'): CaseStats['first'] => {
    const r = db.prepare(`SELECT seizure_date, date_precision FROM seizures WHERE case_id = ? ORDER BY seizure_date ${dir}, id ${dir} LIMIT 1`).get(caseId) as DateRow | undefined;
    return r ? { seizureDate: r.seizure_date, datePrecision: r.date_precision } : null;
  };
  const totals = db
    .prepare("SELECT reported_currency AS currency, SUM(reported_value) AS total, COUNT(*) AS count FROM seizures WHERE case_id = ? AND reported_value IS NOT NULL AND reported_currency IS NOT NULL AND reported_currency <> '' GROUP BY reported_currency")
    .all(caseId) as CaseStats['reportedTotals'];
  return {
    seizureCount: counts.n,
    mappedCount: counts.mapped,
    countryCount: codes.filter(isCountryCode).length,
    first: end('ASC'),
    last: end('DESC'),
    reportedTotals: totals.sort((a, b) => b.count - a.count || b.total - a.total || (a.currency < b.currency ? -1 : 1)),
  };
}

/**
 * Case `caseId`'s live seizures counted per timeline period (shared/timeline/timeline.ts
 * `timelinePeriod`: the date's `YYYY` at year precision, its `YYYY-MM` otherwise), in timeline
 * order; an undated row (none should exist: a seizure date is required) is left out.
 */
export function seizurePeriodCounts(db: Db, caseId: string): PeriodCount[] {
  const rows = db
    .prepare("SELECT CASE WHEN date_precision = 'year' THEN substr(seizure_date, 1, 4) ELSE substr(seizure_date, 1, 7) END AS period, COUNT(*) AS count FROM seizures WHERE case_id = ? AND seizure_date <> '' GROUP BY period")
    .all(caseId) as PeriodCount[];
  return rows.sort((a, b) => comparePeriods(a.period, b.period));
}
