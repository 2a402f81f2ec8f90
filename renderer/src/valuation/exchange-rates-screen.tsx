/**
 * Exchange rates: the ECB euro reference rates shipped with the app and any newer ECB files
 * imported into this workspace ({@link EcbRatesCard}), a rate checker (one currency into another at a date, with the quotes and their dates), and the rates
 * members entered, with their sources, for currencies the ECB does not quote.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { ExchangeRate } from '../../../shared/domain/exchange-rate';
import { formatSignificant } from '../../../shared/valuation/money';
import { t } from '../../../shared/messages';
import { useIdentity } from '../app/services';
import { useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Icon } from '../ui/icons';
import { DataTable } from '../ui/data-table';
import { EmptyState, ErrorPanel, Loading } from '../ui/states';
import { useToast } from '../ui/toast';
import { formatIsoDate } from '../format/dates';
import { useReferenceLists } from './use-reference-lists';
import { UserRateDialog } from './user-rate-dialog';
import { EcbRatesCard } from './ecb-rates-card';
import { actionsColumn, EditDeleteButtons } from './row-actions';
import { canIn } from '../members/use-can';
import { RateChecker } from './rate-checker';
import './valuation-common.css';
import './exchange-rates.css';

/** The exchange-rates screen. */
export function ExchangeRatesScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  useDocumentTitle(t('valuation.rates.heading'));
  const identity = useIdentity();
  const toast = useToast();
  const info = useLiveQuery('valuation.rates', { workspaceId: ws.id });
  const lists = useReferenceLists(ws.id);
  const [form, setForm] = useState<{ rate: ExchangeRate | null } | null>(null);
  const [deleting, setDeleting] = useState<ExchangeRate | null>(null);
  const writer = useMemo(() => ({ memberId: identity.memberId }), [identity.memberId]);

  if (!info.data || !lists) return info.error ? <div className="page"><ErrorPanel error={info.error} onRetry={info.reload} /></div> : <Loading full>{t('valuation.rates.loading')}</Loading>;
  const d = info.data;
  const readOnlyRates = lists.readOnly || !canIn(ws, 'rates.edit');
  const currencies = [...new Set(['EUR', ...d.effective.currencies, ...lists.rates.map((r) => r.currency)])].sort();

  return (
    <div className="page page-wide rates-page">
      <div className="page-header">
        <div className="page-header-text">
          <div className="page-eyebrow">{t('valuation.common.eyebrow')}</div>
          <h1>{t('valuation.rates.heading')}</h1>
          <p className="page-subtitle">{t('valuation.rates.subtitle', { days: d.staleAfterDays })}</p>
        </div>
      </div>

      <EcbRatesCard workspaceId={ws.id} info={d} canImport={canIn(ws, 'rates.import')} onChanged={info.reload} />

      <div className="rates-row">
      <section className="table-card" aria-labelledby="user-rates-title" data-testid="user-rates">
        <div className="table-toolbar">
          <div className="grow">
            <h2 id="user-rates-title" className="toolbar-title">
              {t('valuation.rates.user-title')}
            </h2>
            <span className="muted small">{t('valuation.rates.user-note')}</span>
          </div>
          {readOnlyRates ? null : (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setForm({ rate: null })}>
              <Icon name="plus" size={14} /> {t('valuation.rates.add')}
            </button>
          )}
        </div>
        {lists.rates.length === 0 ? (
          <EmptyState icon="globe" title={t('valuation.rates.empty-title')}>
            {t('valuation.rates.empty-text')}
          </EmptyState>
        ) : (
          <DataTable
            label={t('valuation.rates.user-title')}
            scroll={false}
            rows={lists.rates}
            rowKey={(r) => r.id}
            columns={[
              { id: 'currency', header: t('valuation.rates.col-currency'), className: 'cell-primary mono', cell: (r) => r.currency },
              {
                id: 'rate',
                header: t('valuation.rates.col-rate'),
                numeric: true,
                className: 'col-nowrap',
                cell: (r) =>
                  r.perUsd !== null
                    ? t('valuation.rates.per', { rate: formatSignificant(r.perUsd, 12), currency: r.currency, base: 'USD' })
                    : t('valuation.rates.per', { rate: formatSignificant(r.perEur ?? 0, 12), currency: r.currency, base: 'EUR' }),
              },
              { id: 'date', header: t('valuation.rates.col-from'), className: 'col-nowrap', cell: (r) => formatIsoDate(r.date) },
              {
                id: 'source',
                header: t('valuation.common.source'),
                cell: (r) => (
                  <>
                    {r.source}
                    {r.notes ? <span className="cell-secondary">{r.notes}</span> : null}
                  </>
                ),
              },
              actionsColumn<ExchangeRate>((r) =>
                readOnlyRates ? null : (
                  <EditDeleteButtons
                    editLabel={t('valuation.rates.edit', { currency: r.currency, date: r.date })}
                    deleteLabel={t('valuation.rates.delete', { currency: r.currency, date: r.date })}
                    onEdit={() => setForm({ rate: r })}
                    onDelete={() => setDeleting(r)}
                  />
                ),
              ),
            ]}
          />
        )}
        {readOnlyRates ? <p className="muted small table-note">{t('valuation.rates.read-only')}</p> : null}
      </section>
      <RateChecker workspaceId={ws.id} currencies={currencies} />
      </div>

      {form ? <UserRateDialog lists={lists.lists} writer={writer} rate={form.rate} onClose={() => setForm(null)} onSaved={(c) => { toast(t('valuation.rates.saved', { currency: c })); info.reload(); }} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('valuation.rates.delete-title')}
          confirmLabel={t('valuation.rates.delete-confirm')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            lists.lists.deleteExchangeRate(deleting.id, writer);
            setDeleting(null);
            info.reload();
          }}
        >
          <p>
            {t('valuation.rates.delete-text', { currency: deleting.currency, date: formatIsoDate(deleting.date) })}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
