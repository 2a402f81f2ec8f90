/**
 * The case list of a workspace: search (full text over cases, their seizures and entities),
 * filters by status, sector, severity, TLP, assignee, tag and lead agency (kept for the session:
 * case-list-state.ts), a sortable table, and "New case". Refreshed whenever the workspace's
 * projections change (edits in any window, imports, sync). A workspace still receiving its cases
 * from the relay says so instead of "No cases yet".
 */
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import { useCan } from '../members/use-can';
import { navigate } from '../app/router';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { useMembers } from '../hooks/use-members';
import { useDocumentTitle } from '../hooks/use-document-title';
import { Icon } from '../ui/icons';
import { EmptyState, ErrorPanel, Loading } from '../ui/states';
import { CaseFilters } from './case-filters';
import { CaseTable } from './case-table';
import { NewCaseDialog } from './new-case-dialog';
import { StixImportDialog } from '../packs/stix-import-dialog';
import { useToast } from '../ui/toast';
import { WhileReceivingCases } from '../sync/receiving-cases';
import { isServerSort, nextSort, sortLocally, SORT_KEYS } from './case-sort';
import { isFiltered, listParams, NO_FILTERS, useCaseListState } from './case-list-state';
import { useMemberNames } from '../case/case-selects';
import { t } from '../../../shared/messages';
import { TemplatesDialog } from '../templates/templates-dialog';
import { useIdentity } from '../app/services';

/** The case list screen. */
export function CaseListScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  const [state, setState] = useCaseListState(ws.id, SORT_KEYS);
  const { sort } = state;
  const filters = useDeferredValue(state.filters);
  const [creating, setCreating] = useState(false);
  const [managing, setManaging] = useState(false);
  const [importingStix, setImportingStix] = useState(false);
  const toast = useToast();
  const identity = useIdentity();
  const mayEditTemplates = useCan(ws)('workspace.settings');
  const members = useMembers(ws.id);
  const memberNames = useMemberNames(ws.id);
  const mayWrite = useCan(ws)('case.create');
  useDocumentTitle(t('ui.cases.page-title', { workspace: ws.name }));

  const list = useLiveQuery(
    'cases.list',
    {
      workspaceId: ws.id,
      ...listParams(filters),
      sortBy: isServerSort(sort.key) ? sort.key : 'number',
      sortDir: isServerSort(sort.key) ? sort.dir : 'desc',
    },
    { refetchOn: [projectionChanged(ws.id)], keepPrevious: true },
  );
  const rows = list.data ? sortLocally(list.data, sort) : [];
  const filtered = isFiltered(filters);
  const query = filters.text.trim();
  const clear = (): void => setState({ ...state, filters: NO_FILTERS });
  // Agencies for the filter's suggestions: those of the rows seen, kept while filters narrow the list.
  const [agencySeen] = useState(() => new Set<string>());
  const agencies = useMemo(() => {
    for (const r of list.data ?? []) if (r.leadAgency) agencySeen.add(r.leadAgency);
    return [...agencySeen].sort();
  }, [list.data, agencySeen]);

  return (
    <div className="page page-wide">
      <div className="page-header">
        <div className="page-header-text">
          <h1>{t('ui.cases.heading')}</h1>
          <p className="page-subtitle">
            {list.data ? t('ui.cases.count', { count: ws.caseCount }) : t('ui.cases.subtitle')}
          </p>
        </div>
        <div className="page-actions">
          {mayEditTemplates ? (
            <button type="button" className="btn" onClick={() => setManaging(true)}>
              <Icon name="file" /> {t('ui.templates.manage')}
            </button>
          ) : null}
          {mayWrite ? (
            <button type="button" className="btn" onClick={() => setImportingStix(true)}>
              <Icon name="upload" /> {t('ui.stix.import.open')}
            </button>
          ) : null}
          {mayWrite ? (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              <Icon name="plus" /> {t('ui.cases.new-case')}
            </button>
          ) : null}
        </div>
      </div>

      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}

      {list.data && list.data.length === 0 && !filtered ? (
        <div className="card">
          <WhileReceivingCases workspaceId={ws.id}>
          <EmptyState
            icon="briefcase"
            title={t('ui.cases.no-cases')}
            actions={
              mayWrite ? (
                <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                  <Icon name="plus" /> {t('ui.cases.create-first')}
                </button>
              ) : null
            }
          >
            {t('ui.cases.no-cases-text')}
          </EmptyState>
          </WhileReceivingCases>
        </div>
      ) : (
        <div className="table-card">
          <CaseFilters filters={state.filters} onChange={(f) => setState({ ...state, filters: f })} members={memberNames} agencies={agencies} count={list.data ? rows.length : null} loading={list.loading} />
          {!list.data && list.loading ? <Loading>{t('ui.cases.loading')}</Loading> : null}
          {list.data && rows.length === 0 ? (
            <EmptyState icon="search" title={t('ui.cases.no-match')} actions={<button type="button" className="btn" onClick={clear}>{t('ui.cases.clear-filters')}</button>}>
              {t('ui.cases.no-match-text', { hasQuery: query ? 'yes' : 'no', query })}
            </EmptyState>
          ) : null}
          {rows.length ? <CaseTable rows={rows} sort={sort} onSort={(k) => setState({ ...state, sort: nextSort(sort, k) })} members={members} onOpen={(id) => navigate({ name: 'case', ws: ws.id, caseId: id, tab: 'overview' })} /> : null}
        </div>
      )}

      {managing ? <TemplatesDialog workspaceId={ws.id} writer={{ memberId: identity.memberId }} onClose={() => setManaging(false)} /> : null}
      {importingStix ? (
        <StixImportDialog
          workspaceId={ws.id}
          onClose={() => setImportingStix(false)}
          onImported={(r) => {
            setImportingStix(false);
            toast(t('ui.stix.import.done', { number: r.number, seizures: r.seizures, entities: r.entities, links: r.links, rejected: r.rejected.length }));
            navigate({ name: 'case', ws: ws.id, caseId: r.caseId, tab: 'overview' });
          }}
        />
      ) : null}
      {creating ? <NewCaseDialog ws={ws} onClose={() => setCreating(false)} onCreated={(c) => navigate({ name: 'case', ws: ws.id, caseId: c.id, tab: 'seizures' })} /> : null}
    </div>
  );
}
