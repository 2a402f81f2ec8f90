/**
 * One seizure in full, beside the table: what, when, where (with coordinates and their
 * precision), the trade route, agencies, value and the source. The source URL is shown as
 * text with a copy button: the app never opens remote pages.
 */
import type { ReactNode } from 'react';
import type { Seizure } from '../../../shared/domain/seizure';
import { countryLabel, countryWithCode } from '../format/countries';
import { CRIME_SECTOR_LABELS } from '../../../shared/domain/codes';
import { DATE_PRECISION_LABELS, LOCATION_PRECISION_LABELS } from '../domain/labels';
import { Icon } from '../ui/icons';
import { SectorLabel } from '../ui/badges';
import { CopyButton } from '../ui/copy-button';
import { formatCoordinates, formatMoney, formatQuantity } from '../format/numbers';
import { formatDateTime, formatSeizureDate } from '../format/dates';

const countries = (codes: string[]): string => (codes.length ? codes.map(countryWithCode).join(', ') : '—');

/** The seizure detail panel. */
export function SeizureDetail(props: { seizure: Seizure; onClose: () => void; onEdit: (() => void) | null; onDelete: (() => void) | null }): ReactNode {
  const s = props.seizure;
  return (
    <aside className="card seizure-detail" aria-labelledby="seizure-detail-title">
      <div className="card-header">
        <div className="grow">
          <h2 id="seizure-detail-title">{s.commodity}</h2>
          <p className="muted small">
            {formatSeizureDate(s.seizureDate, s.datePrecision)} · {countryLabel(s.country)}
          </p>
        </div>
        {props.onEdit ? (
          <button type="button" className="btn btn-sm" onClick={props.onEdit}>
            <Icon name="edit" size={14} /> Edit
          </button>
        ) : null}
        {props.onDelete ? (
          <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={props.onDelete} aria-label="Delete this seizure" title="Delete this seizure">
            <Icon name="trash" size={14} />
          </button>
        ) : null}
        <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={props.onClose} aria-label="Close seizure detail">
          <Icon name="x" />
        </button>
      </div>
      <div className="card-body seizure-detail-body">
        <dl className="details">
          <dt>Sector</dt>
          <dd>
            <SectorLabel sector={s.sector} />
            <span className="visually-hidden">{CRIME_SECTOR_LABELS[s.sector]}</span>
          </dd>
          <dt>Taxon</dt>
          <dd className={s.taxon ? 'taxon' : undefined}>{s.taxon || '—'}</dd>
          <dt>CITES</dt>
          <dd>{s.citesAppendix ? `Appendix ${s.citesAppendix}` : '—'}</dd>
          <dt>Quantity</dt>
          <dd className="num">{formatQuantity(s.quantity, s.unit)}</dd>
          <dt>Reported value</dt>
          <dd className="num">{formatMoney(s.reportedValue, s.reportedCurrency)}</dd>
          <dt>Date</dt>
          <dd>
            {formatSeizureDate(s.seizureDate, s.datePrecision)} <span className="muted">({DATE_PRECISION_LABELS[s.datePrecision].toLowerCase()})</span>
          </dd>
          <dt>Place</dt>
          <dd>
            {s.place ? `${s.place}, ${countryWithCode(s.country)}` : countryWithCode(s.country)}
          </dd>
          <dt>Coordinates</dt>
          <dd>
            {s.latitude !== null && s.longitude !== null ? (
              <>
                <span className="num">{formatCoordinates(s.latitude, s.longitude)}</span> <span className="muted">({LOCATION_PRECISION_LABELS[s.locationPrecision].toLowerCase()})</span>
              </>
            ) : (
              <span className="muted">Not mapped</span>
            )}
          </dd>
          <dt>Origin</dt>
          <dd>{countries(s.originCountries)}</dd>
          <dt>Transit</dt>
          <dd>{countries(s.transitCountries)}</dd>
          <dt>Destination</dt>
          <dd>{countries(s.destinationCountries)}</dd>
          <dt>Seizing agencies</dt>
          <dd>{s.seizingAgencies.length ? s.seizingAgencies.join('; ') : '—'}</dd>
          {s.operation ? (
            <>
              <dt>Operation</dt>
              <dd>{s.operation}</dd>
            </>
          ) : null}
        </dl>
        <div className="detail-section">
          <h3 className="detail-heading">Source</h3>
          {s.sourceTitle || s.sourceUrl ? (
            <>
              {s.sourceTitle ? <p className="source-title">{s.sourceTitle}</p> : null}
              {s.sourceUrl ? (
                <div className="url-box">
                  <span className="url-text" data-testid="source-url">
                    {s.sourceUrl}
                  </span>
                  <CopyButton text={s.sourceUrl} what="source URL" />
                </div>
              ) : null}
              <p className="field-hint">Copy the address into a browser on a machine allowed to reach the web; NEST Desk never opens remote pages.</p>
            </>
          ) : (
            <p className="muted">No source recorded.</p>
          )}
        </div>
        {s.notes ? (
          <div className="detail-section">
            <h3 className="detail-heading">Notes</h3>
            <p className="notes-text">{s.notes}</p>
          </div>
        ) : null}
        <p className="detail-stamp">Last changed {formatDateTime(s.updatedAt)}</p>
      </div>
    </aside>
  );
}
