/**
 * The frame around a workspace's screens: sidebar, header with breadcrumbs and connection
 * status, and the routed content (case list, case, map, about the data, commodities, relay & members), inside an
 * error boundary so that a screen that fails to draw leaves the frame usable.
 */
import { SharedIdentifiersScreen } from '../entities/shared-identifiers-screen';
import type { ReactNode } from 'react';
import type { Route } from '../app/router';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { ErrorPanel, Loading, EmptyState } from '../ui/states';
import { Sidebar } from './sidebar';
import { AppHeader, type Crumb } from './app-header';
import { CaseListScreen } from '../cases/case-list-screen';
import { CaseScreen } from '../case/case-screen';
import { WorkspaceMapScreen } from '../map/workspace-map-screen';
import { SourcesScreen } from './sources-screen';
import { RelayScreen } from '../sync/relay-screen';
import { HeldDeletionsScreen } from '../history/held-deletions-screen';
import { EstimatesScreen } from '../valuation/estimates-screen';
import { PriceReferencesScreen } from '../valuation/price-references-screen';
import { ExchangeRatesScreen } from '../valuation/exchange-rates-screen';
import { CommoditiesScreen } from '../commodities/commodities-screen';
import { WorkspaceIdentity } from '../app/services';
import { ErrorBoundary } from '../ui/error-boundary';
import { t } from '../../../shared/messages';

type WorkspaceRoute = Exclude<Route, { name: 'home' }>;

/** A workspace's frame and current screen. */
export function WorkspaceShell(props: { route: WorkspaceRoute }): ReactNode {
  const { route } = props;
  const list = useLiveQuery('workspaces.list', {}, { refetchOn: ['workspaces.changed', projectionChanged(route.ws)] });
  const ws = list.data?.find((w) => w.id === route.ws);

  let content: ReactNode;
  if (list.error && !list.data) content = <div className="page"><ErrorPanel error={list.error} onRetry={list.reload} /></div>;
  else if (!list.data) content = <Loading full>{t('ui.shell.opening-workspace')}</Loading>;
  else if (!ws)
    content = (
      <EmptyState icon="folder" title={t('ui.shell.workspace-missing')} actions={<a className="btn btn-primary" href="#/">{t('ui.shell.choose-workspace')}</a>}>
        {t('ui.shell.workspace-missing-text')}
      </EmptyState>
    );
  else if (ws.problem) content = <div className="page"><ErrorPanel error={new Error(ws.problem)} title={t('ui.shell.workspace-broken')} /></div>;
  else
    content = (
      // A fault in one screen leaves the sidebar and header usable; going to another route clears it.
      <ErrorBoundary title={t('ui.shell.screen-fault')} resetKey={screenKey(route)} className="page-fault">
        <Screen route={route} ws={ws} />
      </ErrorBoundary>
    );

  return (
    <WorkspaceIdentity memberId={ws && !ws.problem ? ws.memberId : ''}>
      <div className="app-frame">
        <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
          {t('ui.shell.skip-to-content')}
        </a>
        <Sidebar ws={ws ?? null} route={route} />
        <div className="main-column">
          <AppHeader crumbs={ws ? crumbsFor(route, ws) : []} workspaceId={ws && !ws.problem ? ws.id : null} />
          <main className="main-scroll" id="main" tabIndex={-1}>
            {content}
          </main>
        </div>
      </div>
    </WorkspaceIdentity>
  );
}

function Screen(props: { route: WorkspaceRoute; ws: WorkspaceSummary }): ReactNode {
  const { route, ws } = props;
  switch (route.name) {
    case 'cases':
      return <CaseListScreen ws={ws} />;
    case 'case':
      return <CaseScreen ws={ws} caseId={route.caseId} tab={route.tab} seizureId={route.seizureId ?? null} />;
    case 'map':
      return <WorkspaceMapScreen ws={ws} />;
    case 'sources':
      return <SourcesScreen />;
    case 'shared-ids':
      return <SharedIdentifiersScreen ws={ws} />;
    case 'relay':
      return <RelayScreen ws={ws} />;
    case 'held-deletions':
      return <HeldDeletionsScreen ws={ws} />;
    case 'commodities':
      return <CommoditiesScreen ws={ws} />;
    case 'estimates':
      return <EstimatesScreen ws={ws} />;
    case 'prices':
      return <PriceReferencesScreen ws={ws} />;
    case 'rates':
      return <ExchangeRatesScreen ws={ws} />;
  }
}

/** Identifies a routed screen (not the case tab or the selected seizure: those have their own boundaries). */
function screenKey(route: WorkspaceRoute): string {
  return route.name === 'case' ? `case/${route.ws}/${route.caseId}` : `${route.name}/${route.ws}`;
}

function crumbsFor(route: WorkspaceRoute, ws: WorkspaceSummary): Crumb[] {
  const root: Crumb = { label: ws.name, href: `#/w/${ws.id}` };
  switch (route.name) {
    case 'cases':
      return [root, { label: t('ui.shell.cases') }];
    case 'map':
      return [root, { label: t('ui.shell.seizure-map') }];
    case 'sources':
      return [root, { label: t('ui.shell.about-data') }];
    case 'shared-ids':
      return [root, { label: t('shared-ids.title') }];
    case 'relay':
      return [root, { label: t('ui.shell.relay-members') }];
    case 'held-deletions':
      return [root, { label: t('ui.held.heading') }];
    case 'commodities':
      return [root, { label: t('ui.commodities.heading') }];
    case 'estimates':
      return [root, { label: t('ui.shell.estimates') }];
    case 'prices':
      return [root, { label: t('ui.shell.price-references') }];
    case 'rates':
      return [root, { label: t('ui.shell.exchange-rates') }];
    case 'case':
      return [root, { label: t('ui.shell.cases'), href: `#/w/${ws.id}` }, { label: 'case', caseId: route.caseId }];
  }
}
