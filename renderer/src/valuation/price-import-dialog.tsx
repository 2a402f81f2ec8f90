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
import { Dialog } from '../ui/dialog';
import { Icon } from '../ui/icons';
import { RejectedRowsTable } from '../ui/rejected-rows-table';
import { ErrorPanel, Notice } from '../ui/states';
import { formatCount } from '../format/numbers';
import { formatIsoDate } from '../format/dates';
import { unitPriceText } from './format';

/** Props of {@link PriceImportDialog}. */
export interface PriceImportDialogProps {
  lists: ReferenceLists;
  writer: Writer;
  onClose: () => void;
  onImported: (count: number) => void;
}

/** Largest price file read, in bytes. */
const MAX_BYTES = 8 * 1024 * 1024;

/** The price import dialog. */
export function PriceImportDialog(props: PriceImportDialogProps): ReactNode {
  const [file, setFile] = useState<{ name: string; result: PriceCsvResult } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const pick = async (f: File): Promise<void> => {
    setError(null);
    try {
      if (f.size > MAX_BYTES) throw new Error(`${f.name} is larger than 8 MB; split it.`);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await f.arrayBuffer());
      setFile({ name: f.name, result: parsePriceReferenceCsv(text) });
    } catch (err) {
      setError(err instanceof TypeError ? new Error(`${f.name} is not UTF-8 text: save it from the spreadsheet as “CSV UTF-8”.`) : err);
    }
  };

  const commit = (): void => {
    if (!file) return;
    try {
      props.lists.addPriceReferences(
        file.result.accepted.map((a) => ({ id: crypto.randomUUID(), fields: a.fields })),
        props.writer,
      );
      props.onImported(file.result.accepted.length);
      props.onClose();
    } catch (err) {
      setError(err);
    }
  };

  const n = file?.result.accepted.length ?? 0;
  const rejectedRows = file ? new Set(file.result.rejected.map((r) => r.line)).size : 0;
  return (
    <Dialog
      title="Import price references"
      description={file ? file.name : 'A CSV file with one price per row and its source.'}
      onClose={props.onClose}
      size="wide"
      className="price-import"
      footer={
        <>
          <span className="footer-note">Nothing is written until you add the prices. Rejected rows are left out.</span>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!n} onClick={commit}>
            <Icon name="upload" /> Add {formatCount(n)} price{n === 1 ? '' : 's'}
          </button>
        </>
      }
    >
      <div className="dialog-body stack">
        {error ? <ErrorPanel error={error} /> : null}
        <label className="dropzone">
          <span className="dropzone-icon">
            <Icon name="upload" size={22} />
          </span>
          <span className="dropzone-title">{file ? 'Choose another file' : 'Choose a CSV file'}</span>
          <span className="dropzone-text">
            Columns: commodity, taxon, low, high, currency, unit, market_level, place, country_iso2, date, citation_title, citation_url, notes. Numbers like 2100.5; dates
            YYYY-MM-DD.
          </span>
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
                <span className="report-tile-label">prices to add</span>
              </div>
              <div className={`report-tile${rejectedRows ? ' report-tile-bad' : ''}`}>
                <span className="report-tile-value" data-testid="prices-rejected">
                  {formatCount(rejectedRows)}
                </span>
                <span className="report-tile-label">rows rejected</span>
              </div>
              <div className="report-tile">
                <span className="report-tile-value">{formatCount(file.result.rowCount)}</span>
                <span className="report-tile-label">rows read</span>
              </div>
            </div>
            {file.result.rejected.length ? (
              <RejectedRowsTable rows={file.result.rejected.map((x) => ({ line: x.line, column: x.field, reason: x.reason }))} />
            ) : (
              <Notice kind="success">Every row is valid.</Notice>
            )}
            {n ? (
              <div className="table-card">
                <table className="data-table" aria-label="Prices to add">
                  <thead>
                    <tr>
                      <th scope="col" className="col-num">
                        <span className="th-label">Line</span>
                      </th>
                      <th scope="col">
                        <span className="th-label">Commodity</span>
                      </th>
                      <th scope="col">
                        <span className="th-label">Unit price</span>
                      </th>
                      <th scope="col">
                        <span className="th-label">Date</span>
                      </th>
                      <th scope="col">
                        <span className="th-label">Source</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {file.result.accepted.map((a) => (
                      <tr key={a.line}>
                        <td className="col-num">{a.line}</td>
                        <td className="cell-primary">{a.fields.commodity}</td>
                        <td className="col-nowrap">{unitPriceText(a.fields)}</td>
                        <td className="col-nowrap">{formatIsoDate(a.fields.date)}</td>
                        <td>
                          <span className="source-cell" title={a.fields.citationTitle}>
                            {a.fields.citationTitle}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
