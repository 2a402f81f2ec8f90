/**
 * Exchange rates: the ECB euro reference rates shipped with the app and any newer ECB files
 * imported into this workspace (kept in its local database, never in the shared docs), a rate
 * checker (one currency into another at a date, with the quotes and their dates), and the rates
 * members entered, with their sources, for currencies the ECB does not quote.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { EcbImportReport } from '../../../shared/rpc/valuation';
import type { ExchangeRate } from '../../../shared/domain/exchange-rate';
import { formatSignificant } from '../../../shared/valuation/money';
import { useClient, useIdentity } from '../app/services';
import { useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { useMembers } from '../hooks/use-members';
import { readFileBase64 } from '../import/read-file';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icons';
import { DataTable } from '../ui/data-table';
import { EmptyState, ErrorPanel, Loading, Notice, Spinner } from '../ui/states';
import { useToast } from '../ui/toast';
import { formatCount } from '../format/numbers';
import { formatIsoDate } from '../format/dates';
import { useReferenceLists } from './use-reference-lists';
import { UserRateDialog } from './user-rate-dialog';
import { canIn } from '../members/use-can';
import { RateChecker } from './rate-checker';
import './valuation.css';

/** The exchange-rates screen. */
export function ExchangeRatesScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  useDocumentTitle('Exchange rates');
  const client = useClient();
  const identity = useIdentity();
  const toast = useToast();
  const members = useMembers(ws.id);
  const info = useLiveQuery('valuation.rates', { workspaceId: ws.id });
  const lists = useReferenceLists(ws.id);
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<EcbImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState<{ rate: ExchangeRate | null } | null>(null);
  const [deleting, setDeleting] = useState<ExchangeRate | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const writer = useMemo(() => ({ memberId: identity.memberId }), [identity.memberId]);

  const importFile = async (f: File): Promise<void> => {
    setImporting(true);
    setError(null);
    setReport(null);
    try {
      const r = await client.call('valuation.importEcb', { workspaceId: ws.id, fileName: f.name, contentBase64: await readFileBase64(f) });
      setReport(r);
      info.reload();
    } catch (err) {
      setError(err);
    } finally {
      setImporting(false);
    }
  };

  if (!info.data || !lists) return info.error ? <div className="page"><ErrorPanel error={info.error} onRetry={info.reload} /></div> : <Loading full>Reading the exchange rates…</Loading>;
  const d = info.data;
  const readOnlyRates = lists.readOnly || !canIn(ws, 'rates.edit');
  const canImport = canIn(ws, 'rates.import');
  const currencies = [...new Set(['EUR', ...d.effective.currencies, ...lists.rates.map((r) => r.currency)])].sort();

  return (
    <div className="page page-wide rates-page">
      <div className="page-header">
        <div className="page-header-text">
          <div className="page-eyebrow">Valuation</div>
          <h1>Exchange rates</h1>
          <p className="page-subtitle">
            Every conversion goes through the euro at the rate published on or before the seizure date, and shows that rate and its date. A rate more than {d.staleAfterDays}{' '}
            days older than the date it converts is flagged stale.
          </p>
        </div>
      </div>

      <section className="card" aria-labelledby="ecb-title" data-testid="ecb-card">
        <div className="card-header">
          <Icon name="database" />
          <h2 id="ecb-title">ECB euro reference rates</h2>
          <span className="grow" />
          {canImport ? (
            <label className={`btn btn-primary btn-sm${importing ? ' is-busy' : ''}`}>
              {importing ? <Spinner label="Importing" /> : <Icon name="upload" size={14} />} Import a newer ECB file
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
              <span className="stat-label">Shipped with NEST Desk</span>
              <span className="coverage-range">
                {formatIsoDate(d.shipped.firstDate)} – {formatIsoDate(d.shipped.lastDate)}
              </span>
              <span className="stat-note">
                {formatCount(d.shipped.rowCount)} business days · {d.shipped.currencies.length} currencies, some no longer quoted · {d.shipped.fileName}
              </span>
            </div>
            <div className="coverage coverage-effective" data-testid="ecb-effective">
              <span className="stat-label">In use in this workspace</span>
              <span className="coverage-range">
                {formatIsoDate(d.effective.firstDate)} – {formatIsoDate(d.effective.lastDate)}
              </span>
              <span className="stat-note">
                {formatCount(d.effective.rowCount)} business days · {d.imported.length ? `${d.imported.length} imported file${d.imported.length === 1 ? '' : 's'}` : 'no imported file'}
              </span>
            </div>
            <div className="coverage coverage-source">
              <span className="stat-label">Source</span>
              <span className="coverage-source-title">{d.source.title}</span>
              <span className="url-box">
                <span className="url-text">{d.source.url}</span>
                <CopyButton text={d.source.url} what="the ECB address" />
              </span>
            </div>
          </div>
          {error ? <ErrorPanel error={error} /> : null}
          {report ? (
            <Notice kind={report.duplicate ? 'info' : 'success'}>
              <span data-testid="ecb-report">
                {report.duplicate
                  ? `${report.file.fileName} was already imported; nothing changed.`
                  : `${report.file.fileName}: ${formatCount(report.file.rowCount)} days read. ${formatCount(report.newDates)} new business day${report.newDates === 1 ? '' : 's'}; rates now run to ${formatIsoDate(report.lastDate)} (before: ${formatIsoDate(report.previousLastDate)}).`}
                {report.changedRates ? ` ${formatCount(report.changedRates)} rates differ from the data already held; the file’s values are used from now on.` : ''}
              </span>
            </Notice>
          ) : null}
          {d.imported.length ? (
            <div className="table-card">
              <DataTable
                label="Imported ECB files"
                scroll={false}
                rows={d.imported}
                rowKey={(f) => String(f.id)}
                columns={[
                  {
                    id: 'file',
                    header: 'File',
                    cell: (f) => (
                      <>
                        <span className="cell-primary">{f.fileName}</span>
                        <span className="cell-secondary mono" title="SHA-256 of the file">
                          {f.sha256.slice(0, 16)}…
                        </span>
                      </>
                    ),
                  },
                  { id: 'covers', header: 'Covers', className: 'col-nowrap', cell: (f) => `${formatIsoDate(f.firstDate)} – ${formatIsoDate(f.lastDate)}` },
                  { id: 'days', header: 'Days', numeric: true, cell: (f) => formatCount(f.rowCount) },
                  {
                    id: 'imported',
                    header: 'Imported',
                    cell: (f) => (
                      <>
                        {formatIsoDate(new Date(f.importedAt).toISOString().slice(0, 10))}
                        <span className="cell-secondary">by {members.get(f.importedBy)?.name ?? 'a member'}</span>
                      </>
                    ),
                  },
                  {
                    id: 'actions',
                    header: 'Actions',
                    hideHeader: true,
                    className: 'col-actions',
                    headerClassName: 'col-actions',
                    cell: (f) =>
                      canImport ? (
                        <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Remove ${f.fileName}`} onClick={() => setRemoving(f.id)}>
                          <Icon name="trash" size={14} />
                        </button>
                      ) : null,
                  },
                ]}
              />
            </div>
          ) : (
            <p className="muted small">
              After {formatIsoDate(d.shipped.lastDate)} conversions use the last shipped rate and are flagged stale. Download <span className="mono">eurofxref-hist.csv</span> from the ECB on a
              machine allowed to reach the internet, then import it here. It stays on this computer, in this workspace’s database.
            </p>
          )}
        </div>
      </section>

      <div className="rates-row">
      <section className="table-card" aria-labelledby="user-rates-title" data-testid="user-rates">
        <div className="table-toolbar">
          <div className="grow">
            <h2 id="user-rates-title" className="toolbar-title">
              Rates entered by members
            </h2>
            <span className="muted small">For currencies the ECB does not quote (e.g. VND, NGN, KES, XOF), each with its source.</span>
          </div>
          {readOnlyRates ? null : (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setForm({ rate: null })}>
              <Icon name="plus" size={14} /> Add a rate
            </button>
          )}
        </div>
        {lists.rates.length === 0 ? (
          <EmptyState icon="globe" title="No rates entered">
            Seizures priced in a currency the ECB does not quote cannot be valued until a rate is entered here.
          </EmptyState>
        ) : (
          <DataTable
            label="Rates entered by members"
            scroll={false}
            rows={lists.rates}
            rowKey={(r) => r.id}
            columns={[
              { id: 'currency', header: 'Currency', className: 'cell-primary mono', cell: (r) => r.currency },
              {
                id: 'rate',
                header: 'Rate',
                numeric: true,
                className: 'col-nowrap',
                cell: (r) => (r.perUsd !== null ? `${formatSignificant(r.perUsd, 12)} ${r.currency} per USD` : `${formatSignificant(r.perEur ?? 0, 12)} ${r.currency} per EUR`),
              },
              { id: 'date', header: 'Applies from', className: 'col-nowrap', cell: (r) => formatIsoDate(r.date) },
              {
                id: 'source',
                header: 'Source',
                cell: (r) => (
                  <>
                    {r.source}
                    {r.notes ? <span className="cell-secondary">{r.notes}</span> : null}
                  </>
                ),
              },
              {
                id: 'actions',
                header: 'Actions',
                hideHeader: true,
                className: 'col-actions',
                headerClassName: 'col-actions',
                cell: (r) =>
                  readOnlyRates ? null : (
                    <span className="row-actions">
                      <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Edit rate: ${r.currency} ${r.date}`} onClick={() => setForm({ rate: r })}>
                        <Icon name="edit" size={14} />
                      </button>
                      <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Delete rate: ${r.currency} ${r.date}`} onClick={() => setDeleting(r)}>
                        <Icon name="trash" size={14} />
                      </button>
                    </span>
                  ),
              },
            ]}
          />
        )}
        {readOnlyRates ? <p className="muted small table-note">Only workspace admins can change these rates.</p> : null}
      </section>
      <RateChecker workspaceId={ws.id} currencies={currencies} />
      </div>

      {form ? <UserRateDialog lists={lists.lists} writer={writer} rate={form.rate} onClose={() => setForm(null)} onSaved={(c) => { toast(`Saved the ${c} rate`); info.reload(); }} /> : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete this rate?"
          confirmLabel="Delete rate"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            lists.lists.deleteExchangeRate(deleting.id, writer);
            setDeleting(null);
            info.reload();
          }}
        >
          <p>
            The {deleting.currency} rate of {formatIsoDate(deleting.date)} will no longer be used. Valuations that need it will show as not valued until another rate covers their date.
          </p>
        </ConfirmDialog>
      ) : null}
      {removing !== null ? (
        <ConfirmDialog
          title="Remove this imported file?"
          confirmLabel="Remove file"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing;
            setRemoving(null);
            client.call('valuation.removeEcb', { workspaceId: ws.id, id }).then(() => info.reload(), setError);
          }}
        >
          <p>Conversions will use the shipped ECB rates (and any other imported file) again. You can import the file again later.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
