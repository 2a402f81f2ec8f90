/**
 * Selects for the controlled vocabularies (sector, status, TLP, unit, date and location
 * precision), labelled from the shared label tables so every screen uses the same words.
 */
import type { ReactNode, SelectHTMLAttributes } from 'react';
import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CRIME_SECTORS,
  CRIME_SECTOR_LABELS,
  DATE_PRECISIONS,
  LOCATION_PRECISIONS,
  QUANTITY_UNITS,
  QUANTITY_UNIT_LABELS,
  TLP_MARKINGS,
  CITES_APPENDICES,
} from '../../../shared/domain/codes';
import { DATE_PRECISION_LABELS, LOCATION_PRECISION_LABELS } from '../domain/labels';
import { t } from '../../../shared/messages';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'>;

function options<T extends string>(values: readonly T[], labels: Record<T, string> | null): ReactNode {
  return values.map((v) => (
    <option key={v} value={v}>
      {labels ? labels[v] : v}
    </option>
  ));
}

/** Crime sector select. */
export function SectorSelect(p: SelectProps): ReactNode {
  return <select className="select" {...p}>{options(CRIME_SECTORS, CRIME_SECTOR_LABELS)}</select>;
}

/** Case status select. */
export function StatusSelect(p: SelectProps): ReactNode {
  return <select className="select" {...p}>{options(CASE_STATUSES, CASE_STATUS_LABELS)}</select>;
}

/** TLP 2.0 marking select ("TLP:AMBER"). */
export function TlpSelect(p: SelectProps): ReactNode {
  return (
    <select className="select" {...p}>
      {TLP_MARKINGS.map((tlp) => (
        <option key={tlp} value={tlp}>
          {t('ui.common.tlp', { tlp })}
        </option>
      ))}
    </select>
  );
}

/** Quantity unit select. */
export function UnitSelect(p: SelectProps): ReactNode {
  return <select className="select" {...p}>{options(QUANTITY_UNITS, QUANTITY_UNIT_LABELS)}</select>;
}

/** Date precision select. */
export function DatePrecisionSelect(p: SelectProps): ReactNode {
  return <select className="select" {...p}>{options(DATE_PRECISIONS, DATE_PRECISION_LABELS)}</select>;
}

/** Location precision select. */
export function LocationPrecisionSelect(p: SelectProps): ReactNode {
  return <select className="select" {...p}>{options(LOCATION_PRECISIONS, LOCATION_PRECISION_LABELS)}</select>;
}

/** CITES appendix select, with "Not listed" as the empty value. */
export function CitesSelect(p: SelectProps): ReactNode {
  return (
    <select className="select" {...p}>
      <option value="">{t('ui.common.cites-none')}</option>
      {CITES_APPENDICES.map((a) => (
        <option key={a} value={a}>
          {t('ui.common.cites-appendix', { appendix: a })}
        </option>
      ))}
    </select>
  );
}
