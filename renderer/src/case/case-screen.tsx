/**
 * A case: header (number, title, TLP, status, who else is here, actions) and its tabs —
 * overview (editable fields and summary), notes (renderer/src/notes/), seizures (table with
 * add/edit/delete, detail), tasks, timeline, map and valuation (renderer/src/valuation/).
 * Everything shown comes from the case's doc replica, so edits from other windows appear live;
 * except what must scale to a case of any size (issue 11 item 4): the seizure table
 * (`seizures.page`), the tabs' seizure counts (`cases.get`) and the map points
 * (`seizures.mapPoints`) come from the projection — which also holds the seizures of volume docs
 * the renderer never loads — and refresh when it changes; the overview's key figures too
 * (`cases.stats`); and the seizures the timeline, entities, link chart and exhibits tabs show
 * (per timeline period, and looked up by id: use-timeline-seizures.ts, use-case-links.ts,
 * use-seizure-lookup.ts). The replica's seizures remain for the pickers and editors only.
 * The header, each tab and each dialog sit in their own error boundary: a part that fails to draw
 * (e.g. on data a buggy peer wrote) shows an error panel and leaves the rest of the case usable.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import { canIn } from '../members/use-can';
import type { Seizure } from '../../../shared/domain/seizure';
import { replaceRoute, routeHref, type CaseTab } from '../app/router';
import { useIdentity } from '../app/services';
import { useCaseDoc } from '../hooks/use-case-doc';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { EmptyState, ErrorPanel, Loading } from '../ui/states';
import { CaseHeader } from './case-header';
import { CaseTabs } from './case-tabs';
import { CaseOverview } from './case-overview';
import { SeizurePanel } from './seizure-panel';
import { SeizureFormDialog } from './seizure-form-dialog';
import { useCommodityCatalogue } from '../commodities/use-workspace-commodities';
import { ImportDialog } from '../import/import-dialog';
import { CaseMapPanel } from '../map/case-map-panel';
import { REMOTE_MAP_FROM } from '../map/remote-clusters';
import { ValuationTab } from '../valuation/valuation-tab';
import type { Writer } from '../../../shared/docs/records';
import { ErrorBoundary } from '../ui/error-boundary';
import { HistorySection } from '../history/history-section';
import { ApplyTemplateDialog } from '../templates/apply-template-dialog';
import { t } from '../../../shared/messages';
import { NotesEditor } from '../notes/notes-editor';
import { TasksTab } from '../tasks/tasks-tab';
import { TimelineTab } from '../timeline/timeline-tab';
import './case-file.css';
import { EntityPanel } from '../entities/entity-panel';
import { LinkChart } from '../link-chart/link-chart';
import { ExhibitsPanel } from '../exhibits/exhibits-panel';
import { useCaseLinks } from '../entities/use-case-links';

/** Title of the panel shown in place of a part of the case that could not be drawn. */
const CASE_FAULT = (): string => t('ui.case.fault');

/** What the seizure form is doing: adding, or editing one seizure. */
type FormState = { mode: 'add' } | { mode: 'edit'; seizure: Seizure } | null;

/** The case screen. */
export function CaseScreen(props: { ws: WorkspaceSummary; caseId: string; tab: CaseTab; seizureId: string | null }): ReactNode {
  const { ws, caseId, tab } = props;
  const identity = useIdentity();
  const replica = useCaseDoc(ws.id, caseId);
  const [form, setForm] = useState<FormState>(null);
  const [importing, setImporting] = useState(false);
  const [applying, setApplying] = useState(false);
  const [selected, setSelected] = useState<string | null>(props.seizureId);
  // A link to one seizure (search, map popup) opens its detail.
  useEffect(() => {
    setSelected(props.seizureId);
  }, [props.seizureId]);
  // The case's counts over the case doc and its volume docs, from the projection.
  const summary = useLiveQuery('cases.get', { workspaceId: ws.id, caseId }, { refetchOn: [projectionChanged(ws.id, caseId)], keepPrevious: true });
  const counts = summary.data?.id === caseId ? summary.data : null;
  // A large case's map is clustered by the data service (remote-clusters.tsx); null until the counts are known.
  const remoteMap = counts ? counts.mappedCount >= REMOTE_MAP_FROM : null;
  // Map points only while a small case's map is shown: each edit refreshes them.
  const points = useLiveQuery('seizures.mapPoints', tab === 'map' && remoteMap === false ? { workspaceId: ws.id, caseId } : null, { refetchOn: [projectionChanged(ws.id, caseId)] });

  const versions = replica?.versions;
  const caseDoc = replica?.caseDoc ?? null;
  // An edited seizure not on the replica lives in a volume doc: read live from the service.
  const editedId = form?.mode === 'edit' ? form.seizure.id : null;
  const editedInVolume = useLiveQuery('seizures.get', editedId && caseDoc && caseDoc.getSeizureEvenDeleted(editedId) === null ? { workspaceId: ws.id, caseId, seizureId: editedId } : null, { refetchOn: [projectionChanged(ws.id, caseId)] });
  const meta = useMemo(() => caseDoc?.readMeta() ?? null, [caseDoc, versions?.meta]);
  const seizures = useMemo(() => caseDoc?.listSeizures() ?? [], [caseDoc, versions?.seizures]);
  const routes = useMemo(() => caseDoc?.listRoutes() ?? [], [caseDoc, versions?.routes]);
  // Entity and link writes also stamp the meta, so the meta version tells when to re-read them.
  const entities = useMemo(() => caseDoc?.listEntities() ?? [], [caseDoc, versions?.meta]);
  // Links with their seizure ends looked up in the projection (a linked seizure may be in a volume doc), on the tabs that show them.
  const linkVersion = `${versions?.meta ?? 0}:${versions?.seizures ?? 0}`;
  const caseLinks = useCaseLinks(ws.id, caseId, caseDoc, linkVersion, tab === 'entities' || tab === 'chart');
  const links = caseLinks.links;
  const writer: Writer = useMemo(() => ({ memberId: identity.memberId }), [identity.memberId]);
  const commodities = useCommodityCatalogue(ws.id);
  useDocumentTitle(meta && caseDoc?.isInitialised() ? `${meta.number} · ${meta.title}` : 'Case');

  if (replica?.status?.state === 'waiting') return <CaseWaiting ws={ws} />;
  if (!replica || !caseDoc || !meta) return <Loading full>{t('ui.case.opening')}</Loading>;
  if (replica.status?.state === 'refused' || replica.status?.state === 'error') {
    return (
      <div className="page">
        <ErrorPanel error={new Error(replica.status.message ?? t('ui.case.open-failed-text'))} title={replica.status.state === 'refused' ? t('ui.case.no-access') : t('ui.case.open-failed')} />
      </div>
    );
  }
  if (!replica.synced && !caseDoc.isInitialised()) return <Loading full>{t('ui.case.opening')}</Loading>;

  const readOnly = replica.status?.state === 'read-only' || !canIn(ws, 'case.edit');
  // The seizure being edited as it is now (colleagues may change it while the dialog is open):
  // the replica's, or one held in a volume doc as the service reads it (null once deleted there).
  const editedLive = form?.mode !== 'edit' ? null : caseDoc.getSeizureEvenDeleted(form.seizure.id) !== null ? (seizures.find((s) => s.id === form.seizure.id) ?? null) : editedInVolume.data === null ? null : editedInVolume.data?.id === form.seizure.id ? editedInVolume.data : form.seizure;

  return (
    <div className="page page-wide case-page">
      <ErrorBoundary title={CASE_FAULT()}>
        <CaseHeader
          meta={meta}
          replica={replica.replica}
          readOnly={readOnly}
          onAddSeizure={() => setForm({ mode: 'add' })}
          onImport={() => setImporting(true)}
          onApplyTemplate={() => setApplying(true)}
          workspaceId={ws.id}
        />
      </ErrorBoundary>
      <CaseTabs ws={ws.id} caseId={caseId} tab={tab} seizureCount={counts?.seizureCount ?? null} mappedCount={counts?.mappedCount ?? null} />
      <div role="tabpanel" id={`case-panel-${tab}`} aria-labelledby={`case-tab-${tab}`}>
        <ErrorBoundary title={CASE_FAULT()} resetKey={tab}>
        {tab === 'overview' ? <CaseOverview caseDoc={caseDoc} meta={meta} writer={writer} readOnly={readOnly} summaryVersion={replica.versions.summary} activityVersion={replica.versions.meta + replica.versions.routes} workspaceId={ws.id} /> : null}
        {tab === 'seizures' ? (
          <SeizurePanel
            caseDoc={caseDoc}
            seizures={seizures}
            seizureCount={counts?.seizureCount ?? null}
            writer={writer}
            readOnly={readOnly}
            selected={selected}
            onSelect={(id) => {
              setSelected(id);
              replaceRoute({ name: 'case', ws: ws.id, caseId, tab: 'seizures', ...(id ? { seizureId: id } : {}) });
            }}
            onAdd={() => setForm({ mode: 'add' })}
            onEdit={(s) => setForm({ mode: 'edit', seizure: s })}
            onImport={() => setImporting(true)}
            workspaceId={ws.id}
            linkVersion={linkVersion}
          />
        ) : null}
        {tab === 'notes' ? <NotesEditor replica={replica.replica} writer={writer} readOnly={readOnly} workspaceId={ws.id} caseId={caseId} /> : null}
        {tab === 'tasks' ? <TasksTab replica={replica.replica} writer={writer} readOnly={readOnly} workspaceId={ws.id} version={replica.versions.meta} /> : null}
        {tab === 'timeline' ? <TimelineTab workspaceId={ws.id} caseId={caseId} replica={replica.replica} writer={writer} readOnly={readOnly} version={replica.versions.meta} /> : null}
        {tab === 'entities' ? <EntityPanel workspaceId={ws.id} caseId={caseId} caseNumber={meta.number} caseDoc={caseDoc} entities={entities} links={links} linkedSeizures={caseLinks.seizures} linksPending={caseLinks.pending} seizures={seizures} writer={writer} readOnly={readOnly} /> : null}
        {tab === 'chart' ? <LinkChart workspaceId={ws.id} caseId={caseId} caseNumber={meta.number} caseDoc={caseDoc} entities={entities} links={links} linkedSeizures={caseLinks.seizures} linksPending={caseLinks.pending} writer={writer} readOnly={readOnly} /> : null}
        {tab === 'map' && remoteMap !== null ? <CaseMapPanel caseNumber={meta.number} tlp={meta.tlp} remote={remoteMap} counts={counts} points={points} seizures={seizures} routes={routes} ws={ws.id} caseId={caseId} caseDoc={caseDoc} writer={writer} readOnly={readOnly} canSetOnlineTiles={canIn(ws, 'workspace.settings')} /> : null}
        {tab === 'exhibits' ? <ExhibitsPanel doc={caseDoc.doc} caseNumber={meta.number} workspaceId={ws.id} caseId={caseId} writer={writer} readOnly={readOnly} seizures={seizures} /> : null}
        {tab === 'valuation' ? <ValuationTab workspaceId={ws.id} caseId={caseId} caseDoc={caseDoc} writer={writer} readOnly={readOnly} /> : null}
        </ErrorBoundary>
      </div>
      {/* The relay's change history belongs to the case as a whole: below the overview, never above another tab's panel. */}
      {tab === 'overview' && canIn(ws, 'history.view') ? <ErrorBoundary title={CASE_FAULT()}><HistorySection workspaceId={ws.id} caseId={caseId} /></ErrorBoundary> : null}
      {applying ? <ApplyTemplateDialog workspaceId={ws.id} caseDoc={caseDoc} writer={writer} onClose={() => setApplying(false)} /> : null}
      {form ? (
        <ErrorBoundary title={CASE_FAULT()} onDismiss={() => setForm(null)}>
        <SeizureFormDialog
          caseDoc={caseDoc}
          writer={writer}
          workspaceId={ws.id}
          seizure={form.mode === 'edit' ? (editedLive ?? form.seizure) : null}
          deleted={form.mode === 'edit' && !editedLive}
          defaultSector={meta.sector}
          defaultCountry={meta.jurisdictions[0] ?? ''}
          commodities={commodities}
          onClose={() => setForm(null)}
          onSaved={(id) => {
            setSelected(id);
            if (tab === 'seizures') replaceRoute({ name: 'case', ws: ws.id, caseId, tab: 'seizures', seizureId: id });
          }}
        />
        </ErrorBoundary>
      ) : null}
      {importing ? (
        <ErrorBoundary title={CASE_FAULT()} onDismiss={() => setImporting(false)}>
          <ImportDialog workspaceId={ws.id} caseId={caseId} caseNumber={meta.number} onClose={() => setImporting(false)} />
        </ErrorBoundary>
      ) : null}
    </div>
  );
}

/**
 * A case that is not on this computer yet (followed by link moments after a colleague created it):
 * the data service opens it the moment the relay delivers it, and this screen then shows it.
 */
function CaseWaiting(props: { ws: WorkspaceSummary }): ReactNode {
  return (
    <div className="page" data-testid="case-waiting">
      <EmptyState
        icon="database"
        title={t('ui.case.waiting-title')}
        actions={
          <a className="btn" href={routeHref({ name: 'cases', ws: props.ws.id })}>
            {t('ui.case.waiting-back')}
          </a>
        }
      >
        {t('ui.case.waiting-text')}
      </EmptyState>
    </div>
  );
}
