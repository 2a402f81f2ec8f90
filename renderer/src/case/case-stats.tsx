/**
 * Key figures of a case computed from its seizures: count, mapped share, countries, period,
 * and reported values summed per currency (never converted: currencies are not mixed).
 */
import type { ReactNode } from 'react';
import type { Seizure } from '../../../shared/domain/seizure';
import { isCountryCode } from '../../../shared/domain/iso';
import { formatCount, formatMoneyShort } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { t } from '../../../shared/messages';

/** Reported values summed per ISO 4217 currency, largest first. */
export function totalsByCurrency(seizures: Seizure[]): { currency: string; total: number; count: number }[] {
  const m = new Map<string, { total: number; count: number }>();
  for (const s of seizures) {
    if (s.reportedValue === null || !s.reportedCurrency) continue;
    const t = m.get(s.reportedCurrency) ?? { total: 0, count: 0 };
    t.total += s.reportedValue;
    t.count++;
    m.set(s.reportedCurrency, t);
  }
  return [...m].map(([currency, sums]) => ({ currency, ...sums })).sort((a, b) => b.count - a.count || b.total - a.total);
}

/** The stat tiles of a case. */
export function CaseStats(props: { seizures: Seizure[] }): ReactNode {
  const { seizures } = props;
  const mapped = seizures.filter((s) => s.latitude !== null && s.longitude !== null).length;
  // Only real codes count: a seizure without a (valid) country is not a country of its own.
  const countries = new Set(seizures.map((s) => s.country).filter(isCountryCode)).size;
  const first = seizures[0];
  const last = seizures[seizures.length - 1];
  const totals = totalsByCurrency(seizures);
  const top = totals[0];
  return (
    <div className="stat-grid" aria-label={t('ui.case.stats.label')}>
      <div className="stat">
        <div className="stat-label">{t('ui.case.stats.seizures')}</div>
        <div className="stat-value">{formatCount(seizures.length)}</div>
        <div className="stat-note">{seizures.length ? t('ui.case.stats.on-map', { count: mapped }) : t('ui.case.stats.none-yet')}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('ui.case.stats.countries')}</div>
        <div className="stat-value">{formatCount(countries)}</div>
        <div className="stat-note">{t('ui.case.stats.countries-note')}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('ui.case.stats.period')}</div>
        <div className="stat-value stat-value-sm">{first && last ? `${first.seizureDate.slice(0, 4)}–${last.seizureDate.slice(0, 4)}` : '—'}</div>
        <div className="stat-note">{first && last ? t('ui.case.stats.period-note', { from: formatSeizureDate(first.seizureDate, first.datePrecision), to: formatSeizureDate(last.seizureDate, last.datePrecision) }) : t('ui.case.stats.no-dates')}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('ui.case.stats.value')}</div>
        <div className="stat-value stat-value-sm">{top ? formatMoneyShort(top.total, top.currency) : '—'}</div>
        <div className="stat-note">
          {top ? t('ui.case.stats.value-note', { count: top.count, others: totals.length - 1 }) : t('ui.case.stats.no-values')}
        </div>
      </div>
    </div>
  );
}
