/**
 * Import seizures into a case from a CSV, KML, GPX or GeoJSON file, in three steps:
 * 1. choose a file (an <input type=file>, so it works in Electron too);
 * 2. check the column mapping (pre-filled with the remembered or guessed mapping), the sample
 *    rows and the dry-run report from `import.preview` — re-run whenever the mapping changes;
 * 3. import with `import.commit` and show the final report: imported, rejected rows with line,
 *    column and reason, blank rows skipped, seizures without location, routes.
 *
 * A file over 45 MB is refused as soon as it is picked, before it is read or sent (it would make a
 * message over the 64 MiB frame limit; see read-file.ts). A commit the data service refuses —
 * e.g. `too-large` when the case would exceed its seizure limit — returns to the mapping step
 * with the service's message in a panel at the top, scrolled into view; nothing was written.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { RpcError } from '../data/rpc-error';
import type { ColumnMapping, ImportPreview, ImportReport, ImportRequest } from '../../../shared/rpc/import';
import { useClient } from '../app/services';
import { Dialog } from '../ui/dialog';
import { Icon } from '../ui/icons';
import { ErrorPanel, Loading, Spinner } from '../ui/states';
import { formatCount } from '../format/numbers';
import { checkImportSize, FileTooLargeError, formatMegabytes, MAX_IMPORT_BYTES, readFileBase64 } from './read-file';
import { MappingTable } from './mapping-table';
import { SampleRows } from './sample-rows';
import { ImportReportView } from './import-report-view';
import { FORMAT_LABELS, mappingSourceText } from './target-labels';

type DateOrder = 'auto' | 'DMY' | 'MDY';
/** An error to show, with the panel's title when the error's own is not the right one. */
type Problem = { error: unknown; title?: string };

/** The panel title for an error of the import dialog (file refused, commit refused, other). */
function problemTitle(err: unknown, committing: boolean): string | undefined {
  if (err instanceof FileTooLargeError) return 'This file is too large to import here';
  if (committing && err instanceof RpcError && err.code === 'too-large') return 'Nothing was imported: the case would hold too many seizures';
  if (committing) return 'Nothing was imported';
  return undefined;
}
type Step =
  | { name: 'choose' }
  | { name: 'reading'; fileName: string }
  | { name: 'mapping'; file: { name: string; base64: string }; preview: ImportPreview; mapping: ColumnMapping; edited: boolean }
  | { name: 'committing'; fileName: string }
  | { name: 'done'; fileName: string; report: ImportReport };

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
  const setError = (err: unknown, committing = false): void => setProblem(err === null ? null : { error: err, title: problemTitle(err, committing) });
  const problemRef = useRef<HTMLDivElement>(null);
  // A problem shown after the user scrolled the mapping down must not go unseen.
  useEffect(() => {
    if (problem) problemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  const [dateOrder, setDateOrder] = useState<DateOrder>('auto');
  const [refreshing, setRefreshing] = useState(false);
  const requestNo = useRef(0);

  const request = (file: { name: string; base64: string }, mapping?: ColumnMapping): ImportRequest => ({
    workspaceId: props.workspaceId,
    caseId: props.caseId,
    fileName: file.name,
    contentBase64: file.base64,
    ...(mapping ? { mapping } : {}),
    ...(dateOrder !== 'auto' ? { dateOrder } : {}),
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

  // Re-run the dry run when the user changes the mapping or the date order.
  const mappingKey = step.name === 'mapping' ? JSON.stringify([step.mapping, step.edited, dateOrder]) : '';
  useEffect(() => {
    if (step.name !== 'mapping' || (!step.edited && dateOrder === 'auto')) return;
    const no = ++requestNo.current;
    setRefreshing(true);
    const t = setTimeout(() => {
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
    return () => clearTimeout(t);
  }, [mappingKey]); // request() and step are read through the key


  const commit = (): void => {
    if (step.name !== 'mapping') return;
    const { file, mapping, edited } = step;
    setError(null);
    setStep({ name: 'committing', fileName: file.name });
    client.call('import.commit', request(file, edited || step.preview.headers.length ? mapping : undefined)).then(
      (report) => setStep({ name: 'done', fileName: file.name, report }),
      (err: unknown) => {
        setError(err, true);
        setStep({ ...step });
      },
    );
  };

  const willImport = step.name === 'mapping' ? step.preview.report.imported : 0;
  const footer =
    step.name === 'mapping' ? (
      <>
        <span className="footer-note">Nothing is written until you import. Rejected rows are listed and left out.</span>
        <button type="button" className="btn" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={commit} disabled={refreshing || willImport === 0}>
          <Icon name="upload" /> Import {formatCount(willImport)} seizure{willImport === 1 ? '' : 's'}
        </button>
      </>
    ) : step.name === 'done' ? (
      <button type="button" className="btn btn-primary" onClick={props.onClose} autoFocus>
        Done
      </button>
    ) : (
      <button type="button" className="btn" onClick={props.onClose}>
        Cancel
      </button>
    );

  return (
    <Dialog
      title={step.name === 'done' ? 'Import report' : `Import seizures into ${props.caseNumber}`}
      description={step.name === 'done' ? step.fileName : step.name === 'mapping' ? step.file.name : 'CSV (any delimiter and encoding), KML, GPX or GeoJSON.'}
      onClose={props.onClose}
      size="xwide"
      footer={footer}
      className="import-dialog"
    >
      <div className="dialog-body">
        {problem ? (
          <div ref={problemRef}>
            <ErrorPanel error={problem.error} title={problem.title} />
          </div>
        ) : null}
        {step.name === 'choose' ? <FilePicker onPick={(f) => void pick(f)} /> : null}
        {step.name === 'reading' ? <Loading>Reading {step.fileName} and checking every row…</Loading> : null}
        {step.name === 'committing' ? <Loading>Importing {step.fileName}…</Loading> : null}
        {step.name === 'mapping' ? (
          <MappingStep
            preview={step.preview}
            mapping={step.mapping}
            refreshing={refreshing}
            dateOrder={dateOrder}
            onDateOrder={setDateOrder}
            onMapping={(m) => setStep({ ...step, mapping: m, edited: true })}
          />
        ) : null}
        {step.name === 'done' ? <ImportReportView report={step.report} final /> : null}
      </div>
    </Dialog>
  );
}

function FilePicker(props: { onPick: (f: File) => void }): ReactNode {
  return (
    <label className="dropzone">
      <span className="dropzone-icon">
        <Icon name="upload" size={22} />
      </span>
      <span className="dropzone-title">Choose a file to import</span>
      <span className="dropzone-text">
        A spreadsheet saved as CSV, a KML or GPX file from a GPS or Google Earth, or GeoJSON. Up to {formatMegabytes(MAX_IMPORT_BYTES)} MB; for larger files use <code>npm run import</code>.
      </span>
      <span className="btn btn-primary">Browse…</span>
      <input
        type="file"
        className="visually-hidden"
        accept=".csv,.tsv,.txt,.kml,.gpx,.geojson,.json,text/csv,application/vnd.google-earth.kml+xml,application/geo+json"
        aria-label="File to import"
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) props.onPick(f);
          e.target.value = '';
        }}
      />
    </label>
  );
}

function MappingStep(props: {
  preview: ImportPreview;
  mapping: ColumnMapping;
  refreshing: boolean;
  dateOrder: DateOrder;
  onDateOrder: (d: DateOrder) => void;
  onMapping: (m: ColumnMapping) => void;
}): ReactNode {
  const { preview } = props;
  const source = mappingSourceText(preview.mappingSource, preview.format);
  return (
    <div className="import-mapping">
      <div className="import-facts">
        <span className="tag">{FORMAT_LABELS[preview.format]}</span>
        {preview.format === 'csv' ? (
          <>
            <span className="tag">{preview.encoding}</span>
            <span className="tag">delimiter “{preview.delimiter === '\t' ? 'tab' : preview.delimiter}”</span>
          </>
        ) : null}
        <span className={`tag ${preview.mappingSource === 'guessed' ? 'tag-warning' : 'tag-success'}`} data-testid="mapping-source">
          Mapping: {source.label}
        </span>
        <span className="muted small">{source.text}</span>
        <span className="grow" />
        {preview.format === 'csv' ? (
          <label className="row small">
            Dates like 03/04/2019 are
            <select className="select select-sm date-order" value={props.dateOrder} onChange={(e) => props.onDateOrder(e.target.value as DateOrder)}>
              <option value="auto">detected</option>
              <option value="DMY">day/month</option>
              <option value="MDY">month/day</option>
            </select>
          </label>
        ) : null}
      </div>
      {preview.headers.length ? <MappingTable headers={preview.headers} sampleRows={preview.sampleRows} mapping={props.mapping} mappingSource={preview.mappingSource} onChange={props.onMapping} /> : null}
      <SampleRows headers={preview.headers} rows={preview.sampleRows} />
      <div className="section-header import-dryrun-header">
        <h3>Dry run</h3>
        {props.refreshing ? <Spinner label="Checking again" /> : <span className="muted small">what would happen with this mapping</span>}
      </div>
      <ImportReportView report={preview.report} />
    </div>
  );
}
