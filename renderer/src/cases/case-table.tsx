/**
 * The case table: number, title (with jurisdictions), sector, status, TLP, lead agency,
 * seizures, mapped share and last update. Headers sort; a row opens its case.
 */
import type { ReactNode } from 'react';
import type { CaseSummary } from '../../../shared/rpc/cases';
import type { Member } from '../../../shared/domain/member';
import { countryName } from '../../../shared/domain/iso';
import { SectorLabel, StatusBadge, TlpBadge } from '../ui/badges';
import { SortHeader } from '../ui/sort-header';
import { formatCount } from '../format/numbers';
import { formatDateTime, formatRelative } from '../format/dates';
import type { CaseSort, CaseSortKey } from './case-sort';

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
  const { rows, sort, onSort, members } = props;
  const h = (label: string, key: CaseSortKey, numeric = false): ReactNode => <SortHeader label={label} sortKey={key} current={sort} onSort={onSort} numeric={numeric} />;
  return (
    <div className="table-scroll">
      <table className="data-table case-table" aria-label="Cases">
        <thead>
          <tr>
            {h('Number', 'number')}
            {h('Title', 'title')}
            {h('Sector', 'sector')}
            {h('Status', 'status')}
            {h('TLP', 'tlp')}
            {h('Lead agency', 'leadAgency')}
            {h('Seizures', 'seizureCount', true)}
            {h('Mapped', 'mappedCount', true)}
            {h('Updated', 'updatedAt')}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const by = members.get(c.updatedBy)?.name;
            const share = c.seizureCount ? Math.round((100 * c.mappedCount) / c.seizureCount) : 0;
            return (
              <tr key={c.id} className="clickable-row" onClick={(e) => (e.target as HTMLElement).closest('a') || props.onOpen(c.id)}>
                <td className="col-nowrap">
                  <span className="case-number">{c.number}</span>
                </td>
                <td className="col-title">
                  <a className="cell-link" href={`#/w/${c.docName.split('/')[0]}/c/${c.id}`}>
                    {c.title || '(untitled case)'}
                  </a>
                  {c.jurisdictions.length ? <span className="cell-secondary">{jurisdictionsText(c.jurisdictions)}</span> : null}
                </td>
                <td className="col-sector">
                  <SectorLabel sector={c.sector} />
                </td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>
                  <TlpBadge tlp={c.tlp} />
                </td>
                <td className="col-agency">{c.leadAgency || <span className="muted">—</span>}</td>
                <td className="col-num">{formatCount(c.seizureCount)}</td>
                <td className="col-num">
                  <span className="mapped-bar" title={`${c.mappedCount} of ${c.seizureCount} seizures have coordinates`}>
                    {formatCount(c.mappedCount)}
                    <span className="mapped-bar-track" aria-hidden="true">
                      <span className="mapped-bar-fill" style={{ width: `${share}%` }} />
                    </span>
                  </span>
                </td>
                <td className="col-nowrap col-updated" title={`${formatDateTime(c.updatedAt)}${by ? ` by ${by}` : ''}`}>
                  {formatRelative(c.updatedAt)}
                  {by ? <span className="cell-secondary">by {by}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
