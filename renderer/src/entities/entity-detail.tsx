/**
 * One entity in full, beside the table: its fields, its links in and out (with delete), the
 * history of each field (from the audit log), and the other cases the member may see in which the
 * same identifier or name appears ("also in case …"), strong matches first. A linked seizure is
 * named from the projection (use-case-links.ts), wherever it is held.
 */
import { useState, type ReactNode } from 'react';
import type { CaseDoc, Entity, Link } from '../../../shared/docs/case-doc';
import { entityLabel } from '../../../shared/docs/case-entities';
import type { Writer } from '../../../shared/docs/records';
import type { SeizureRow } from '../../../shared/rpc/cases';
import { t } from '../../../shared/messages';
import { routeHref } from '../app/router';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { formatCount } from '../format/numbers';
import { Icon } from '../ui/icons';
import { EntityHistoryDialog } from './entity-history-dialog';
import { FORM_FIELDS, displayLabel, fieldLabel, draftOf } from './entity-form';
import { KIND_STYLE } from './entity-style';
import { kindLabel, relationshipLabel, schemeLabel } from './entity-labels';
import { entityFields } from '../../../shared/docs/case-entities';
import { formatSeizureDate } from '../format/dates';

/** Props of {@link EntityDetail}. */
export interface EntityDetailProps {
  workspaceId: string;
  caseId: string;
  entity: Entity;
  entities: Entity[];
  /** The linked seizures by id, from the projection (case doc and volume docs alike). */
  linkedSeizures: ReadonlyMap<string, SeizureRow>;
  /** True while the links' seizure ends are being looked up (links to volume seizures not listed yet). */
  linksPending: boolean;
  links: Link[];
  caseDoc: CaseDoc;
  writer: Writer;
  readOnly: boolean;
  memberName: (id: string) => string;
  onClose: () => void;
  onEdit: (() => void) | null;
  onDelete: (() => void) | null;
  onAddLink: (() => void) | null;
  onSelect: (id: string) => void;
}

/** The entity detail panel. */
export function EntityDetail(props: EntityDetailProps): ReactNode {
  const e = props.entity;
  const [history, setHistory] = useState<string | null>(null);
  const also = useLiveQuery('entities.alsoIn', { workspaceId: props.workspaceId, caseId: props.caseId, entityId: e.id }, { refetchOn: [projectionChanged(props.workspaceId)] });
  const draft = draftOf(e.kind, entityFields(e));
  const nameOf = (id: string): string => {
    const en = props.entities.find((x) => x.id === id);
    if (en) return entityLabel(en);
    const s = props.linkedSeizures.get(id);
    return s ? `${s.commodity} (${formatSeizureDate(s.seizureDate, s.datePrecision)})` : id;
  };
  const out = props.links.filter((l) => l.from === e.id);
  const into = props.links.filter((l) => l.to === e.id);
  const linkRow = (l: Link, other: string, dir: 'in' | 'out'): ReactNode => (
    <li key={l.id} className="entity-link" data-testid="entity-link">
      <span className="entity-link-rel">{dir === 'out' ? relationshipLabel(l.relationship) : `← ${relationshipLabel(l.relationship)}`}</span>{' '}
      {props.entities.some((x) => x.id === other) ? (
        <button type="button" className="btn-link" onClick={() => props.onSelect(other)}>
          {nameOf(other)}
        </button>
      ) : (
        <span>{nameOf(other)}</span>
      )}
      {l.startDate || l.endDate ? <span className="muted small"> · {l.startDate || '…'} – {l.endDate || '…'}</span> : null}
      {l.source ? <span className="muted small"> · {l.source}</span> : null}
      {!props.readOnly ? (
        <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={t('entity.link-delete')} title={t('entity.link-delete')} onClick={() => props.caseDoc.deleteLink(l.id, props.writer)}>
          <Icon name="x" size={12} />
        </button>
      ) : null}
    </li>
  );
  return (
    <aside className="card entity-detail" aria-labelledby="entity-detail-title">
      <div className="card-header">
        <span className="kind-dot" style={{ background: KIND_STYLE[e.kind].color }} aria-hidden="true" />
        <div className="grow">
          <h2 id="entity-detail-title">{entityLabel(e)}</h2>
          <p className="muted small">{kindLabel(e.kind)}</p>
        </div>
        {props.onEdit ? (
          <button type="button" className="btn btn-sm" onClick={props.onEdit}>
            <Icon name="edit" size={14} /> {t('ui.case.detail.edit')}
          </button>
        ) : null}
        {props.onDelete ? (
          <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={props.onDelete} aria-label={t('entity.delete')} title={t('entity.delete')}>
            <Icon name="trash" size={14} />
          </button>
        ) : null}
        <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={props.onClose} aria-label={t('entity.close')}>
          <Icon name="x" />
        </button>
      </div>
      <div className="card-body">
        {/* First: a match in another case is what an analyst must not miss below a long field list. */}
        <div className="detail-section" data-testid="also-in">
          <h3 className="detail-heading">{t('entity.also-in')}</h3>
          {also.data && also.data.length === 0 ? <p className="muted small">{t('entity.also-in-none')}</p> : null}
          <ul className="entity-links">
            {(also.data ?? []).map((m) => (
              <li key={`${m.otherCaseId}-${m.otherEntityId}-${m.scheme}`} className={`also-in also-in-${m.strength}`}>
                <span className={`badge ${m.strength === 'strong' ? 'badge-strong' : 'badge-weak'}`}>{m.strength === 'strong' ? t('shared-ids.strong') : t('shared-ids.weak')}</span>{' '}
                <a href={routeHref({ name: 'case', ws: props.workspaceId, caseId: m.otherCaseId, tab: 'entities' })}>
                  {t('entity.also-in-case', { number: m.otherCaseNumber, title: m.otherCaseTitle, label: m.otherLabel, scheme: schemeLabel(m.scheme), value: m.value })}
                </a>
              </li>
            ))}
          </ul>
        </div>
        <dl className="details">
          {FORM_FIELDS[e.kind]
            .filter((f) => f.field !== 'notes' || draft.notes)
            .map((f) => (
              <div key={f.field} className="details-row">
                <dt>{displayLabel(f.field)}</dt>
                <dd>
                  <span className={f.field === 'imo' || f.field === 'iban' || f.field === 'mmsi' ? 'mono' : undefined}>{draft[f.field] || '—'}</span>
                  {f.field !== 'passport' && f.field !== 'passportCountry' ? (
                    <button type="button" className="btn btn-ghost btn-icon btn-xs" aria-label={`${t('entity.history')}: ${fieldLabel(f.field)}`} title={t('entity.history')} onClick={() => setHistory(f.field)}>
                      <Icon name="book" size={12} />
                    </button>
                  ) : null}
                </dd>
              </div>
            ))}
        </dl>
        <div className="detail-section">
          <h3 className="detail-heading">
            {t('entity.links-title')} <span className="tab-count">{formatCount(out.length + into.length)}</span>
          </h3>
          {props.linksPending ? <p className="muted small" data-testid="links-looking-up">{t('entity.links-looking-up')}</p> : out.length + into.length === 0 ? <p className="muted small">{t('entity.no-links')}</p> : null}
          <ul className="entity-links">
            {out.map((l) => linkRow(l, l.to, 'out'))}
            {into.map((l) => linkRow(l, l.from, 'in'))}
          </ul>
          {props.onAddLink ? (
            <button type="button" className="btn btn-sm" onClick={props.onAddLink}>
              <Icon name="link" size={14} /> {t('entity.add-link')}
            </button>
          ) : null}
        </div>
      </div>
      {history ? (
        <EntityHistoryDialog caseDoc={props.caseDoc} entity={e} field={history} label={fieldLabel(history)} memberName={props.memberName} onClose={() => setHistory(null)} />
      ) : null}
    </aside>
  );
}
