/**
 * Key figures of a case: count, mapped share, seizing countries, period, and reported values
 * summed per currency (never converted: currencies are not mixed). Counted by the data service
 * over every seizure of the case — the case doc's and its volume docs' (`cases.stats`, issue 11
 * item 4) — never over this window's replica, which holds at most the case doc's 1,000
 * (G-IMP-1). Nothing is shown until the figures are known; they refresh when the case changes.
 */
import type { ReactNode } from 'react';
import { formatCount, formatMoneyShort } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { ErrorPanel, Loading } from '../ui/states';
import { t } from '../../../shared/messages';

/** The stat tiles of case `caseId` of workspace `workspaceId`. */
export function CaseStats(props: { workspaceId: string; caseId: string }): ReactNode {
  const q = useLiveQuery('cases.stats', { workspaceId: props.workspaceId, caseId: props.caseId }, { refetchOn: [projectionChanged(props.workspaceId, props.caseId)] });
  const stats = q.data;
  if (!stats) return q.error ? <ErrorPanel error={q.error} onRetry={q.reload} /> : <Loading>{t('ui.case.stats.loading')}</Loading>;
  const { first, last } = stats;
  const top = stats.reportedTotals[0];
  return (
    <div className="stat-grid" aria-label={t('ui.case.stats.label')}>
      <div className="stat">
        <div className="stat-label">{t('ui.case.stats.seizures')}</div>
        <div className="stat-value" data-testid="stat-seizures">{formatCount(stats.seizureCount)}</div>
        <div className="stat-note">{stats.seizureCount ? t('ui.case.stats.on-map', { count: stats.mappedCount }) : t('ui.case.stats.none-yet')}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('ui.case.stats.countries')}</div>
        <div className="stat-value">{formatCount(stats.countryCount)}</div>
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
          {top ? t('ui.case.stats.value-note', { count: top.count, others: stats.reportedTotals.length - 1 }) : t('ui.case.stats.no-values')}
        </div>
      </div>
    </div>
  );
}
