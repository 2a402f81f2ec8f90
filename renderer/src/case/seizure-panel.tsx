/**
 * The seizures tab: a filterable, sortable table of the case's seizures beside the selected
 * seizure's detail, with add, edit and delete (after confirmation). Deleting keeps a tombstone
 * in the case doc so the evidence trail survives.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { Seizure } from '../../../shared/domain/seizure';
import { countryLabel } from '../format/countries';
import { Icon } from '../ui/icons';
import { EmptyState } from '../ui/states';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { useToast } from '../ui/toast';
import { formatQuantity } from '../format/numbers';
import { formatSeizureDate } from '../format/dates';
import { SeizureTable } from './seizure-table';
import { reportedUsdById, sortSeizures, type SeizureSort } from './seizure-sort';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { SeizureDetail } from './seizure-detail';
import { ErrorBoundary } from '../ui/error-boundary';
import { t } from '../../../shared/messages';
import { useMembers } from '../hooks/use-members';
import { useConcurrentEdits } from './use-concurrent-edits';
import { SeizureBulkBar } from './seizure-bulk-bar';
import { ImportLogDialog } from '../import/import-log-dialog';

/** Props of {@link SeizurePanel}. */
export interface SeizurePanelProps {
  caseDoc: CaseDoc;
  seizures: Seizure[];
  writer: Writer;
  readOnly: boolean;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onAdd: () => void;
  onEdit: (s: Seizure) => void;
  onImport: () => void;
  /** The workspace, for members' names in notices and histories. */
  workspaceId: string;
}

/** Rows rendered at first and added per "Show more" (keeps very large cases responsive). */
const PAGE = 300;

function matches(s: Seizure, q: string): boolean {
  const hay = `${s.commodity} ${s.taxon} ${s.place} ${s.country} ${countryLabel(s.country)} ${s.sourceTitle} ${s.operation} ${s.seizingAgencies.join(' ')}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** The seizures tab. */
export function SeizurePanel(props: SeizurePanelProps): ReactNode {
  const { seizures, selected, onSelect } = props;
  const toast = useToast();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SeizureSort>({ key: 'date', dir: 'desc' });
  const [deleting, setDeleting] = useState<Seizure | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [showLog, setShowLog] = useState(false);
  // Seizures deleted or moved (here or by a peer) leave the selection.
  const live = useMemo(() => new Set(seizures.map((s) => s.id)), [seizures]);
  const chosen = useMemo(() => [...checked].filter((id) => live.has(id)), [checked, live]);
  const onCheck = (ids: string[], on: boolean): void =>
    setChecked((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id); else next.delete(id);
      return next;
    });
  // Reported values in USD at their seizure dates, from the service (it holds the rates); asked
  // for only while the table is sorted by value.
  const caseId = useMemo(() => props.caseDoc.readMeta().id, [props.caseDoc]);
  const estimate = useLiveQuery('valuation.case', sort.key === 'value' && caseId ? { workspaceId: props.workspaceId, caseId } : null, {
    refetchOn: [projectionChanged(props.workspaceId, caseId)],
    keepPrevious: true,
  });
  const usd = useMemo(() => reportedUsdById(estimate.data?.seizures ?? []), [estimate.data]);
  const shown = useMemo(
    () => sortSeizures(filter ? seizures.filter((s) => matches(s, filter)) : seizures, sort, (id) => usd.get(id) ?? null),
    [seizures, filter, sort, usd],
  );
  const current = selected ? (seizures.find((s) => s.id === selected) ?? null) : null;
  // Kept here, not in the detail: what the member wrote stays known while they switch seizures.
  const edits = useConcurrentEdits(props.caseDoc, props.writer);
  const members = useMembers(props.workspaceId);
  const memberName = (id: string): string => members.get(id)?.name ?? t('ui.case.activity.someone');

  const importLog = showLog ? <ImportLogDialog doc={props.caseDoc.doc} workspaceId={props.workspaceId} caseId={caseId} readOnly={props.readOnly} memberName={memberName} onClose={() => setShowLog(false)} /> : null;

  if (!seizures.length) {
    return (
      <div className="card">
        {importLog}
        <EmptyState
          icon="table"
          title={t('ui.case.seizures.empty-title')}
          actions={
            props.readOnly ? null : (
              <>
                <button type="button" className="btn btn-primary" onClick={props.onImport}>
                  <Icon name="upload" /> {t('ui.case.seizures.import-file')}
                </button>
                <button type="button" className="btn" onClick={props.onAdd}>
                  <Icon name="plus" /> {t('ui.case.seizures.add-one')}
                </button>
              </>
            )
          }
        >
          {t('ui.case.seizures.empty-text')}
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
            <input className="input input-sm" type="search" aria-label={t('ui.case.seizures.filter-label')} placeholder={t('ui.case.seizures.filter-placeholder')} value={filter} onChange={(e) => {
                setFilter(e.target.value);
                setLimit(PAGE);
              }}
            />
          </div>
          <span className="toolbar-count" aria-live="polite">
            {filter ? t('ui.case.seizures.count-filtered', { shown: shown.length, count: seizures.length }) : t('ui.case.seizures.count', { count: seizures.length })}
          </span>
          <button type="button" className="btn btn-sm btn-ghost toolbar-end" onClick={() => setShowLog(true)}>
            <Icon name="book" /> {t('ui.imports.open')}
          </button>
        </div>
        {chosen.length && !props.readOnly ? (
          <SeizureBulkBar caseDoc={props.caseDoc} writer={props.writer} workspaceId={props.workspaceId} ids={chosen} onClear={() => setChecked(new Set())} />
        ) : null}
        {shown.length ? (
          <SeizureTable
            seizures={shown.length > limit ? shown.slice(0, limit) : shown}
            sort={sort}
            onSort={(key) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'date' || key === 'value' ? 'desc' : 'asc' }))}
            selected={selected}
            onSelect={onSelect}
            readOnly={props.readOnly}
            onEdit={props.onEdit}
            onDelete={setDeleting}
            {...(props.readOnly ? {} : { checked: new Set(chosen), onCheck })}
          />
        ) : (
          <EmptyState icon="search" title={t('ui.case.seizures.no-match')} actions={<button type="button" className="btn" onClick={() => setFilter('')}>{t('ui.case.seizures.clear-filter')}</button>}>
            {t('ui.case.seizures.no-match-text', { filter })}
          </EmptyState>
        )}
        {shown.length > limit ? (
          <div className="table-more">
            <span className="muted small">
              {t('ui.case.seizures.showing', { limit, count: shown.length })}
            </span>
            <button type="button" className="btn btn-sm" onClick={() => setLimit((l) => l + PAGE)}>
              {t('ui.case.seizures.show-more', { count: Math.min(PAGE, shown.length - limit) })}
            </button>
          </div>
        ) : null}
      </div>
      {current ? (
        <ErrorBoundary title={t('ui.case.seizures.detail-fault')} resetKey={current.id} onDismiss={() => onSelect(null)}>
          <SeizureDetail seizure={current} workspaceId={props.workspaceId} caseDoc={props.caseDoc} writer={props.writer} readOnly={props.readOnly} edits={edits} memberName={memberName} onClose={() => onSelect(null)} onEdit={props.readOnly ? null : () => props.onEdit(current)} onDelete={props.readOnly ? null : () => setDeleting(current)} />
        </ErrorBoundary>
      ) : null}
      {importLog}
      {deleting ? (
        <ConfirmDialog
          title={t('ui.case.seizures.delete-title')}
          confirmLabel={t('ui.case.seizures.delete-confirm')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            try {
              props.caseDoc.deleteSeizure(deleting.id, props.writer);
              if (selected === deleting.id) onSelect(null);
              toast(t('ui.case.seizures.deleted'));
            } catch (err) {
              toast(err instanceof Error ? err.message : String(err), 'error');
            }
            setDeleting(null);
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
