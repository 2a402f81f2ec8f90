/**
 * The seizure table: date at its precision, place and country, commodity and taxon, quantity
 * with unit, reported value in its currency, source title; row actions edit and delete.
 */
import type { ReactNode } from 'react';
import type { Seizure } from '../../../shared/domain/seizure';
import { countryLabel } from '../format/countries';
import { Icon } from '../ui/icons';
import { SortHeader } from '../ui/sort-header';
import { formatMoney, formatQuantity } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';

/** Sortable columns of the seizure table. */
export type SeizureSortKey = 'date' | 'place' | 'commodity' | 'value';
/** A seizure-table sort. */
export interface SeizureSort {
  key: SeizureSortKey;
  dir: 'asc' | 'desc';
}

/** Props of {@link SeizureTable}. */
export interface SeizureTableProps {
  seizures: Seizure[];
  sort: SeizureSort;
  onSort: (key: SeizureSortKey) => void;
  selected: string | null;
  onSelect: (id: string) => void;
  readOnly: boolean;
  onEdit: (s: Seizure) => void;
  onDelete: (s: Seizure) => void;
}

/** The seizure table. */
export function SeizureTable(props: SeizureTableProps): ReactNode {
  const { sort, onSort } = props;
  return (
    <div className="table-scroll">
      <table className="data-table seizure-table" aria-label="Seizures">
        <thead>
          <tr>
            <SortHeader label="Date" sortKey="date" current={sort} onSort={onSort} />
            <SortHeader label="Place" sortKey="place" current={sort} onSort={onSort} />
            <SortHeader label="Commodity" sortKey="commodity" current={sort} onSort={onSort} />
            <th scope="col" className="col-num">
              <span className="th-label">Quantity</span>
            </th>
            <SortHeader label="Reported value" sortKey="value" current={sort} onSort={onSort} numeric />
            <th scope="col" className="col-source">
              <span className="th-label">Source</span>
            </th>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.seizures.map((s) => (
            <tr key={s.id} data-seizure-id={s.id} aria-selected={props.selected === s.id} className="clickable-row" onClick={(e) => (e.target as HTMLElement).closest('button') || props.onSelect(s.id)}>
              <td className="col-nowrap">
                {formatSeizureDate(s.seizureDate, s.datePrecision)}
                {s.datePrecision !== 'day' ? <span className="precision">({s.datePrecision})</span> : null}
              </td>
              <td className="col-place">
                <span className="cell-primary">{s.place || countryLabel(s.country)}</span>
                <span className="cell-secondary">
                  {countryLabel(s.country)}
                  {s.latitude === null ? ' · not mapped' : ''}
                </span>
              </td>
              <td className="col-commodity">
                <button type="button" className="link-button cell-primary" onClick={() => props.onSelect(s.id)}>
                  {s.commodity}
                </button>
                {s.taxon ? <span className="cell-secondary taxon">{s.taxon}</span> : null}
              </td>
              <td className="col-num col-nowrap">{formatQuantity(s.quantity, s.unit)}</td>
              <td className="col-num col-nowrap">{formatMoney(s.reportedValue, s.reportedCurrency)}</td>
              <td className="col-source">
                {s.sourceTitle || s.sourceUrl ? (
                  <span className="source-cell" title={s.sourceUrl || s.sourceTitle}>
                    <Icon name="link" size={12} /> {s.sourceTitle || s.sourceUrl}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="col-actions">
                {props.readOnly ? null : (
                  <span className="row-actions">
                    <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Edit seizure: ${s.commodity}, ${s.seizureDate}`} onClick={() => props.onEdit(s)}>
                      <Icon name="edit" size={14} />
                    </button>
                    <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Delete seizure: ${s.commodity}, ${s.seizureDate}`} onClick={() => props.onDelete(s)}>
                      <Icon name="trash" size={14} />
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
