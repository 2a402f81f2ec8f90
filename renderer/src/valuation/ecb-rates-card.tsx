/**
 * The ECB card of the exchange-rates screen: the euro reference rates shipped with the app and the
 * ones in use in this workspace (shipped plus any newer ECB files imported, kept in the workspace's
 * local database, never in the shared docs), importing a newer file with its report, and the list
 * of imported files, each removable.
 */
import { useState, type ReactNode } from 'react';
import type { EcbImportReport, RatesInfo } from '../../../shared/rpc/valuation';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { useMembers } from '../hooks/use-members';
import { readFileBase64 } from '../import/read-file';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { CopyButton } from '../ui/copy-button';
import { DataTable, type Column } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { ErrorPanel, Notice, Spinner } from '../ui/states';
import { formatCount } from '../format/numbers';
import { formatIsoDate } from '../format/dates';
import { actionsColumn } from './row-actions';
import './valuation-common.css';
import './exchange-rates.css';

/** Props of {@link EcbRatesCard}. */
export interface EcbRatesCardProps {
  workspaceId: string;
  /** The rates as the data service reports them (`valuation.rates`). */
  info: RatesInfo;
  /** May this member import and remove ECB files. */
  canImport: boolean;
  /** Called after a file was imported or removed, to read the rates again. */
  onChanged: () => void;
}

type EcbFileRow = RatesInfo['imported'][number];

/** The one-line report of an ECB import. */
function reportText(r: EcbImportReport): string {
  const changed = r.changedRates ? t('valuation.rates.report-changed', { count: r.changedRates }) : '';
  if (r.duplicate) return t('valuation.rates.report-duplicate', { file: r.file.fileName }) + changed;
  const main = t('valuation.rates.report', {
    file: r.file.fileName,
    days: r.file.rowCount,
    newDates: r.newDates,
    last: formatIsoDate(r.lastDate),
    previous: formatIsoDate(r.previousLastDate),
  });
  return main + changed;
}

/** The ECB rates card. */
export function EcbRatesCard(props: EcbRatesCardProps): ReactNode {
  const { workspaceId, info: d, canImport, onChanged } = props;
  const client = useClient();
  const members = useMembers(workspaceId);
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<EcbImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<number | null>(null);

  const importFile = async (f: File): Promise<void> => {
    setImporting(true);
    setError(null);
    setReport(null);
    try {
      const r = await client.call('valuation.importEcb', { workspaceId, fileName: f.name, contentBase64: await readFileBase64(f) });
      setReport(r);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setImporting(false);
    }
  };

  const columns: Column<EcbFileRow>[] = [
    {
      id: 'file',
      header: t('valuation.rates.col-file'),
      cell: (f) => (
        <>
          <span className="cell-primary">{f.fileName}</span>
          <span className="cell-secondary mono" title={t('valuation.rates.sha-tip')}>
            {f.sha256.slice(0, 16)}…
          </span>
        </>
      ),
    },
    { id: 'covers', header: t('valuation.rates.col-covers'), className: 'col-nowrap', cell: (f) => t('valuation.rates.range', { first: formatIsoDate(f.firstDate), last: formatIsoDate(f.lastDate) }) },
    { id: 'days', header: t('valuation.rates.col-days'), numeric: true, cell: (f) => formatCount(f.rowCount) },
    {
      id: 'imported',
      header: t('valuation.rates.col-imported'),
      cell: (f) => (
        <>
          {formatIsoDate(new Date(f.importedAt).toISOString().slice(0, 10))}
          <span className="cell-secondary">{t('valuation.rates.by', { name: members.get(f.importedBy)?.name ?? t('valuation.rates.a-member') })}</span>
        </>
      ),
    },
    actionsColumn<EcbFileRow>((f) =>
      canImport ? (
        <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={t('valuation.rates.remove-file', { file: f.fileName })} onClick={() => setRemoving(f.id)}>
          <Icon name="trash" size={14} />
        </button>
      ) : null,
    ),
  ];
  // The file name in the hint is set in monospace; the sentence stays one catalogue entry.
  const [hintBefore, hintAfter] = t('valuation.rates.no-file', { date: formatIsoDate(d.shipped.lastDate), file: '\u0000' }).split('\u0000');

  return (
    <section className="card" aria-labelledby="ecb-title" data-testid="ecb-card">
      <div className="card-header">
        <Icon name="database" />
        <h2 id="ecb-title">{t('valuation.rates.ecb-title')}</h2>
        <span className="grow" />
        {canImport ? (
          <label className={`btn btn-primary btn-sm${importing ? ' is-busy' : ''}`}>
            {importing ? <Spinner label={t('valuation.rates.importing')} /> : <Icon name="upload" size={14} />} {t('valuation.rates.import')}
            <input
              type="file"
              accept=".csv,text/csv"
              className="visually-hidden"
              data-testid="ecb-file"
              disabled={importing}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void importFile(f);
                e.target.value = '';
              }}
            />
          </label>
        ) : null}
      </div>
      <div className="card-body stack">
        <div className="coverage-grid">
          <div className="coverage">
            <span className="stat-label">{t('valuation.rates.shipped')}</span>
            <span className="coverage-range">{t('valuation.rates.range', { first: formatIsoDate(d.shipped.firstDate), last: formatIsoDate(d.shipped.lastDate) })}</span>
            <span className="stat-note">{t('valuation.rates.shipped-note', { days: d.shipped.rowCount, currencies: d.shipped.currencies.length, file: d.shipped.fileName })}</span>
          </div>
          <div className="coverage coverage-effective" data-testid="ecb-effective">
            <span className="stat-label">{t('valuation.rates.in-use')}</span>
            <span className="coverage-range">{t('valuation.rates.range', { first: formatIsoDate(d.effective.firstDate), last: formatIsoDate(d.effective.lastDate) })}</span>
            <span className="stat-note">{t('valuation.rates.in-use-note', { days: d.effective.rowCount, files: d.imported.length })}</span>
          </div>
          <div className="coverage coverage-source">
            <span className="stat-label">{t('valuation.rates.source')}</span>
            <span className="coverage-source-title">{d.source.title}</span>
            <span className="url-box">
              <span className="url-text">{d.source.url}</span>
              <CopyButton text={d.source.url} what={t('valuation.rates.copy-ecb')} />
            </span>
          </div>
        </div>
        {error ? <ErrorPanel error={error} /> : null}
        {report ? (
          <Notice kind={report.duplicate ? 'info' : 'success'}>
            <span data-testid="ecb-report">{reportText(report)}</span>
          </Notice>
        ) : null}
        {d.imported.length ? (
          <div className="table-card">
            <DataTable label={t('valuation.rates.files-label')} scroll={false} rows={d.imported} rowKey={(f) => String(f.id)} columns={columns} />
          </div>
        ) : (
          <p className="muted small">
            {hintBefore}
            <span className="mono">eurofxref-hist.csv</span>
            {hintAfter}
          </p>
        )}
      </div>
      {removing !== null ? (
        <ConfirmDialog
          title={t('valuation.rates.remove-title')}
          confirmLabel={t('valuation.rates.remove-confirm')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing;
            setRemoving(null);
            client.call('valuation.removeEcb', { workspaceId, id }).then(onChanged, setError);
          }}
        >
          <p>{t('valuation.rates.remove-text')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
