/**
 * The toolbar above the case list: full-text search, sector and status filters, and the count.
 */
import type { ReactNode } from 'react';
import { CASE_STATUSES, CASE_STATUS_LABELS, CRIME_SECTORS, CRIME_SECTOR_LABELS, type CaseStatus, type CrimeSector } from '../../../shared/domain/codes';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/states';
import { t } from '../../../shared/messages';

/** Props of {@link CaseFilters}. */
export interface CaseFiltersProps {
  text: string;
  onText: (t: string) => void;
  sector: CrimeSector | '';
  onSector: (s: CrimeSector | '') => void;
  status: CaseStatus | '';
  onStatus: (s: CaseStatus | '') => void;
  count: number | null;
  loading: boolean;
}

/** The case list toolbar. */
export function CaseFilters(props: CaseFiltersProps): ReactNode {
  return (
    <div className="table-toolbar" role="search">
      <div className="input-with-icon">
        <Icon name="search" />
        <input
          className="input input-sm"
          type="search"
          aria-label={t('ui.cases.search-label')}
          placeholder={t('ui.cases.search-placeholder')}
          value={props.text}
          onChange={(e) => props.onText(e.target.value)}
        />
      </div>
      <select className="select select-sm filter-select" aria-label={t('ui.cases.filter-sector')} value={props.sector} onChange={(e) => props.onSector(e.target.value as CrimeSector | '')}>
        <option value="">{t('ui.cases.all-sectors')}</option>
        {CRIME_SECTORS.map((s) => (
          <option key={s} value={s}>
            {CRIME_SECTOR_LABELS[s]}
          </option>
        ))}
      </select>
      <select className="select select-sm filter-select" aria-label={t('ui.cases.filter-status')} value={props.status} onChange={(e) => props.onStatus(e.target.value as CaseStatus | '')}>
        <option value="">{t('ui.cases.all-statuses')}</option>
        {CASE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {CASE_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <span className="toolbar-count" aria-live="polite">
        {props.loading ? <Spinner label={t('ui.cases.refreshing')} /> : null}
        {props.count !== null ? t('ui.cases.shown', { count: props.count }) : ''}
      </span>
    </div>
  );
}
