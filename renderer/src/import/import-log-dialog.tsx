/**
 * The case's import log (issue 11, item 3): every file imported into the case — name, SHA-256,
 * who, when, what it brought in — and whether it is still in the case or was undone (by whom,
 * when). "Undo import" asks the data service (`import.undo`) to mark the import's seizures —
 * in the case doc and in every volume doc of a large case — and routes deleted as one step, after
 * a confirmation that says how many it will mark deleted now, how many of those were edited
 * since, and, apart, how many of the file's seizures were already deleted one by one and how many
 * were moved to which other case, both left as they are (counted by the service with `import.undo`
 * dryRun, volumes included; tester findings G-IMP-3: the dialog counted the import's original rows,
 * deleted ones too, and F5 of session 27: moved ones were called deleted); the log itself never changes
 * except by the undo entry appended to it (shared/docs/case-import-batches.ts). An import stopped
 * while writing (`import.abort`) is listed as "Stopped: N of M seizures written" until undone.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { CaseImports } from '../../../shared/docs/case-import-batches';
import type { ImportBatch } from '../../../shared/domain/import-batch';
import { MASS_DELETION_THRESHOLD } from '../../../shared/permissions';
import { t } from '../../../shared/messages';
import { Dialog } from '../ui/dialog';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { DataTable, type Column } from '../ui/data-table';
import { useToast } from '../ui/toast';
import { formatDateTime } from '../format/dates';
import { useClient } from '../app/services';
import { ErrorPanel, Loading } from '../ui/states';
import type { RpcResult } from '../../../shared/rpc/contract';

/** The batches of `doc`, re-read after every transaction that touched the import log. */
export function useImportBatches(doc: Y.Doc): ImportBatch[] {
  const imports = useMemo(() => new CaseImports(doc), [doc]);
  const [batches, setBatches] = useState(() => imports.list());
  useEffect(() => {
    const log = doc.getArray('importBatches');
    const onTx = (tr: Y.Transaction): void => {
      if (tr.changed.has(log as never)) setBatches(imports.list());
    };
    doc.on('afterTransaction', onTx);
    setBatches(imports.list());
    return () => doc.off('afterTransaction', onTx);
  }, [doc, imports]);
  return batches;
}

/** What an undo marks deleted (the `import.undo` result). */
type UndoCounts = RpcResult<'import.undo'>;

/** Props of {@link ImportLogDialog}. */
export interface ImportLogDialogProps {
  /** The case doc's replica (the log is read from it). */
  doc: Y.Doc;
  workspaceId: string;
  caseId: string;
  readOnly: boolean;
  /** A member's display name from their id. */
  memberName: (id: string) => string;
  onClose: () => void;
}

/** The import log dialog. */
export function ImportLogDialog(props: ImportLogDialogProps): ReactNode {
  const batches = useImportBatches(props.doc);
  const toast = useToast();
  const client = useClient();
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);
  // What undoing `undoing` would mark deleted, counted by the service (null while it counts).
  const [plan, setPlan] = useState<{ batchId: string; counts: UndoCounts | null; error: unknown } | null>(null);
  useEffect(() => {
    if (!undoing) return setPlan(null);
    let live = true;
    setPlan({ batchId: undoing.id, counts: null, error: null });
    client.call('import.undo', { workspaceId: props.workspaceId, caseId: props.caseId, batchId: undoing.id, dryRun: true }).then(
      (counts) => live && setPlan({ batchId: undoing.id, counts, error: null }),
      (error: unknown) => live && setPlan({ batchId: undoing.id, counts: null, error }),
    );
    return () => {
      live = false;
    };
  }, [undoing, client, props.workspaceId, props.caseId]);
  const counts = plan && undoing && plan.batchId === undoing.id ? plan.counts : null;
  const rows = [...batches].reverse(); // newest first
  // An undo on its way (a 20k import takes seconds): the dialog says so until the service answers.
  const [undoBusy, setUndoBusy] = useState(false);
  const undo = async (batch: ImportBatch): Promise<void> => {
    setUndoBusy(true);
    try {
      // The service undoes it in the case doc and in every volume doc (service/import/undo-import.ts).
      const r = await client.call('import.undo', { workspaceId: props.workspaceId, caseId: props.caseId, batchId: batch.id });
      toast(t('ui.imports.undone-toast', { count: r.seizures, fileName: batch.fileName }));
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
    setUndoBusy(false);
    setUndoing(null);
  };
  const columns: Column<ImportBatch>[] = [
    {
      id: 'file',
      header: t('ui.imports.col-file'),
      cell: (b) => (
        <>
          <span className="cell-primary">{b.fileName}</span>
          <span className="cell-secondary mono" title={b.sha256}>
            {t('ui.imports.hash', { hash: b.sha256.slice(0, 12) })}
          </span>
        </>
      ),
    },
    { id: 'when', header: t('ui.imports.col-when'), className: 'col-nowrap', cell: (b) => formatDateTime(b.at) },
    { id: 'by', header: t('ui.imports.col-by'), cell: (b) => props.memberName(b.by) },
    {
      id: 'counts',
      header: t('ui.imports.col-counts'),
      cell: (b) => t('ui.imports.counts', { seizures: b.seizures, routes: b.routes, rejected: b.rejectedRows, skipped: b.skippedDuplicates }),
    },
    {
      id: 'status',
      header: t('ui.imports.col-status'),
      cell: (b) =>
        b.undo ? (
          <span className="tag">{t('ui.imports.undone', { by: props.memberName(b.undo.by), at: formatDateTime(b.undo.at) })}</span>
        ) : b.state === 'cancelled' ? (
          // A stopped import is never shown as a whole one: what was written of what was planned.
          <span className="tag tag-warning">{t('ui.imports.cancelled', { written: b.seizures, planned: b.planned ?? b.seizures })}</span>
        ) : (
          <span className="tag tag-success">{t('ui.imports.live')}</span>
        ),
    },
    {
      id: 'actions',
      header: t('ui.imports.undo'),
      hideHeader: true,
      className: 'col-actions',
      cell: (b) =>
        props.readOnly || b.undo ? null : (
          <button type="button" className="btn btn-sm" aria-label={t('ui.imports.undo-aria', { fileName: b.fileName })} onClick={() => setUndoing(b)}>
            {t('ui.imports.undo')}
          </button>
        ),
    },
  ];
  return (
    <>
      <Dialog
        title={t('ui.imports.title')}
        description={t('ui.imports.intro')}
        onClose={props.onClose}
        size="xwide"
        footer={
          <button type="button" className="btn" onClick={props.onClose} autoFocus>
            {t('ui.import.done')}
          </button>
        }
      >
        <div className="dialog-body">
          <DataTable label={t('ui.imports.label')} columns={columns} rows={rows} rowKey={(b) => b.id} rowAttributes={(b) => ({ 'data-batch-id': b.id })} empty={t('ui.imports.empty')} />
        </div>
      </Dialog>
      {undoing ? (
        <ConfirmDialog
          title={t('ui.imports.undo-title')}
          confirmLabel={undoBusy ? t('ui.imports.undoing') : t('ui.imports.undo-confirm')}
          onCancel={() => setUndoing(null)}
          onConfirm={() => void undo(undoing)}
          confirmDisabled={!counts || undoBusy}
        >
          {counts ? (
            <div data-testid="undo-counts">
              <p>{t('ui.imports.undo-text', { count: counts.seizures, fileName: undoing.fileName })}</p>
              {counts.edited ? <p>{t('ui.imports.undo-edited', { count: counts.edited })}</p> : null}
              {counts.alreadyDeleted ? <p>{t('ui.imports.undo-already-deleted', { count: counts.alreadyDeleted })}</p> : null}
              {counts.moved.map((m) => (
                <p key={m.caseNumber}>{t('ui.imports.undo-moved', { count: m.count, caseNumber: m.caseNumber })}</p>
              ))}
              {counts.seizures + counts.routes > MASS_DELETION_THRESHOLD ? <p className="muted">{t('ui.imports.undo-held', { threshold: MASS_DELETION_THRESHOLD })}</p> : null}
            </div>
          ) : plan?.error ? (
            <ErrorPanel error={plan.error} />
          ) : (
            <Loading>{t('ui.imports.undo-counting')}</Loading>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
