/**
 * The mapping step of the import dialog: what was detected (format, encoding, delimiter, how the
 * mapping was chosen), the date order, the column mapping, the sample rows, how each number, date
 * and coordinate column was read (with the decimal-mark choice, column-formats.tsx) and the dry-run report
 * of `import.preview` for the current mapping.
 */
import type { ReactNode } from 'react';
import type { ColumnMapping, ImportPreview } from '../../../shared/rpc/import';
import { t } from '../../../shared/messages';
import { Spinner } from '../ui/states';
import { MappingTable } from './mapping-table';
import { SampleRows } from './sample-rows';
import { ImportReportView } from './import-report-view';
import { ColumnFormats, type DecimalMarks } from './column-formats';
import { FORMAT_LABELS, mappingSourceText } from './target-labels';

/** How dates like 03/04/2019 are read: detected from the file, day first, or month first. */
export type DateOrder = 'auto' | 'DMY' | 'MDY';

/** Props of {@link MappingStep}. */
export interface MappingStepProps {
  preview: ImportPreview;
  /** The seizures the import button would write (duplicates left out or kept, as ticked). */
  willImport: number;
  mapping: ColumnMapping;
  /** A new dry run for a changed mapping is under way. */
  refreshing: boolean;
  dateOrder: DateOrder;
  onDateOrder: (d: DateOrder) => void;
  /** The user's decimal mark per number column that does not show its own. */
  decimalMarks: DecimalMarks;
  onDecimalMarks: (m: DecimalMarks) => void;
  onMapping: (m: ColumnMapping) => void;
}

/** The mapping step. */
export function MappingStep(props: MappingStepProps): ReactNode {
  const { preview } = props;
  const source = mappingSourceText(preview.mappingSource, preview.format);
  return (
    <div className="import-mapping">
      <div className="import-facts">
        <span className="tag">{FORMAT_LABELS[preview.format]}</span>
        {preview.format === 'csv' ? (
          <>
            <span className="tag">{preview.encoding}</span>
            <span className="tag">{t('ui.import.delimiter', { delimiter: preview.delimiter === '\t' ? 'tab' : preview.delimiter })}</span>
          </>
        ) : null}
        <span className={`tag ${preview.mappingSource === 'guessed' ? 'tag-warning' : 'tag-success'}`} data-testid="mapping-source">
          {t('ui.import.mapping-source', { label: source.label })}
        </span>
        <span className="muted small">{source.text}</span>
        <span className="grow" />
        {preview.format === 'csv' ? (
          <label className="row small">
            {t('ui.import.dates-are')}
            <select className="select select-sm date-order" value={props.dateOrder} onChange={(e) => props.onDateOrder(e.target.value as DateOrder)}>
              <option value="auto">{t('ui.import.date-order-auto')}</option>
              <option value="DMY">{t('ui.import.date-order-dmy')}</option>
              <option value="MDY">{t('ui.import.date-order-mdy')}</option>
            </select>
          </label>
        ) : null}
      </div>
      {preview.report.swapCoordinates ? <SwapCoordinates {...preview.report.swapCoordinates} mapping={props.mapping} onMapping={props.onMapping} /> : null}
      {preview.headers.length ? <MappingTable headers={preview.headers} sampleRows={preview.sampleRows} mapping={props.mapping} mappingSource={preview.mappingSource} onChange={props.onMapping} /> : null}
      <SampleRows headers={preview.headers} rows={preview.sampleRows} />
      <ColumnFormats formats={preview.report.formats} decimalMarks={props.decimalMarks} onDecimalMarks={props.onDecimalMarks} />
      <div className="section-header import-dryrun-header">
        <h3>{t('ui.import.dry-run')}</h3>
        {props.refreshing ? <Spinner label={t('ui.import.checking-again')} /> : <span className="muted small">{t('ui.import.dry-run-hint')}</span>}
      </div>
      <ImportReportView report={preview.report} willImport={props.willImport} />
    </div>
  );
}

/** The one-click fix for latitude and longitude columns that look swapped: exchanges their targets in the mapping. */
function SwapCoordinates(props: { latitude: string; longitude: string; mapping: ColumnMapping; onMapping: (m: ColumnMapping) => void }): ReactNode {
  const swap = (): void => props.onMapping({ ...props.mapping, [props.latitude]: 'longitude', [props.longitude]: 'latitude' });
  return (
    <div className="row small import-swap" data-testid="swap-coordinates">
      <span>{t('ui.import.swap-coordinates-hint', { latitude: props.latitude, longitude: props.longitude })}</span>
      <button type="button" className="btn btn-sm" onClick={swap}>
        {t('ui.import.swap-coordinates')}
      </button>
    </div>
  );
}
