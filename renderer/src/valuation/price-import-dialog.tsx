/**
 * Import price references from a CSV file (UTF-8, comma-separated, a header line; columns as in
 * docs/valuation.md § Price-reference CSV import). The file is read and checked here in the
 * renderer with the isomorphic `parsePriceReferenceCsv`: every good row is listed, every bad one is
 * rejected with its line, column and reason, and nothing is written until "Add N prices", which
 * stores all good rows in one transaction through `ReferenceLists.addPriceReferences` — the same
 * path, checks and read-only enforcement as a price typed in the form.
 */
import { useState, type ReactNode } from 'react';
import type { ReferenceLists } from '../../../shared/docs/reference-lists';
import type { Writer } from '../../../shared/docs/records';
import { parsePriceReferenceCsv, type PriceCsvResult } from '../../../shared/valuation/price-csv';
import { t } from '../../../shared/messages';
import { DataTable, type Column } from '../ui/data-table';
import { FormDialog } from '../ui/form-dialog';
import { Icon } from '../ui/icons';
import { RejectedRowsTable } from '../ui/rejected-rows-table';
import { ErrorPanel, Notice } from '../ui/states';
import { formatCount } from '../format/numbers';
import { formatIsoDate } from '../format/dates';
import { unitPriceText } from './format';
import './price-import-dialog.css';

/** Props of {@link PriceImportDialog}. */
export interface PriceImportDialogProps {
  lists: ReferenceLists;
  writer: Writer;
  onClose: () => void;
  onImported: (count: number) => void;
}

/** Largest price file read, in bytes. */
const MAX_BYTES = 8 * 1024 * 1024;

/** The columns of the table of rows to add (headers in the current locale). */
const acceptedColumns = (): Column<PriceCsvResult['accepted'][number]>[] => [
  { id: 'line', header: t('valuation.import.col-line'), numeric: true, cell: (a) => a.line },
  { id: 'commodity', header: t('valuation.common.commodity'), className: 'cell-primary', cell: (a) => a.fields.commodity },
  { id: 'price', header: t('valuation.import.col-price'), className: 'col-nowrap', cell: (a) => unitPriceText(a.fields) },
  { id: 'date', header: t('valuation.common.date'), className: 'col-nowrap', cell: (a) => formatIsoDate(a.fields.date) },
  {
    id: 'source',
    header: t('valuation.common.source'),
    cell: (a) => (
      <span className="source-cell" title={a.fields.citationTitle}>
        {a.fields.citationTitle}
      </span>
    ),
  },
];

/** The price import dialog. */
export function PriceImportDialog(props: PriceImportDialogProps): ReactNode {
  const [file, setFile] = useState<{ name: string; result: PriceCsvResult } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const pick = async (f: File): Promise<void> => {
    setError(null);
    try {
      if (f.size > MAX_BYTES) throw new Error(t('valuation.import.too-large', { file: f.name }));
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await f.arrayBuffer());
      setFile({ name: f.name, result: parsePriceReferenceCsv(text) });
    } catch (err) {
      setError(err instanceof TypeError ? new Error(t('valuation.import.not-utf8', { file: f.name })) : err);
    }
  };

  /** Stores every good row in one transaction; a refused write throws and FormDialog shows it. */
  const commit = (): void => {
    if (!file) return;
    props.lists.addPriceReferences(
      file.result.accepted.map((a) => ({ id: crypto.randomUUID(), fields: a.fields })),
      props.writer,
    );
    props.onImported(file.result.accepted.length);
    props.onClose();
  };

  const n = file?.result.accepted.length ?? 0;
  const rejectedRows = file ? new Set(file.result.rejected.map((r) => r.line)).size : 0;
  return (
    <FormDialog
      title={t('valuation.import.title')}
      description={file ? file.name : t('valuation.import.description')}
      onClose={props.onClose}
      size="wide"
      className="price-import"
      formClassName="dialog-body stack"
      footerNote={t('valuation.import.footer')}
      submitIcon="upload"
      submitLabel={t('valuation.import.submit', { count: n })}
      submitDisabled={!n}
      onSubmit={commit}
    >
        {error ? <ErrorPanel error={error} /> : null}
        <label className="dropzone">
          <span className="dropzone-icon">
            <Icon name="upload" size={22} />
          </span>
          <span className="dropzone-title">{file ? t('valuation.import.choose-another') : t('valuation.import.choose')}</span>
          <span className="dropzone-text">{t('valuation.import.columns')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            data-testid="price-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void pick(f);
              e.target.value = '';
            }}
          />
        </label>
        {file ? (
          <>
            <div className="report-tiles" data-testid="price-import-report">
              <div className="report-tile">
                <span className="report-tile-value" data-testid="prices-accepted">
                  {formatCount(n)}
                </span>
                <span className="report-tile-label">{t('valuation.import.to-add', { count: n })}</span>
              </div>
              <div className={`report-tile${rejectedRows ? ' report-tile-bad' : ''}`}>
                <span className="report-tile-value" data-testid="prices-rejected">
                  {formatCount(rejectedRows)}
                </span>
                <span className="report-tile-label">{t('valuation.import.rejected', { count: rejectedRows })}</span>
              </div>
              <div className="report-tile">
                <span className="report-tile-value">{formatCount(file.result.rowCount)}</span>
                <span className="report-tile-label">{t('valuation.import.read', { count: file.result.rowCount })}</span>
              </div>
            </div>
            {file.result.rejected.length ? (
              <RejectedRowsTable rows={file.result.rejected} toRow={(x) => ({ line: x.line, column: x.field, reason: x.reason })} />
            ) : (
              <Notice kind="success">{t('valuation.import.all-valid')}</Notice>
            )}
            {n ? (
              <div className="table-card">
                <DataTable label={t('valuation.import.table-label')} scroll={false} rows={file.result.accepted} rowKey={(a) => String(a.line)} columns={acceptedColumns()} />
              </div>
            ) : null}
          </>
        ) : null}
    </FormDialog>
  );
}
