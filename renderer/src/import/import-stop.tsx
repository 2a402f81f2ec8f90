/**
 * Stopping an import from the import dialog (issue 11 "Cancel really cancels"): Cancel while the
 * rows are being written asks first ({@link StopImportConfirm}: how many are written, and that
 * what is written stays, to undo or keep); the service stops at its next safe point
 * (`import.abort`), the dialog says "Stopping…" until the commit answers, and then
 * {@link ImportStopped} asks the user to undo the written part as one step (`import.undo`) or keep
 * it (it stays in the import log as a stopped import, undoable later).
 */
import { useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { ImportProgress, ImportReport } from '../../../shared/rpc/import';
import { useClient } from '../app/services';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Dialog } from '../ui/dialog';
import { useToast } from '../ui/toast';
import { ErrorPanel } from '../ui/states';

/** Props of {@link StopImportConfirm}. */
export interface StopImportConfirmProps {
  /** The latest writing progress (rows written of all), null before the first event. */
  progress: ImportProgress | null;
  onStop: () => void;
  onContinue: () => void;
}

/** "Stop the import? N of M rows are written…", with "Keep importing" as the safe choice. */
export function StopImportConfirm(props: StopImportConfirmProps): ReactNode {
  const p = props.progress;
  return (
    <ConfirmDialog title={t('ui.import.stop-title')} confirmLabel={t('ui.import.stop-confirm')} cancelLabel={t('ui.import.stop-continue')} onConfirm={props.onStop} onCancel={props.onContinue}>
      <p data-testid="stop-import-text">{p && p.phase === 'writing' ? t('ui.import.stop-text', { done: p.done, total: p.total }) : t('ui.import.stop-text-starting')}</p>
    </ConfirmDialog>
  );
}

/** Props of {@link ImportStopped}. */
export interface ImportStoppedProps {
  workspaceId: string;
  caseId: string;
  fileName: string;
  /** The stopped commit's report (`cancelled` and `batchId` set). */
  report: ImportReport & { cancelled: NonNullable<ImportReport['cancelled']>; batchId: string };
  onClose: () => void;
}

/** The final state of a stopped import: what was written, and the choice to undo it or keep it. */
export function ImportStopped(props: ImportStoppedProps): ReactNode {
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const { written, planned } = props.report.cancelled;
  const keep = (): void => {
    toast(t('ui.import.stopped-kept', { count: written, fileName: props.fileName }));
    props.onClose();
  };
  const undo = (): void => {
    setBusy(true);
    setFailure(null);
    client.call('import.undo', { workspaceId: props.workspaceId, caseId: props.caseId, batchId: props.report.batchId }).then(
      (r) => {
        toast(t('ui.imports.undone-toast', { count: r.seizures, fileName: props.fileName }));
        props.onClose();
      },
      (err: unknown) => {
        setBusy(false);
        setFailure(err);
      },
    );
  };
  return (
    <Dialog
      title={t('ui.import.stopped-title')}
      description={props.fileName}
      // Closing keeps them, as "Keep them" does: nothing is removed without the user asking.
      onClose={keep}
      className="import-dialog"
      footer={
        <>
          <button type="button" className="btn btn-danger" onClick={undo} disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('ui.imports.undoing') : t('ui.import.stopped-undo', { count: written })}
          </button>
          <button type="button" className="btn btn-primary" onClick={keep} disabled={busy} autoFocus>
            {t('ui.import.stopped-keep')}
          </button>
        </>
      }
    >
      <div className="dialog-body" data-testid="import-stopped">
        {failure ? <ErrorPanel error={failure} /> : null}
        <p>{t('ui.import.stopped-text', { written, planned })}</p>
      </div>
    </Dialog>
  );
}
