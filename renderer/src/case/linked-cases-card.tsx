/**
 * The overview's "Linked cases" card (issue 12 item 7): the other cases this case relates to, each
 * with how (same network, same shipment, …) and why, linked to the case when this member may open
 * it, else named as a case they cannot open (the permission model decides; only the case list the
 * member is given names cases). Add links a case of the workspace with a relation and a reason;
 * Remove marks the link deleted (kept in the case's history). Writes go through
 * CaseLinkedCases (validated, attributed, one transaction). Below them, the links other cases made
 * to this one (linked-from-list.tsx).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseLinkedCases } from '../../../shared/docs/case-linked-cases';
import type { Writer } from '../../../shared/docs/records';
import { CASE_RELATIONS, type CaseLink, type CaseRelation } from '../../../shared/domain/case-link';
import { t } from '../../../shared/messages';
import { routeHref } from '../app/router';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { Icon } from '../ui/icons';
import { formatDateTime } from '../format/dates';
import { LinkedFromList, useLinkedFrom } from './linked-from-list';
import { relationLabel } from './case-selects';

/** Props of {@link LinkedCasesCard}. */
export interface LinkedCasesCardProps {
  caseDoc: CaseDoc;
  caseId: string;
  workspaceId: string;
  writer: Writer;
  readOnly: boolean;
}

/** The linked-cases card. */
export function LinkedCasesCard(props: LinkedCasesCardProps): ReactNode {
  const links = useMemo(() => new CaseLinkedCases(props.caseDoc.doc), [props.caseDoc]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const map = props.caseDoc.doc.getMap('caseLinks');
    const bump = (): void => setVersion((v) => v + 1);
    map.observeDeep(bump);
    return () => map.unobserveDeep(bump);
  }, [props.caseDoc]);
  // `version` marks a change of the links map (observed above).
  const list = useMemo(() => (version >= 0 ? links.list() : []), [links, version]);
  const cases = useLiveQuery('cases.list', { workspaceId: props.workspaceId }, { refetchOn: [projectionChanged(props.workspaceId)] });
  const byId = new Map((cases.data ?? []).map((k) => [k.id, k]));
  const linkedFrom = useLinkedFrom(props.workspaceId, props.caseId);
  const linkedFromLive = linkedFrom.some((l) => !l.removed);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<CaseLink | null>(null);
  return (
    <section className="card" aria-labelledby="linked-cases-title" data-testid="linked-cases">
      <div className="card-header">
        <h2 id="linked-cases-title">{t('ui.case.links.title')}</h2>
        <span className="muted small">{t('ui.case.links.count', { count: list.length })}</span>
        <span className="grow" />
        {props.readOnly ? null : (
          <button type="button" className="btn btn-sm" onClick={() => setAdding(true)}>
            <Icon name="plus" />
            {t('ui.case.links.add')}
          </button>
        )}
      </div>
      <div className="card-body">
        {list.length === 0 ? (
          // "Not linked" would contradict the links from other cases listed just below.
          <p className="muted">{linkedFromLive ? t('ui.case.links.none-own') : t('ui.case.links.none')}</p>
        ) : (
          <ul className="linked-cases">
            {list.map((l) => {
              const other = byId.get(l.caseId);
              return (
                <li key={l.id} data-linked-case={l.caseId}>
                  <div className="linked-case-head">
                    {other ? (
                      <a href={routeHref({ name: 'case', ws: props.workspaceId, caseId: other.id, tab: 'overview' })}>{t('ui.case.links.case-label', { number: other.number, title: other.title })}</a>
                    ) : (
                      <span className="muted">{t('ui.case.links.hidden-case')}</span>
                    )}
                    <span className="badge">{relationLabel(l.relation)}</span>
                    <span className="grow" />
                    {props.readOnly ? null : (
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => setRemoving(l)} aria-label={t('ui.case.links.remove-named', { reason: l.reason })}>
                        {t('ui.case.links.remove')}
                      </button>
                    )}
                  </div>
                  <p className="linked-case-reason">{l.reason}</p>
                  <p className="muted small">{t('ui.case.links.added', { when: formatDateTime(l.createdAt) })}</p>
                </li>
              );
            })}
          </ul>
        )}
        <LinkedFromList workspaceId={props.workspaceId} links={linkedFrom} />
      </div>
      {adding ? <AddLinkDialog {...props} links={links} cases={(cases.data ?? []).filter((k) => k.id !== props.caseId && !list.some((l) => l.caseId === k.id))} onClose={() => setAdding(false)} /> : null}
      {removing ? (
        <ConfirmDialog
          title={t('ui.case.links.remove-title')}
          confirmLabel={t('ui.case.links.remove')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            links.delete(removing.id, props.writer);
            setRemoving(null);
          }}
        >
          <p>{t('ui.case.links.remove-text')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function AddLinkDialog(props: LinkedCasesCardProps & { links: CaseLinkedCases; cases: { id: string; number: string; title: string }[]; onClose: () => void }): ReactNode {
  const [target, setTarget] = useState('');
  const [relation, setRelation] = useState<CaseRelation>('same-network');
  const [reason, setReason] = useState('');
  const chosen = target || props.cases[0]?.id || '';
  return (
    <FormDialog
      title={t('ui.case.links.add-title')}
      description={t('ui.case.links.add-text')}
      submitLabel={t('ui.case.links.add-submit')}
      submitDisabled={!chosen || reason.trim() === ''}
      onClose={props.onClose}
      onSubmit={() => {
        props.links.add(crypto.randomUUID(), props.caseId, { caseId: chosen, relation, reason: reason.trim() }, props.writer);
        props.onClose();
      }}
    >
      {props.cases.length ? (
        <>
          <Field label={t('ui.case.links.field-case')}>
            {(c) => (
              <select {...c} className="select" value={chosen} onChange={(e) => setTarget(e.target.value)}>
                {props.cases.map((k) => (
                  <option key={k.id} value={k.id}>
                    {t('ui.case.links.case-label', { number: k.number, title: k.title })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('ui.case.links.field-relation')}>
            {(c) => (
              <select {...c} className="select" value={relation} onChange={(e) => setRelation(e.target.value as CaseRelation)}>
                {CASE_RELATIONS.map((r) => (
                  <option key={r} value={r}>
                    {relationLabel(r)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('ui.case.links.field-reason')} hint={t('ui.case.links.reason-hint')}>
            {(c) => <textarea {...c} className="input" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </>
      ) : (
        <p className="muted">{t('ui.case.links.no-other-cases')}</p>
      )}
    </FormDialog>
  );
}
