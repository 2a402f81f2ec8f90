/**
 * The case table: number, title (with jurisdictions), sector, status (with the resolution of a
 * closed case), severity, TLP, assignee, lead agency, opening date, seizures, mapped share and
 * last update. Headers sort; a row opens its case.
 */
import type { ReactNode } from 'react';
import type { CaseSummary } from '../../../shared/rpc/cases';
import type { Member } from '../../../shared/domain/member';
import { countryName } from '../../../shared/domain/iso';
import { SectorLabel, StatusBadge, TlpBadge } from '../ui/badges';
import { DataTable, type Column } from '../ui/data-table';
import { formatCount } from '../format/numbers';
import { formatDateTime, formatIsoDate, formatRelative } from '../format/dates';
import { resolutionLabel, severityLabel } from '../case/case-selects';
import type { CaseSort, CaseSortKey } from './case-sort';
import { t } from '../../../shared/messages';

/** Props of {@link CaseTable}. */
export interface CaseTableProps {
  rows: CaseSummary[];
  sort: CaseSort;
  onSort: (key: CaseSortKey) => void;
  members: Map<string, Member>;
  onOpen: (caseId: string) => void;
}

function jurisdictionsText(codes: string[]): string {
  if (!codes.length) return '';
  const names = codes.slice(0, 4).map(countryName);
  return codes.length > 4 ? `${names.join(', ')} +${codes.length - 4}` : names.join(', ');
}

/** The case table. */
export function CaseTable(props: CaseTableProps): ReactNode {
  const { members } = props;
  const columns: Column<CaseSummary, CaseSortKey>[] = [
    { id: 'number', header: t('ui.cases.col-number'), sortKey: 'number', className: 'col-nowrap', cell: (c) => <span className="case-number">{c.number}</span> },
    {
      id: 'title',
      header: t('ui.cases.col-title'),
      sortKey: 'title',
      className: 'col-title',
      cell: (c) => (
        <>
          <a className="cell-link" href={`#/w/${c.docName.split('/')[0]}/c/${c.id}`}>
            {c.title || '(untitled case)'}
          </a>
          {c.jurisdictions.length ? <span className="cell-secondary">{jurisdictionsText(c.jurisdictions)}</span> : null}
        </>
      ),
    },
    { id: 'sector', header: t('ui.cases.col-sector'), sortKey: 'sector', className: 'col-sector', cell: (c) => <SectorLabel sector={c.sector} /> },
    {
      id: 'status',
      header: t('ui.cases.col-status'),
      sortKey: 'status',
      cell: (c) => (
        <>
          <StatusBadge status={c.status} />
          {c.resolution ? <span className="cell-secondary">{resolutionLabel(c.resolution)}</span> : null}
        </>
      ),
    },
    { id: 'severity', header: t('ui.cases.col-severity'), sortKey: 'severity', className: 'col-nowrap', cell: (c) => <span className={`severity severity-${c.severity}`}>{severityLabel(c.severity)}</span> },
    { id: 'tlp', header: 'TLP', sortKey: 'tlp', cell: (c) => <TlpBadge tlp={c.tlp} /> },
    { id: 'assignee', header: t('ui.cases.col-assignee'), sortKey: 'assignee', cell: (c) => (c.assignee ? (members.get(c.assignee)?.name ?? c.assignee) : <span className="muted">—</span>) },
    { id: 'agency', header: t('ui.cases.col-agency'), sortKey: 'leadAgency', className: 'col-agency', cell: (c) => c.leadAgency || <span className="muted">—</span> },
    { id: 'opened', header: t('ui.cases.col-opened'), sortKey: 'openedOn', className: 'col-nowrap', cell: (c) => formatIsoDate(c.openedOn) },
    { id: 'seizures', header: t('ui.cases.col-seizures'), sortKey: 'seizureCount', numeric: true, cell: (c) => formatCount(c.seizureCount) },
    {
      id: 'mapped',
      header: t('ui.cases.col-mapped'),
      sortKey: 'mappedCount',
      numeric: true,
      cell: (c) => {
        const share = c.seizureCount ? Math.round((100 * c.mappedCount) / c.seizureCount) : 0;
        return (
          <span className="mapped-bar" title={t('ui.cases.mapped-tip', { mapped: c.mappedCount, count: c.seizureCount })}>
            {formatCount(c.mappedCount)}
            <span className="mapped-bar-track" aria-hidden="true">
              <span className="mapped-bar-fill" style={{ width: `${share}%` }} />
            </span>
          </span>
        );
      },
    },
    {
      id: 'updated',
      header: t('ui.cases.col-updated'),
      sortKey: 'updatedAt',
      className: 'col-nowrap col-updated',
      cell: (c) => {
        const by = members.get(c.updatedBy)?.name;
        return (
          <span title={t('ui.cases.updated-tip', { when: formatDateTime(c.updatedAt), hasBy: by ? 'yes' : 'no', by })}>
            {formatRelative(c.updatedAt)}
            {by ? <span className="cell-secondary">{t('ui.cases.by', { name: by })}</span> : null}
          </span>
        );
      },
    },
  ];
  return <DataTable label={t('ui.cases.table-label')} className="case-table" columns={columns} rows={props.rows} rowKey={(c) => c.id} sort={props.sort} onSort={props.onSort} onRowClick={(c) => props.onOpen(c.id)} />;
}
