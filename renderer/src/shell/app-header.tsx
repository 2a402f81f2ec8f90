/**
 * The header bar: breadcrumbs on the left; the workspace search, the workspace's sync status
 * with the relay and the data-service connection state on the right.
 * A case crumb resolves its number from the case list projection.
 */
import type { ReactNode } from 'react';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { ConnectionIndicator } from './connection-indicator';
import { GlobalSearch } from './global-search';
import { SyncStatusPill } from '../sync/sync-status-pill';
import { t } from '../../../shared/messages';

/** One breadcrumb: a link, the current page, or a case (shown by its number). */
export interface Crumb {
  label: string;
  href?: string;
  caseId?: string;
}

/** The header. */
export function AppHeader(props: { crumbs: Crumb[]; workspaceId: string | null }): ReactNode {
  const { crumbs } = props;
  return (
    <header className="app-header">
      <nav className="breadcrumbs grow" aria-label={t('ui.shell.breadcrumb')}>
        <ol>
          {crumbs.map((c, i) => (
            <li key={i}>
              {c.caseId ? <CaseCrumb href={crumbs[0]?.href ?? ''} caseId={c.caseId} /> : c.href && i < crumbs.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
            </li>
          ))}
        </ol>
      </nav>
      {props.workspaceId ? <GlobalSearch workspaceId={props.workspaceId} /> : null}
      {props.workspaceId ? <SyncStatusPill workspaceId={props.workspaceId} /> : null}
      <ConnectionIndicator workspaceId={props.workspaceId} />
    </header>
  );
}

function CaseCrumb(props: { href: string; caseId: string }): ReactNode {
  const ws = /#\/w\/([^/]+)/.exec(props.href)?.[1] ?? '';
  const row = useLiveQuery('cases.get', ws ? { workspaceId: ws, caseId: props.caseId } : null, { refetchOn: [projectionChanged(ws, props.caseId)] });
  return <span aria-current="page">{row.data ? t('ui.shell.case-crumb', { number: row.data.number, title: row.data.title }) : t('ui.shell.case')}</span>;
}
