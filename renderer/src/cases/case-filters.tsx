/**
 * The toolbar above the case list: full-text search and the filters the `cases.list` RPC
 * offers — status, sector, severity, TLP, assignee, tag and lead agency — and the count. The
 * values live in case-list-state.ts (kept for the session).
 */
import type { ReactNode } from 'react';
import { CASE_STATUSES, CASE_STATUS_LABELS, CRIME_SECTORS, CRIME_SECTOR_LABELS, TLP_MARKINGS } from '../../../shared/domain/codes';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/states';
import { t } from '../../../shared/messages';
import { severityLabel } from '../case/case-selects';
import type { CaseListFilters } from './case-list-state';

/** Props of {@link CaseFilters}. */
export interface CaseFiltersProps {
  filters: CaseListFilters;
  onChange: (next: CaseListFilters) => void;
  /** Workspace members, id → name, for the assignee filter. */
  members: Map<string, string>;
  /** Lead agencies seen in the workspace's cases, for the agency filter's suggestions. */
  agencies: string[];
  count: number | null;
  loading: boolean;
}

/** The case list toolbar. */
export function CaseFilters(props: CaseFiltersProps): ReactNode {
  const f = props.filters;
  const set = <K extends keyof CaseListFilters>(k: K, v: CaseListFilters[K]): void => props.onChange({ ...f, [k]: v });
  return (
    <div className="table-toolbar case-filters" role="search">
      <div className="input-with-icon">
        <Icon name="search" />
        <input className="input input-sm" type="search" aria-label={t('ui.cases.search-label')} placeholder={t('ui.cases.search-placeholder')} value={f.text} onChange={(e) => set('text', e.target.value)} />
      </div>
      <select className="select select-sm filter-select" aria-label={t('ui.cases.filter-status')} value={f.status} onChange={(e) => set('status', e.target.value as CaseListFilters['status'])}>
        <option value="">{t('ui.cases.all-statuses')}</option>
        {CASE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {CASE_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <select className="select select-sm filter-select" aria-label={t('ui.cases.filter-sector')} value={f.sector} onChange={(e) => set('sector', e.target.value as CaseListFilters['sector'])}>
        <option value="">{t('ui.cases.all-sectors')}</option>
        {CRIME_SECTORS.map((s) => (
          <option key={s} value={s}>
            {CRIME_SECTOR_LABELS[s]}
          </option>
        ))}
      </select>
      <select className="select select-sm filter-select" aria-label={t('ui.cases.filter-severity')} value={f.severity} onChange={(e) => set('severity', e.target.value as CaseListFilters['severity'])}>
        <option value="">{t('ui.cases.all-severities')}</option>
        {([4, 3, 2, 1] as const).map((s) => (
          <option key={s} value={String(s)}>
            {severityLabel(s)}
          </option>
        ))}
      </select>
      <select className="select select-sm filter-select" aria-label={t('ui.cases.filter-tlp')} value={f.tlp} onChange={(e) => set('tlp', e.target.value as CaseListFilters['tlp'])}>
        <option value="">{t('ui.cases.all-tlp')}</option>
        {TLP_MARKINGS.map((m) => (
          <option key={m} value={m}>
            {t('ui.cases.tlp-option', { marking: m })}
          </option>
        ))}
      </select>
      <select className="select select-sm filter-select" aria-label={t('ui.cases.filter-assignee')} value={f.assignee} onChange={(e) => set('assignee', e.target.value)}>
        <option value="">{t('ui.cases.all-assignees')}</option>
        <option value="-">{t('ui.case.unassigned')}</option>
        {[...props.members].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
      <input className="input input-sm filter-input" aria-label={t('ui.cases.filter-tag')} placeholder={t('ui.cases.tag-placeholder')} value={f.tag} onChange={(e) => set('tag', e.target.value)} />
      <input className="input input-sm filter-input" aria-label={t('ui.cases.filter-agency')} placeholder={t('ui.cases.agency-placeholder')} list="case-filter-agencies" value={f.agency} onChange={(e) => set('agency', e.target.value)} />
      <datalist id="case-filter-agencies">
        {props.agencies.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <span className="toolbar-count" aria-live="polite">
        {props.loading ? <Spinner label={t('ui.cases.refreshing')} /> : null}
        {props.count !== null ? t('ui.cases.shown', { count: props.count }) : ''}
      </span>
    </div>
  );
}
