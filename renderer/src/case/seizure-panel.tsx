/**
 * The seizures tab: a filterable, sortable table of the case's seizures beside the selected
 * seizure's detail, with add, edit and delete (after confirmation). Deleting keeps a tombstone
 * in the case doc so the evidence trail survives.
 *
 * The table's rows come from the data service's projection a page at a time
 * (use-seizure-window.ts: sorted and filtered there, `seizures.page`), and only the rows in view
 * are rendered (ui/use-virtual-rows.ts), so a case of 100,000 seizures — most of them in volume
 * docs the renderer never loads — opens like a small one (bench P8). The replica's own seizures
 * (`seizures`, the case doc's) are shown live from it; a seizure held in a volume doc is read whole
 * through `seizures.get` (refetched when the case's projection changes). Both are edited and
 * deleted alike: every write goes where the seizure lives (seizure-writes.ts). "Deleted" opens the
 * case's deleted seizures, restorable (deleted-seizures-dialog.tsx). The checkboxes choose seizures
 * for the bulk actions; the header box chooses every seizure the table shows — all the filtered
 * rows, not only those rendered — sent to the service as the filter less the unticked ones
 * (seizure-selection.ts; tester finding F4, session 27).
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { Seizure } from '../../../shared/domain/seizure';
import { SEIZURE_PAGE_MAX, type SeizureRow } from '../../../shared/rpc/cases';
import { countryLabel } from '../format/countries';
import { Icon } from '../ui/icons';
import { EmptyState, ErrorPanel, Loading } from '../ui/states';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { useToast } from '../ui/toast';
import { formatQuantity } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { SeizureTable, type SeizureChecks } from './seizure-table';
import { bulkTarget, checkSeizures, headerState, isSeizureChecked, NO_SELECTION, selectAllShown, selectedCount, type SeizureSelection } from './seizure-selection';
import type { SeizureSort } from './seizure-sort';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { useVirtualRows } from '../ui/use-virtual-rows';
import { useSeizureWindow } from './use-seizure-window';
import { loadedRun } from '../data/use-paged-window';
import { SeizureDetail } from './seizure-detail';
import { ErrorBoundary } from '../ui/error-boundary';
import { t } from '../../../shared/messages';
import { useMembers } from '../hooks/use-members';
import { useConcurrentEdits } from './use-concurrent-edits';
import { SeizureBulkBar } from './seizure-bulk-bar';
import { ImportLogDialog, useImportBatches } from '../import/import-log-dialog';
import { DeletedSeizuresDialog } from './deleted-seizures-dialog';
import { deleteSeizure, useSeizureWriteTarget } from './seizure-writes';
import { useSettled } from '../hooks/use-settled';

/** Props of {@link SeizurePanel}. */
export interface SeizurePanelProps {
  caseDoc: CaseDoc;
  /** The case doc replica's live seizures (shown live; the others are read from the service). */
  seizures: Seizure[];
  /** The case's live seizures wherever they live (the projection's count); null until known. */
  seizureCount: number | null;
  writer: Writer;
  readOnly: boolean;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onAdd: () => void;
  onEdit: (s: Seizure) => void;
  onImport: () => void;
  /** The workspace, for members' names in notices and histories. */
  workspaceId: string;
  /** Changes when the replica's links, entities or seizures may have changed: the detail's linked entities are read again. */
  linkVersion: unknown;
}

/** Delay between the last keystroke in the filter and the query, ms. */
const FILTER_DEBOUNCE_MS = 150;

/** The seizures tab. */
export function SeizurePanel(props: SeizurePanelProps): ReactNode {
  const { seizures, selected, onSelect } = props;
  const toast = useToast();
  const [filter, setFilter] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [sort, setSort] = useState<SeizureSort>({ key: 'date', dir: 'desc' });
  const [deleting, setDeleting] = useState<SeizureRow | null>(null);
  const [selection, setSelection] = useState<SeizureSelection>(NO_SELECTION);
  const [showLog, setShowLog] = useState(false);
  const batches = useImportBatches(props.caseDoc.doc);
  const [showDeleted, setShowDeleted] = useState(false);
  const caseId = useMemo(() => props.caseDoc.readMeta().id, [props.caseDoc]);
  const query = useSettled(filter.trim(), FILTER_DEBOUNCE_MS);
  const rows = useSeizureWindow(props.workspaceId, caseId, sort, query, flaggedOnly);
  // The sort the rows on screen answer: while a new one is on its way they keep the old order (tester4, issue 11).
  const shownSort = useRef(sort);
  if (!rows.stale) shownSort.current = sort;
  const busy = rows.stale ? (shownSort.current.key !== sort.key || shownSort.current.dir !== sort.dir ? t('ui.case.seizures.sorting') : t('ui.case.seizures.updating')) : null;
  const total = rows.total ?? 0;
  const view = useVirtualRows({ rowCount: total });
  const { need } = rows;
  useEffect(() => need(view.start, view.end), [need, view.start, view.end]);
  // A new sort or filter starts at the top.
  useEffect(() => view.toTop(), [sort, query, flaggedOnly, view.toTop]);
  // The rendered rows: the longest loaded run in view.
  const { rows: shownRows, virtual: win } = loadedRun(rows, view);
  // The replica's seizures are the ones this tab edits; others live in volume docs.
  const inReplica = useMemo(() => new Map(seizures.map((s) => [s.id, s])), [seizures]);
  // Seizures deleted or moved (here or by a peer) leave the selection.
  const loadedIds = new Set(rows.loaded().map((r) => r.id));
  // Seizures moved out: marked "Moving…" while the table's rows still hold them (the projection
  // and the refetch follow the move's answer by ~2 s on a 20k case: tester4, issue 11).
  const [moving, setMoving] = useState<ReadonlySet<string>>(new Set());
  const stillMoving = moving.size ? new Set([...moving].filter((id) => loadedIds.has(id))) : moving;
  useEffect(() => {
    if (moving.size && !stillMoving.size) setMoving(new Set());
  }, [moving, stillMoving.size]);
  // The bulk selection (seizure-selection.ts): ticked ids, or every seizure the table shows (tester finding F4).
  const live = (ids: readonly string[]): string[] => ids.filter((id) => inReplica.has(id) || loadedIds.has(id));
  const shownFilter = useMemo(() => ({ text: query, flagged: flaggedOnly }), [query, flaggedOnly]);
  // "Every shown seizure" stands for the filter it was chosen under: a new filter clears it.
  useEffect(() => setSelection((sel) => (sel.kind === 'all' && (sel.filter.text !== shownFilter.text || sel.filter.flagged !== shownFilter.flagged) ? NO_SELECTION : sel)), [shownFilter]);
  // The unticked seizures of "every shown" that still match, counted by the service (a peer may have deleted one).
  const except = selection.kind === 'all' ? [...selection.except] : [];
  const exceptQuery = useLiveQuery(
    'seizures.page',
    except.length && except.length <= SEIZURE_PAGE_MAX && caseId ? { workspaceId: props.workspaceId, caseId, text: query, flagged: flaggedOnly, ids: except, limit: 1 } : null,
    { refetchOn: [projectionChanged(props.workspaceId, caseId)] },
  );
  const exceptShown = except.length ? (exceptQuery.data?.total ?? null) : 0;
  const selectedN = selectedCount(selection, total, live, exceptShown);
  const shownChecked = selection.kind === 'ids' ? [...selection.ids].filter((id) => loadedIds.has(id)).length : selectedN;
  // Every shown row loaded (a small case): the action names them by id, written on the replica when
  // they all live there (shown at once); otherwise the service resolves the filter.
  const loadedRows = rows.loaded();
  const target = selection.kind === 'all' && loadedRows.length === total ? loadedRows.filter((r) => isSeizureChecked(selection, r.id)).map((r) => r.id) : bulkTarget(selection, selectedN, live);
  const check: SeizureChecks = {
    isChecked: (id) => isSeizureChecked(selection, id),
    onCheck: (ids, on) => setSelection((sel) => checkSeizures(sel, ids, on)),
    all: headerState(selection, selectedN, total, shownChecked),
    onCheckAll: (on) => setSelection(on ? selectAllShown(shownFilter) : NO_SELECTION),
  };
  // The selected seizure: the replica's, or read whole from the doc that holds it.
  const fromReplica = selected ? (inReplica.get(selected) ?? null) : null;
  const fetched = useLiveQuery('seizures.get', selected && !fromReplica && caseId ? { workspaceId: props.workspaceId, caseId, seizureId: selected } : null, {
    refetchOn: [projectionChanged(props.workspaceId, caseId)],
  });
  const current = fromReplica ?? (selected && fetched.data?.id === selected ? fetched.data : null);
  const currentEditable = !props.readOnly;
  const to = useSeizureWriteTarget(props.caseDoc, props.writer, props.workspaceId);
  /** Opens the form on a seizure held in a volume doc, read whole from the service first. */
  const editFromService = (id: string): void => {
    to.client.call('seizures.get', { workspaceId: props.workspaceId, caseId, seizureId: id }).then(
      (s) => (s ? props.onEdit(s) : toast(t('ui.case.seizures.gone'), 'error')),
      (err: unknown) => toast(err instanceof Error ? err.message : String(err), 'error'),
    );
  };
  // Kept here, not in the detail: what the member wrote stays known while they switch seizures.
  const edits = useConcurrentEdits(props.caseDoc, props.writer);
  const members = useMembers(props.workspaceId);
  const memberName = (id: string): string => members.get(id)?.name ?? t('ui.case.activity.someone');

  const importLog = showLog ? <ImportLogDialog doc={props.caseDoc.doc} workspaceId={props.workspaceId} caseId={caseId} readOnly={props.readOnly} memberName={memberName} onClose={() => setShowLog(false)} /> : null;
  const deletedList = showDeleted ? <DeletedSeizuresDialog workspaceId={props.workspaceId} caseId={caseId} readOnly={props.readOnly} memberName={memberName} onClose={() => setShowDeleted(false)} /> : null;
  const deletedButton = (
    <button type="button" className="btn btn-sm btn-ghost" aria-label={t('ui.deleted.open-aria')} onClick={() => setShowDeleted(true)}>
      <Icon name="trash" /> {t('ui.deleted.open')}
    </button>
  );

  const logButton = (
    <button type="button" className="btn btn-sm btn-ghost" onClick={() => setShowLog(true)}>
      <Icon name="book" /> {t('ui.imports.open')}
    </button>
  );

  if (props.seizureCount === null && !seizures.length) return <Loading>{t('ui.case.seizures.loading')}</Loading>;
  if (!props.seizureCount && !seizures.length) {
    // A case that had imports is not "empty yet": its undone batches and deleted seizures stay reachable.
    const undone = batches.filter((b) => b.undo).length;
    const emptied = batches.length > 0;
    return (
      <div className="card">
        {importLog}
        {deletedList}
        <EmptyState
          icon="table"
          title={t(emptied ? 'ui.case.seizures.emptied-title' : 'ui.case.seizures.empty-title')}
          actions={
            props.readOnly ? (
              <>
                {emptied ? logButton : null}
                {deletedButton}
              </>
            ) : (
              <>
                <button type="button" className="btn btn-primary" onClick={props.onImport}>
                  <Icon name="upload" /> {t('ui.case.seizures.import-file')}
                </button>
                <button type="button" className="btn" onClick={props.onAdd}>
                  <Icon name="plus" /> {t('ui.case.seizures.add-one')}
                </button>
                {emptied ? logButton : null}
                {deletedButton}
              </>
            )
          }
        >
          {!emptied
            ? t('ui.case.seizures.empty-text')
            : undone === batches.length
              ? t('ui.case.seizures.emptied-undone', { count: undone })
              : t('ui.case.seizures.emptied-deleted', { count: batches.length })}
        </EmptyState>
      </div>
    );
  }

  return (
    <div className={`seizure-layout${current ? ' with-detail' : ''}`}>
      <div className="table-card">
        <div className="table-toolbar">
          <div className="input-with-icon">
            <Icon name="search" />
            <input className="input input-sm" type="search" aria-label={t('ui.case.seizures.filter-label')} placeholder={t('ui.case.seizures.filter-placeholder')} value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <label className="checkbox-inline review-filter" title={t('ui.review.filter-aria')}>
            <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} /> <Icon name="alert" /> {t('ui.review.filter')}
          </label>
          <span className="toolbar-count" aria-live="polite" aria-busy={busy ? true : undefined} data-testid="seizure-count">
            {busy ?? (rows.total === null || props.seizureCount === null
              ? null
              : query || flaggedOnly
                ? t('ui.case.seizures.count-filtered', { shown: rows.total, count: props.seizureCount })
                : t('ui.case.seizures.count', { count: props.seizureCount }))}
          </span>
          <button type="button" className="btn btn-sm btn-ghost toolbar-end" onClick={() => setShowLog(true)}>
            <Icon name="book" /> {t('ui.imports.open')}
          </button>
          {deletedButton}
        </div>
        {selectedN && !props.readOnly ? (
          <SeizureBulkBar
            caseDoc={props.caseDoc}
            writer={props.writer}
            workspaceId={props.workspaceId}
            target={target}
            count={selectedN}
            onClear={() => setSelection(NO_SELECTION)}
            onMoving={(on) => setMoving(new Set(on ? [...loadedIds].filter((id) => isSeizureChecked(selection, id)) : []))}
          />
        ) : null}
        {rows.error && rows.total === null ? (
          <ErrorPanel error={rows.error} title={t('ui.case.seizures.load-failed')} />
        ) : rows.total === null ? (
          <Loading>{t('ui.case.seizures.loading')}</Loading>
        ) : total ? (
          <SeizureTable
            seizures={shownRows}
            sort={sort}
            onSort={(key) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'date' || key === 'value' ? 'desc' : 'asc' }))}
            selected={selected}
            onSelect={onSelect}
            readOnly={props.readOnly}
            editable={() => true}
            onEdit={(r) => {
              const s = inReplica.get(r.id);
              if (s) props.onEdit(s);
              else editFromService(r.id);
            }}
            onDelete={setDeleting}
            virtual={win}
            moving={stillMoving}
            scrollRef={view.ref}
            onScroll={view.onScroll}
            {...(props.readOnly ? {} : { check })}
          />
        ) : (
          <EmptyState icon="search" title={t('ui.case.seizures.no-match')} actions={<button type="button" className="btn" onClick={() => setFilter('')}>{t('ui.case.seizures.clear-filter')}</button>}>
            {t('ui.case.seizures.no-match-text', { filter })}
          </EmptyState>
        )}
      </div>
      {current ? (
        <ErrorBoundary title={t('ui.case.seizures.detail-fault')} resetKey={current.id} onDismiss={() => onSelect(null)}>
          <SeizureDetail seizure={current} workspaceId={props.workspaceId} caseId={caseId} linkVersion={props.linkVersion} caseDoc={props.caseDoc} writer={props.writer} readOnly={!currentEditable} edits={edits} memberName={memberName} onClose={() => onSelect(null)} onEdit={currentEditable ? () => props.onEdit(current) : null} onDelete={currentEditable ? () => setDeleting(current) : null} />
        </ErrorBoundary>
      ) : null}
      {importLog}
      {deletedList}
      {deleting ? (
        <ConfirmDialog
          title={t('ui.case.seizures.delete-title')}
          confirmLabel={t('ui.case.seizures.delete-confirm')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            deleteSeizure(to, id).then(
              () => {
                if (selected === id) onSelect(null);
                toast(t('ui.case.seizures.deleted'));
              },
              (err: unknown) => toast(err instanceof Error ? err.message : String(err), 'error'),
            );
          }}
        >
          <p>
            <strong>{deleting.commodity}</strong>
            {t('ui.case.seizures.delete-what', {
              quantity: formatQuantity(deleting.quantity, deleting.unit),
              date: formatSeizureDate(deleting.seizureDate, deleting.datePrecision),
              hasCountry: countryLabel(deleting.country) === '—' ? 'no' : 'yes',
              country: countryLabel(deleting.country),
            })}
          </p>
          <p className="muted section-tight">{t('ui.case.seizures.delete-text')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
