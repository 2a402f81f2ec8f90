/**
 * The workspace view "Shared identifiers" (issue 12 item 4): every identifier or name found in two
 * or more cases the member may read, strong matches (IMO, IBAN, passport, phone…) first, with the
 * cases and the entities they appear as. Says that a match on a name alone is weaker than one on
 * an identifier. Answered by `entities.sharedIdentifiers` from the identifier index.
 */
import type { ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { SharedIdentifier } from '../../../shared/rpc/entities';
import { t } from '../../../shared/messages';
import { routeHref } from '../app/router';
import { useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { DataTable, type Column } from '../ui/data-table';
import { ErrorPanel, Loading, Notice } from '../ui/states';
import { kindLabel, schemeLabel } from './entity-labels';
import './entities.css';

/** The Shared identifiers screen. */
export function SharedIdentifiersScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  useDocumentTitle(t('shared-ids.title'));
  const q = useLiveQuery('entities.sharedIdentifiers', { workspaceId: ws.id });
  const columns: Column<SharedIdentifier>[] = [
    {
      id: 'strength',
      header: t('shared-ids.col-strength'),
      className: 'col-nowrap',
      cell: (r) => <span className={`badge ${r.strength === 'strong' ? 'badge-strong' : 'badge-weak'}`}>{r.strength === 'strong' ? t('shared-ids.strong') : t('shared-ids.weak')}</span>,
    },
    {
      id: 'identifier',
      header: t('shared-ids.col-identifier'),
      cell: (r) => (
        <span>
          <span className="muted small">{schemeLabel(r.scheme)}</span> <span className="shared-ids-values">{r.value}</span>
        </span>
      ),
    },
    {
      id: 'cases',
      header: t('shared-ids.col-cases'),
      cell: (r) => (
        <ul className="entity-links">
          {r.cases.map((c) => (
            <li key={c.caseId}>
              <a href={routeHref({ name: 'case', ws: ws.id, caseId: c.caseId, tab: 'entities' })}>
                {c.number} · {c.title}
              </a>
              <span className="muted small"> — {c.entities.map((e) => `${e.label} (${kindLabel(e.kind)})`).join(', ')}</span>
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <div className="page page-wide" data-testid="shared-identifiers">
      <div className="page-header">
        <div className="page-header-text">
          <h1>{t('shared-ids.title')}</h1>
        </div>
      </div>
      <Notice kind="info" icon="info">
        {t('shared-ids.intro')}
      </Notice>
      {q.error && !q.data ? <ErrorPanel error={q.error} onRetry={q.reload} /> : null}
      {!q.data && !q.error ? <Loading /> : null}
      {q.data ? (
        <div className="table-card shared-ids-table">
          <DataTable label={t('shared-ids.title')} columns={columns} rows={q.data} rowKey={(r) => `${r.scheme}:${r.value}`} empty={t('shared-ids.empty')} />
        </div>
      ) : null}
    </div>
  );
}
