/**
 * One seizure in full, beside the table: its main fields edited in place (each with its history
 * and the notice of a colleague's concurrent change), then what, when, where (with coordinates and
 * their precision), the trade route, agencies, value and the source. The source URL is shown as
 * text with a copy button: the app never opens remote pages. The seizure may be the replica's or
 * one held in a volume doc (read through `seizures.get`): every edit here goes where it lives
 * (seizure-writes.ts), with the same validation, audit and history.
 */
import { useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { Seizure, SeizureField } from '../../../shared/domain/seizure';
import { t } from '../../../shared/messages';
import { countryLabel, countryWithCode } from '../format/countries';
import { CRIME_SECTOR_LABELS } from '../../../shared/domain/codes';
import { concealmentMethodLabel, detectionMethodLabel, transportModeLabel } from '../../../shared/domain/seizure-labels';
import { toCommonUnit } from '../../../shared/domain/seizure-quantity';
import { DATE_PRECISION_LABELS, LOCATION_PRECISION_LABELS } from '../domain/labels';
import { Icon } from '../ui/icons';
import { SectorLabel } from '../ui/badges';
import { CopyButton } from '../ui/copy-button';
import { useToast } from '../ui/toast';
import { formatCoordinates, formatMoney, formatQuantity } from '../format/numbers';
import { formatDateTime, formatSeizureDate } from '../format/dates';
import { FieldHistoryDialog } from './field-history-dialog';
import { INLINE_SEIZURE_FIELDS, SeizureInlineField } from './seizure-inline-field';
import { fieldName, formatAuditValue } from '../../../shared/activity/field-values';
import type { ConcurrentEdits } from './use-concurrent-edits';
import { LinkedEntities } from '../entities/linked-entities';
import { LocationPickDialog } from '../map/location-pick-dialog';
import { useSeizureWriteTarget } from './seizure-writes';
import { ReviewFlagsCard } from './review-flags-card';
import { CitesAppendixText } from './seizure-checks';
import './case.css';

const countries = (codes: string[]): string => (codes.length ? codes.map(countryWithCode).join(', ') : '—');

/** Props of {@link SeizureDetail}. */
export interface SeizureDetailProps {
  seizure: Seizure;
  caseDoc: CaseDoc;
  writer: Writer;
  readOnly: boolean;
  edits: ConcurrentEdits;
  memberName: (id: string) => string;
  onClose: () => void;
  onEdit: (() => void) | null;
  onDelete: (() => void) | null;
  /** The workspace: the data service's edits of a seizure held in a volume doc, the map's country check. */
  workspaceId: string;
  /** The case, for the look-up of the seizure's linked entities. */
  caseId: string;
  /** Changes when the replica's links, entities or seizures may have changed (case-screen.tsx): the linked entities are read again. */
  linkVersion: unknown;
}

/** The seizure detail panel. */
export function SeizureDetail(props: SeizureDetailProps): ReactNode {
  const s = props.seizure;
  const toast = useToast();
  const [history, setHistory] = useState<SeizureField | null>(null);
  const [picking, setPicking] = useState(false);
  const to = useSeizureWriteTarget(props.caseDoc, props.writer, props.workspaceId);
  const converted = toCommonUnit(s.quantity, s.unit);
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
            <Icon name="edit" size={14} /> {t('ui.case.detail.edit')}
          </button>
        ) : null}
        {props.onDelete ? (
          <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={props.onDelete} aria-label={t('ui.case.detail.delete')} title={t('ui.case.detail.delete')}>
            <Icon name="trash" size={14} />
          </button>
        ) : null}
        <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={props.onClose} aria-label={t('ui.case.detail.close')}>
          <Icon name="x" />
        </button>
      </div>
      <div className="card-body seizure-detail-body">
        <ReviewFlagsCard seizure={s} workspaceId={props.workspaceId} caseId={props.caseDoc.readMeta().id} readOnly={props.readOnly} />
        <div className="inline-fields" data-testid="seizure-inline-fields">
          {INLINE_SEIZURE_FIELDS.map((f) => (
            <SeizureInlineField
              key={`${s.id}-${f.field}`}
              to={to}
              seizure={s}
              field={f.field}
              kind={f.kind}
              label={t(f.label)}
              className={f.wide ? 'span-all' : undefined}
              readOnly={props.readOnly}
              edits={props.edits}
              memberName={props.memberName}
              onHistory={() => setHistory(f.field)}
            />
          ))}
        </div>
        <dl className="details">
          <dt>{t('ui.case.detail.sector')}</dt>
          <dd>
            <SectorLabel sector={s.sector} />
            <span className="visually-hidden">{CRIME_SECTOR_LABELS[s.sector]}</span>
          </dd>
          <dt>{t('ui.case.detail.cites')}</dt>
          <dd data-testid="seizure-cites">
            <CitesAppendixText taxon={s.taxon} declared={s.citesAppendix} />
          </dd>
          <dt>{t('ui.case.detail.quantity')}</dt>
          <dd className="num">
            {formatQuantity(s.quantity, s.unit)}
            {converted && converted.unit !== s.unit ? <span className="muted"> {t('seizure.quantity.converted', { value: formatQuantity(converted.value, converted.unit), unit: '' }).trim()}</span> : null}
          </dd>
          <dt>{t('ui.case.detail.reported-value')}</dt>
          <dd className="num">{formatMoney(s.reportedValue, s.reportedCurrency)}</dd>
          <dt>{t('ui.case.detail.date')}</dt>
          <dd>
            {formatSeizureDate(s.seizureDate, s.datePrecision)} <span className="muted">({DATE_PRECISION_LABELS[s.datePrecision].toLowerCase()})</span>
          </dd>
          <dt>{t('ui.case.detail.place')}</dt>
          <dd>{s.place ? t('ui.case.detail.place-in', { place: s.place, country: countryWithCode(s.country) }) : countryWithCode(s.country)}</dd>
          <dt>{t('ui.case.detail.coordinates')}</dt>
          <dd>
            {s.latitude !== null && s.longitude !== null ? (
              <>
                <span className="num">{formatCoordinates(s.latitude, s.longitude)}</span> {s.locationPrecision ? <span className="muted">({LOCATION_PRECISION_LABELS[s.locationPrecision].toLowerCase()})</span> : null}
              </>
            ) : (
              <span className="muted">{t('ui.case.detail.not-mapped')}</span>
            )}
            {!props.readOnly ? (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setPicking(true)}>
                <Icon name="map" size={14} /> {t('ui.map.pick.open')}
              </button>
            ) : null}
          </dd>
          <dt>{t('ui.case.detail.origin')}</dt>
          <dd>{countries(s.originCountries)}</dd>
          <dt>{t('seizure.label.exportCountries')}</dt>
          <dd>{countries(s.exportCountries)}</dd>
          <dt>{t('ui.case.detail.transit')}</dt>
          <dd data-testid="transit-countries">
            {s.transitCountries.length
              ? s.transitCountries.map((c, i) => (
                  <span key={c}>
                    {i ? ', ' : ''}
                    {s.missedTransitCountries.includes(c) ? t('seizure.detail.missed', { countries: countryWithCode(c) }) : countryWithCode(c)}
                  </span>
                ))
              : '—'}
          </dd>
          <dt>{t('ui.case.detail.destination')}</dt>
          <dd>{countries(s.destinationCountries)}</dd>
          <dt>{t('seizure.label.transportMode')}</dt>
          <dd>{s.transportMode ? transportModeLabel(s.transportMode) : '—'}</dd>
          <dt>{t('seizure.label.detectionMethod')}</dt>
          <dd>{s.detectionMethod ? detectionMethodLabel(s.detectionMethod) : '—'}</dd>
          <dt>{t('seizure.label.concealmentMethod')}</dt>
          <dd>{s.concealmentMethod ? concealmentMethodLabel(s.concealmentMethod) : '—'}</dd>
          <dt>{t('ui.case.detail.agencies')}</dt>
          <dd>{s.seizingAgencies.length ? s.seizingAgencies.join('; ') : '—'}</dd>
        </dl>
        <LinkedEntities workspaceId={props.workspaceId} caseId={props.caseId} caseDoc={props.caseDoc} seizureId={s.id} version={props.linkVersion} />
        <div className="detail-section">
          <h3 className="detail-heading">{t('ui.case.detail.source')}</h3>
          {s.sourceTitle || s.sourceUrl ? (
            <>
              {s.sourceTitle ? <p className="source-title">{s.sourceTitle}</p> : null}
              {s.sourceUrl ? (
                <div className="url-box">
                  <span className="url-text" data-testid="source-url">
                    {s.sourceUrl}
                  </span>
                  <CopyButton text={s.sourceUrl} what={t('ui.case.detail.source-url')} />
                </div>
              ) : null}
              <p className="field-hint">{t('ui.case.detail.source-hint')}</p>
            </>
          ) : (
            <p className="muted">{t('ui.case.detail.no-source')}</p>
          )}
        </div>
        {s.notes ? (
          <div className="detail-section">
            <h3 className="detail-heading">{t('ui.case.detail.notes')}</h3>
            <p className="notes-text">{s.notes}</p>
          </div>
        ) : null}
        <p className="detail-stamp">{t('ui.case.detail.last-changed', { when: formatDateTime(s.updatedAt) })}</p>
      </div>
      {picking ? (
        <LocationPickDialog
          to={to}
          seizure={s}
          onClose={() => setPicking(false)}
          onSaved={(p) => toast(t('ui.map.pick.saved', { coordinates: formatCoordinates(p.latitude, p.longitude) }))}
        />
      ) : null}
      {history ? (
        <FieldHistoryDialog
          to={to}
          seizure={s}
          field={history}
          readOnly={props.readOnly}
          memberName={props.memberName}
          onClose={() => setHistory(null)}
          onRestored={(value) => {
            props.edits.wrote(s.id, history, value);
            props.edits.dismiss(s.id, history);
            toast(t('ui.case.history.restored-toast', { field: fieldName(history), value: formatAuditValue(history, value) }));
          }}
        />
      ) : null}
    </aside>
  );
}
