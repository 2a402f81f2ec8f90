/**
 * Import seizures into a case from a CSV, KML, GPX or GeoJSON file, in three steps:
 * 1. choose a file (an <input type=file>, so it works in Electron too; file-picker.tsx);
 * 2. check the column mapping (pre-filled with the remembered or guessed mapping), the sample
 *    rows and the dry-run report from `import.preview` — re-run whenever the mapping changes
 *    (mapping-step.tsx), or the date order, or a column's decimal mark (column-formats.tsx) —
 *    and import with `import.commit`: this step is the shared FormDialog,
 *    busy while the commit runs;
 * 3. the final report: imported, rejected rows with line, column and reason, blank rows skipped,
 *    seizures without location, routes.
 *
 * A file whose lines became routes gets a choice of their kind (route-kind-choice.tsx: as
 * detected, all patrol tracks, or all suspected trafficking routes), which re-runs the preview. A
 * file with routes and no seizures (a GPX of patrol tracks) imports its routes: the submit button
 * counts them, and only a file with neither is refused.
 *
 * The import button is disabled, with the reason in the footer, whenever the commit would write
 * nothing or be refused: nothing importable (or every row a duplicate left out), the same file
 * already in the case and not ticked to import again, a file marked with a stricter TLP than the
 * case's and not ticked to import anyway, or the preview's `refusal` (the case would
 * pass its seizure limit) — the preview never promises what the import will refuse (tester
 * finding F-IMP-1). While the commit runs, a progress bar shows the phase, the rows done, the
 * percentage and the rate (import-progress.tsx, `import.progress` events).
 *
 * A file over 45 MB is refused as soon as it is picked, before it is read or sent (it would make a
 * message over the 64 MiB frame limit; see read-file.ts). A commit the data service still refuses
 * (e.g. the case filled up meanwhile through sync) stays on the mapping step with the service's
 * message in the form's error panel ("Nothing was imported …", commit-refusal.ts), which gets the
 * focus and so is scrolled into view; nothing was written.
 *
 * Cancel really cancels (import-stop.tsx): each preview and commit carries a fresh `importId`.
 * Cancel while a preview reads a file stops it (`import.abort`) and closes at once — a preview
 * writes nothing. Cancel while a commit reads or checks stops it too, and the dialog closes when
 * the service answers that nothing was written; if the first rows went in before the stop
 * arrived, the service says so and the dialog shows the stopped state, never a silent close.
 * Cancel while the rows are written asks first ("Stop the import? N of M rows
 * are written…"); on "Stop the import" the dialog shows "Stopping…" until the commit answers, then
 * the stopped import's final state, which asks to undo the written part or keep it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ColumnMapping, ImportPreview, ImportReport, ImportRequest } from '../../../shared/rpc/import';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { Dialog } from '../ui/dialog';
import { FormDialog } from '../ui/form-dialog';
import { ErrorPanel, Loading } from '../ui/states';
import { checkImportSize, readFileBase64 } from './read-file';
import { CommitRefusal, pickProblemTitle } from './commit-refusal';
import { FilePicker } from './file-picker';
import { MappingStep, type DateOrder } from './mapping-step';
import type { DecimalMarks } from './column-formats';
import { ImportReportView } from './import-report-view';
import { ImportDoubts } from './import-doubts';
import { RouteKindChoice, type RouteKindPick } from './route-kind-choice';
import { ImportProgressBar, importPhaseTexts, useImportProgress } from './import-progress';
import { ImportStopped, StopImportConfirm } from './import-stop';
import { RpcError } from '../data/rpc-error';

/** An error to show, with the panel's title when the error's own is not the right one. */
type Problem = { error: unknown; title?: string | undefined };

type Step =
  | { name: 'choose' }
  | { name: 'reading'; fileName: string }
  | { name: 'mapping'; file: { name: string; base64: string }; preview: ImportPreview; mapping: ColumnMapping; edited: boolean }
  | { name: 'done'; fileName: string; report: ImportReport }
  | { name: 'stopped'; fileName: string; report: ImportReport & { cancelled: NonNullable<ImportReport['cancelled']>; batchId: string } };

/** Props of {@link ImportDialog}. */
export interface ImportDialogProps {
  workspaceId: string;
  caseId: string;
  caseNumber: string;
  onClose: () => void;
}

/** The import dialog. */
export function ImportDialog(props: ImportDialogProps): ReactNode {
  const client = useClient();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const setError = (err: unknown): void => setProblem(err === null ? null : { error: err, title: pickProblemTitle(err) });
  const problemRef = useRef<HTMLDivElement>(null);
  // A problem shown after the user scrolled the mapping down must not go unseen.
  useEffect(() => {
    if (problem) problemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  const [dateOrder, setDateOrder] = useState<DateOrder>('auto');
  const [decimalMarks, setDecimalMarks] = useState<DecimalMarks>({});
  const [routeKind, setRouteKind] = useState<RouteKindPick>('auto');
  const [refreshing, setRefreshing] = useState(false);
  // Re-importing the same file needs a deliberate tick; rows matching the case are left out unless unticked.
  const [allowReimport, setAllowReimport] = useState(false);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  // A file marked stricter than the case (report.tlpConflict) goes in only with a deliberate tick.
  const [acceptTlp, setAcceptTlp] = useState(false);
  const requestNo = useRef(0);
  // While the commit runs: its progress (checking, then writing), shown above the mapping.
  const [committing, setCommitting] = useState(false);
  const progress = useImportProgress(props.workspaceId, props.caseId, step.name === 'mapping' ? step.file.name : '', committing);
  // The running preview's or commit's id (for import.abort); asking to stop, and stopping.
  const runId = useRef<string | null>(null);
  const [confirmStop, setConfirmStop] = useState(false);
  const [stopping, setStopping] = useState(false);
  /** Stops the running preview or commit, if any (the service answers its call once stopped). */
  const abortRun = (): void => {
    if (runId.current) void client.call('import.abort', { workspaceId: props.workspaceId, importId: runId.current }).catch(() => undefined);
  };
  /**
   * Cancel: while writing, ask first; while a commit reads or checks, stop and wait for its answer
   * (the commit's handler closes on 'cancelled'); a preview is stopped and the dialog closed.
   */
  const cancel = (): void => {
    if (stopping) return;
    if (committing && progress?.phase === 'writing') {
      setConfirmStop(true);
      return;
    }
    abortRun();
    if (committing) setStopping(true);
    else props.onClose();
  };
  const stop = (): void => {
    setConfirmStop(false);
    setStopping(true);
    abortRun();
  };

  const request = (file: { name: string; base64: string }, mapping?: ColumnMapping): ImportRequest => ({
    importId: (runId.current = crypto.randomUUID()),
    workspaceId: props.workspaceId,
    caseId: props.caseId,
    fileName: file.name,
    contentBase64: file.base64,
    ...(mapping ? { mapping } : {}),
    ...(dateOrder !== 'auto' ? { dateOrder } : {}),
    ...(Object.keys(decimalMarks).length ? { decimalMarks: { ...decimalMarks } } : {}),
    ...(routeKind !== 'auto' ? { routeKind } : {}),
    ...(allowReimport ? { allowReimport } : {}),
    ...(acceptTlp ? { acceptTlp } : {}),
    ...(skipDuplicates ? {} : { keepDuplicates: true }),
  });

  const pick = async (f: File): Promise<void> => {
    setError(null);
    try {
      checkImportSize(f); // before reading: a file this large is never read or sent
    } catch (err) {
      setError(err);
      return;
    }
    setStep({ name: 'reading', fileName: f.name });
    try {
      const file = { name: f.name, base64: await readFileBase64(f) };
      const preview = await client.call('import.preview', request(file));
      setStep({ name: 'mapping', file, preview, mapping: preview.mapping, edited: false });
    } catch (err) {
      setError(err);
      setStep({ name: 'choose' });
    }
  };

  // Re-run the dry run when the user changes the mapping, the date order or a decimal mark.
  const mappingKey = step.name === 'mapping' ? JSON.stringify([step.mapping, step.edited, dateOrder, decimalMarks, routeKind]) : '';
  useEffect(() => {
    if (step.name !== 'mapping' || (!step.edited && dateOrder === 'auto' && routeKind === 'auto' && !Object.keys(decimalMarks).length)) return;
    const no = ++requestNo.current;
    setRefreshing(true);
    const timer = setTimeout(() => {
      client
        .call('import.preview', request(step.file, step.mapping))
        .then((preview) => {
          if (no !== requestNo.current) return;
          setStep((s) => (s.name === 'mapping' ? { ...s, preview } : s));
          setError(null);
        })
        .catch((err: unknown) => no === requestNo.current && setError(err))
        .finally(() => no === requestNo.current && setRefreshing(false));
    }, 200);
    return () => clearTimeout(timer);
  }, [mappingKey]); // request() and step are read through the key

  const problemPanel = problem ? (
    <div ref={problemRef}>
      <ErrorPanel error={problem.error} title={problem.title} />
    </div>
  ) : null;

  if (step.name === 'mapping') {
    const { file, mapping, edited, preview } = step;
    // The preview counts without the duplicates it was asked to leave out; the checkbox may differ since.
    const toImport = preview.report.imported + preview.report.skippedDuplicates - (skipDuplicates ? preview.report.duplicateRows : 0);
    const routes = preview.report.routes;
    // Why the import cannot run as it stands (the button is disabled and this says why): the
    // service's own refusal (e.g. the case would pass its seizure limit), a file already in the
    // case, or nothing to import (every row a duplicate, held back for a choice, or rejected).
    const whyDisabled = preview.report.refusal
      ? preview.report.refusal
      : preview.report.previousImport && !allowReimport
        ? t('ui.import.why-disabled-reimport')
        : preview.report.tlpConflict && !acceptTlp
          ? t('ui.import.why-disabled-tlp')
        : toImport <= 0 && routes <= 0
          ? t(
              skipDuplicates && preview.report.duplicateRows > 0
                ? 'ui.import.why-disabled-all-duplicates'
                : // Rows held back for a choice the file does not make (a date order, a decimal mark): the fix is that choice, not the mapping.
                  preview.report.formats.some((f) => f.decidedBy === 'guess') && preview.report.rejectedRows > 0
                  ? 'ui.import.why-disabled-choose'
                  : 'ui.import.no-rows',
            )
          : null;
    const commit = (): Promise<void> => {
      setError(null);
      setCommitting(true);
      return client
        .call('import.commit', request(file, edited || preview.headers.length ? mapping : undefined))
        .then(
          (report) => setStep(report.cancelled && report.batchId ? { name: 'stopped', fileName: file.name, report: { ...report, cancelled: report.cancelled, batchId: report.batchId } } : { name: 'done', fileName: file.name, report }),
          (err: unknown) => {
            // Stopped before anything was written: the case is as it was, nothing to report.
            if (err instanceof RpcError && err.code === 'cancelled') return props.onClose();
            throw new CommitRefusal(err);
          },
        )
        .finally(() => {
          setCommitting(false);
          setStopping(false);
          setConfirmStop(false);
          runId.current = null;
        });
    };
    return (
      <>
        <FormDialog
          title={t('ui.import.title', { caseNumber: props.caseNumber })}
          description={file.name}
          onClose={cancel}
          size="xwide"
          className="import-dialog"
          footerNote={
            whyDisabled ? (
              <span className="import-disabled-reason" data-testid="import-disabled-reason">
                {whyDisabled}
              </span>
            ) : stopping ? (
              <span data-testid="import-stopping">{t(progress?.phase === 'writing' ? 'ui.import.stopping' : 'ui.import.stopping-busy')}</span>
            ) : committing ? (
              // The same phase as the progress bar: "nothing is written until you import" is no longer the news.
              importPhaseTexts(progress, file.name).footer
            ) : (
              t('ui.import.footer-note')
            )
          }
          submitLabel={toImport <= 0 && routes > 0 ? t('ui.import.import-routes', { count: routes }) : t('ui.import.import-count', { count: Math.max(0, toImport) })}
          submitDisabled={whyDisabled !== null || refreshing}
          busyLabel={stopping ? t('ui.import.stopping-busy') : t('ui.import.importing-busy')}
          onSubmit={commit}
        >
          {committing ? <ImportProgressBar progress={progress} fileName={file.name} /> : null}
          {problemPanel}
          {routes > 0 ? <RouteKindChoice report={preview.report} value={routeKind} onChange={setRouteKind} disabled={refreshing} /> : null}
          <ImportDoubts
            report={preview.report}
            caseNumber={props.caseNumber}
            allowReimport={allowReimport}
            onAllowReimport={setAllowReimport}
            acceptTlp={acceptTlp}
            onAcceptTlp={setAcceptTlp}
            skipDuplicates={skipDuplicates}
            onSkipDuplicates={setSkipDuplicates}
          />
          <MappingStep
            preview={preview}
            willImport={Math.max(0, toImport)}
            mapping={mapping}
            refreshing={refreshing}
            dateOrder={dateOrder}
            onDateOrder={setDateOrder}
            decimalMarks={decimalMarks}
            onDecimalMarks={setDecimalMarks}
            onMapping={(m) => setStep({ ...step, mapping: m, edited: true })}
          />
        </FormDialog>
        {confirmStop ? <StopImportConfirm progress={progress} onStop={stop} onContinue={() => setConfirmStop(false)} /> : null}
      </>
    );
  }

  if (step.name === 'stopped') return <ImportStopped workspaceId={props.workspaceId} caseId={props.caseId} fileName={step.fileName} report={step.report} onClose={props.onClose} />;

  const done = step.name === 'done';
  return (
    <Dialog
      title={done ? t('ui.import.report-title') : t('ui.import.title', { caseNumber: props.caseNumber })}
      description={done ? step.fileName : t('ui.import.formats')}
      onClose={done ? props.onClose : cancel}
      size="xwide"
      className="import-dialog"
      footer={
        done ? (
          <button type="button" className="btn btn-primary" onClick={props.onClose} autoFocus>
            {t('ui.import.done')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={cancel}>
            {t('ui.import.cancel')}
          </button>
        )
      }
    >
      <div className="dialog-body">
        {problemPanel}
        {step.name === 'choose' ? <FilePicker onPick={(f) => void pick(f)} /> : null}
        {step.name === 'reading' ? <Loading>{t('ui.import.reading', { fileName: step.fileName })}</Loading> : null}
        {done ? <ImportReportView report={step.report} final /> : null}
      </div>
    </Dialog>
  );
}
