/**
 * The "Deleted" list of a case's seizures (branch undel): every deleted seizure of the case —
 * in its case doc or any volume doc — newest deletion first, a page at a time from the data
 * service's projection (`seizures.deletedPage`), each with who deleted it, when and how (a single
 * delete, a bulk action, or an import undone, read from the case's audit and import log; "no
 * record" when none says so). "Restore" brings one back and "Restore N seizures" the chosen ones
 * (`seizures.restore`): the seizure is live again in the table, map and counts, and both its
 * deletion and its restore stay in the case's history. Read-only members see the list only.
 */
import { useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { DeletedSeizureRow } from '../../../shared/rpc/seizure-restore';
import { useClient } from '../app/services';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { countryLabel } from '../format/countries';
import { formatDateTime, formatSeizureDate } from '../format/dates';
import { formatQuantity } from '../format/numbers';
import { DataTable, type Column } from '../ui/data-table';
import { Dialog } from '../ui/dialog';
import { ErrorPanel, Loading } from '../ui/states';
import { useToast } from '../ui/toast';

/** Rows per page of the list. */
const PAGE = 100;

/** Props of {@link DeletedSeizuresDialog}. */
export interface DeletedSeizuresDialogProps {
  workspaceId: string;
  caseId: string;
  readOnly: boolean;
  /** A member's display name from their id. */
  memberName: (id: string) => string;
  onClose: () => void;
}

/** How seizure `r` came to be deleted, as one sentence. */
function howDeleted(r: DeletedSeizureRow, memberName: (id: string) => string): string {
  const d = r.deletion;
  if (!d) return t('ui.deleted.why-unrecorded', { by: memberName(r.stampedBy) });
  if (d.reason === 'import-undo') return t('ui.deleted.why-import-undo', { by: memberName(d.by), fileName: d.fileName ?? '' });
  if (d.reason === 'bulk-delete') return t('ui.deleted.why-bulk', { by: memberName(d.by), others: Math.max(0, (d.count ?? 1) - 1) });
  return t('ui.deleted.why-delete', { by: memberName(d.by) });
}

/** The deleted seizures dialog. */
export function DeletedSeizuresDialog(props: DeletedSeizuresDialogProps): ReactNode {
  const client = useClient();
  const toast = useToast();
  const [offset, setOffset] = useState(0);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const page = useLiveQuery('seizures.deletedPage', { workspaceId: props.workspaceId, caseId: props.caseId, offset, limit: PAGE }, { refetchOn: [projectionChanged(props.workspaceId, props.caseId)] });
  const rows = page.data?.rows ?? [];
  const total = page.data?.total ?? 0;
  // Restored (here or by a peer) seizures leave the selection.
  const chosen = rows.filter((r) => checked.has(r.id)).map((r) => r.id);
  const check = (ids: string[], on: boolean): void =>
    setChecked((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id); else next.delete(id);
      return next;
    });
  const restore = async (ids: string[]): Promise<void> => {
    setBusy(true);
    try {
      const r = await client.call('seizures.restore', { workspaceId: props.workspaceId, caseId: props.caseId, seizureIds: ids });
      toast(t('ui.deleted.restored-toast', { count: r.restored }));
      check(ids, false);
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
    setBusy(false);
  };
  const allChecked = rows.length > 0 && rows.every((r) => checked.has(r.id));
  const columns: (Column<DeletedSeizureRow> | false)[] = [
    !props.readOnly && {
      id: 'check',
      header: t('ui.deleted.select-all'),
      className: 'col-check',
      headerClassName: 'col-check',
      headerContent: <input type="checkbox" aria-label={t('ui.deleted.select-all')} checked={allChecked} onChange={(e) => check(rows.map((r) => r.id), e.target.checked)} />,
      cell: (r) => (
        <input type="checkbox" aria-label={t('ui.deleted.select-one', { commodity: r.commodity, date: formatSeizureDate(r.seizureDate, r.datePrecision) })} checked={checked.has(r.id)} onChange={(e) => check([r.id], e.target.checked)} />
      ),
    },
    {
      id: 'seizure',
      header: t('ui.deleted.col-seizure'),
      cell: (r) => (
        <>
          <span className="cell-primary">{r.commodity}</span>
          <span className="cell-secondary">
            {[formatSeizureDate(r.seizureDate, r.datePrecision), formatQuantity(r.quantity, r.unit), [r.place, countryLabel(r.country)].filter((x) => x && x !== '—').join(', ')].filter(Boolean).join(' · ')}
          </span>
        </>
      ),
    },
    { id: 'when', header: t('ui.deleted.col-deleted'), className: 'col-nowrap', cell: (r) => formatDateTime(r.deletion?.at ?? r.stampedAt) },
    { id: 'how', header: t('ui.deleted.col-why'), cell: (r) => howDeleted(r, props.memberName) },
    !props.readOnly && {
      id: 'actions',
      header: t('ui.deleted.restore'),
      hideHeader: true,
      className: 'col-actions',
      cell: (r) => (
        <button type="button" className="btn btn-sm" disabled={busy} aria-label={t('ui.deleted.restore-aria', { commodity: r.commodity, date: formatSeizureDate(r.seizureDate, r.datePrecision) })} onClick={() => void restore([r.id])}>
          {t('ui.deleted.restore')}
        </button>
      ),
    },
  ];
  const last = Math.min(total, offset + rows.length);
  return (
    <Dialog
      title={t('ui.deleted.title')}
      description={t('ui.deleted.intro')}
      onClose={props.onClose}
      size="xwide"
      className="deleted-seizures-dialog"
      footer={
        <>
          {chosen.length && !props.readOnly ? (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void restore(chosen)}>
              {t('ui.deleted.restore-selected', { count: chosen.length })}
            </button>
          ) : null}
          <button type="button" className="btn" onClick={props.onClose} autoFocus>
            {t('ui.deleted.close')}
          </button>
        </>
      }
    >
      <div className="dialog-body">
        {page.error && !page.data ? (
          <ErrorPanel error={page.error} title={t('ui.deleted.load-failed')} />
        ) : !page.data ? (
          <Loading>{t('ui.deleted.loading')}</Loading>
        ) : (
          <>
            <p className="muted" aria-live="polite" data-testid="deleted-count">
              {total > rows.length ? t('ui.deleted.shown', { shown: `${offset + 1}–${last}`, count: total }) : t('ui.deleted.count', { count: total })}
            </p>
            <DataTable label={t('ui.deleted.label')} columns={columns} rows={rows} rowKey={(r) => r.id} rowAttributes={(r) => ({ 'data-seizure-id': r.id })} empty={t('ui.deleted.empty')} />
            {total > PAGE ? (
              <div className="table-pager">
                <button type="button" className="btn btn-sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  {t('ui.deleted.previous')}
                </button>
                <button type="button" className="btn btn-sm" disabled={last >= total} onClick={() => setOffset(offset + PAGE)}>
                  {t('ui.deleted.next')}
                </button>
              </div>
            ) : null}
          </>
        )}
      </div>
    </Dialog>
  );
}
