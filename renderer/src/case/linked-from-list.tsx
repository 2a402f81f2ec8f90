/**
 * "Linked from other cases" in the overview's Linked cases card (issue 12 item 7, seen from the
 * linked case): the links other cases made to this one, with how, why, who linked it and when,
 * from the `case_links` projection (`cases.linkedFrom`, queried by the card: {@link useLinkedFrom}).
 * The data service leaves out links from cases the member may not read (the permission model
 * decides). It refreshes when a projection changes, so a link added or removed in the other case
 * shows here; removed links stay listed under "removed links" with who removed them when.
 */
import type { ReactNode } from 'react';
import type { LinkedFrom } from '../../../shared/rpc/cases';
import { t } from '../../../shared/messages';
import { routeHref } from '../app/router';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { useMembers } from '../hooks/use-members';
import { formatDateTime } from '../format/dates';
import { relationLabel } from './case-selects';

/** The links other cases made to case `caseId` (removed ones included), live; empty while loading. */
export function useLinkedFrom(workspaceId: string, caseId: string): LinkedFrom[] {
  const q = useLiveQuery('cases.linkedFrom', { workspaceId, caseId }, { refetchOn: [projectionChanged(workspaceId)] });
  return q.data ?? [];
}

/** Props of {@link LinkedFromList}. */
export interface LinkedFromListProps {
  workspaceId: string;
  /** The links made to this case, from {@link useLinkedFrom}. */
  links: readonly LinkedFrom[];
}

/** The links made to this case from other cases. */
export function LinkedFromList(props: LinkedFromListProps): ReactNode {
  const members = useMembers(props.workspaceId);
  const name = (id: string | null): string => (id ? members.get(id)?.name : undefined) ?? t('ui.case.activity.someone');
  const all = props.links;
  const live = all.filter((l) => !l.removed);
  const removed = all.filter((l) => l.removed);
  const item = (l: LinkedFrom): ReactNode => (
    <li key={l.linkId} data-linked-from={l.fromCaseId} className={l.removed ? 'linked-from-removed' : undefined}>
      <div className="linked-case-head">
        <a href={routeHref({ name: 'case', ws: props.workspaceId, caseId: l.fromCaseId, tab: 'overview' })}>{t('ui.case.links.case-label', { number: l.fromNumber, title: l.fromTitle })}</a>
        <span className="badge">{relationLabel(l.relation)}</span>
      </div>
      <p className="linked-case-reason">{l.reason}</p>
      <p className="muted small">
        {l.removed
          ? t('ui.case.links.from-removed-by', { name: name(l.createdBy), when: formatDateTime(l.createdAt), remover: name(l.removedBy), removedWhen: formatDateTime(l.removedAt ?? 0) })
          : t('ui.case.links.from-by', { name: name(l.createdBy), when: formatDateTime(l.createdAt) })}
      </p>
    </li>
  );
  return (
    <div className="linked-from" data-testid="linked-from">
      <h3 className="linked-from-title">{t('ui.case.links.from-title')}</h3>
      {live.length ? <ul className="linked-cases">{live.map(item)}</ul> : <p className="muted small">{t('ui.case.links.from-none')}</p>}
      {removed.length ? (
        <details className="linked-from-history">
          <summary className="muted small">{t('ui.case.links.from-removed', { count: removed.length })}</summary>
          <ul className="linked-cases">{removed.map(item)}</ul>
        </details>
      ) : null}
    </div>
  );
}
