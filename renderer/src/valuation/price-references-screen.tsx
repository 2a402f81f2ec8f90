/**
 * The workspace's price references: every unit price valuations may use, with its market level,
 * place, date and source. Workspace admins add, edit and delete prices here, or import them from a
 * CSV file (rejected rows listed with line, column and reason); other members read the list.
 * Deleting a price leaves valuations that used it unvalued, with that reason.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { PriceReference } from '../../../shared/domain/price-reference';
import { MARKET_LEVEL_LABELS } from '../../../shared/domain/price-reference';
import { countryName } from '../../../shared/domain/iso';
import { t } from '../../../shared/messages';
import { useIdentity } from '../app/services';
import { useDocumentTitle } from '../hooks/use-document-title';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icons';
import { DataTable } from '../ui/data-table';
import { EmptyState, Loading, Notice } from '../ui/states';
import { useToast } from '../ui/toast';
import { formatIsoDate } from '../format/dates';
import { useReferenceLists } from './use-reference-lists';
import { PriceFormDialog } from './price-form-dialog';
import { PriceImportDialog } from './price-import-dialog';
import { unitPriceText } from './format';
import { actionsColumn, EditDeleteButtons } from './row-actions';
import { canIn } from '../members/use-can';
import './valuation-common.css';
import './price-references.css';

/** The price references screen. */
export function PriceReferencesScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  useDocumentTitle(t('valuation.prices.heading'));
  const identity = useIdentity();
  const toast = useToast();
  const lists = useReferenceLists(ws.id);
  const [form, setForm] = useState<{ price: PriceReference | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<PriceReference | null>(null);
  const [filter, setFilter] = useState('');
  const writer = useMemo(() => ({ memberId: identity.memberId }), [identity.memberId]);
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return (lists?.prices ?? []).filter((p) => words.every((w) => `${p.commodity} ${p.taxon} ${p.place} ${p.citationTitle}`.toLowerCase().includes(w)));
  }, [lists?.prices, filter]);

  if (!lists) return <Loading full>{t('valuation.prices.loading')}</Loading>;
  const readOnly = lists.readOnly || !canIn(ws, 'prices.edit');

  return (
    <div className="page page-wide">
      <div className="page-header">
        <div className="page-header-text">
          <div className="page-eyebrow">{t('valuation.common.eyebrow')}</div>
          <h1>{t('valuation.prices.heading')}</h1>
          <p className="page-subtitle">{t('valuation.prices.subtitle')}</p>
        </div>
        {readOnly ? null : (
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => setImporting(true)}>
              <Icon name="upload" /> {t('valuation.prices.import')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setForm({ price: null })}>
              <Icon name="plus" /> {t('valuation.price-form.add')}
            </button>
          </div>
        )}
      </div>
      {readOnly ? <Notice kind="info">{t('valuation.prices.read-only')}</Notice> : null}
      {lists.invalidPrices.length ? (
        <Notice kind="warning" icon="alert">
          {t('valuation.prices.invalid', {
            count: lists.invalidPrices.length,
            issues: lists.invalidPrices.map((r) => r.issues.map((i) => t('valuation.prices.issue', { field: i.field, message: i.message })).join(', ')).join('; '),
          })}
        </Notice>
      ) : null}
      <div className="table-card section-tight">
        <div className="table-toolbar">
          <div className="input-with-icon">
            <Icon name="search" />
            <input className="input input-sm" type="search" aria-label={t('valuation.prices.filter')} placeholder={t('valuation.prices.filter-placeholder')} value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <span className="toolbar-count">
            {filter ? t('valuation.prices.shown-of', { shown: shown.length, count: lists.prices.length }) : t('valuation.prices.count', { count: lists.prices.length })}
          </span>
        </div>
        {lists.prices.length === 0 ? (
          <EmptyState
            icon="tag"
            title={t('valuation.prices.empty-title')}
            actions={
              readOnly ? null : (
                <>
                  <button type="button" className="btn btn-primary" onClick={() => setForm({ price: null })}>
                    <Icon name="plus" /> {t('valuation.detail.add-price')}
                  </button>
                  <button type="button" className="btn" onClick={() => setImporting(true)}>
                    <Icon name="upload" /> {t('valuation.prices.import-file')}
                  </button>
                </>
              )
            }
          >
            {t('valuation.prices.empty-text')}
          </EmptyState>
        ) : (
          <DataTable
            label={t('valuation.prices.heading')}
            className="price-table"
            rows={shown}
            rowKey={(p) => p.id}
            rowAttributes={(p) => ({ 'data-price-id': p.id })}
            columns={[
              {
                id: 'commodity',
                header: t('valuation.common.commodity'),
                className: 'col-commodity',
                headerClassName: 'col-commodity',
                cell: (p) => (
                  <>
                    <span className="cell-primary">{p.commodity}</span>
                    {p.taxon ? <span className="cell-secondary taxon">{p.taxon}</span> : null}
                  </>
                ),
              },
              { id: 'price', header: t('valuation.import.col-price'), numeric: true, className: 'col-nowrap', cell: (p) => <span className="cell-primary">{unitPriceText(p)}</span> },
              { id: 'level', header: t('valuation.price-form.market-level'), className: 'col-nowrap', cell: (p) => MARKET_LEVEL_LABELS[p.marketLevel] },
              {
                id: 'place',
                header: t('valuation.price-form.place'),
                cell: (p) => (
                  <>
                    {p.place}
                    {p.country && countryName(p.country) !== p.place ? <span className="cell-secondary">{countryName(p.country)}</span> : null}
                  </>
                ),
              },
              { id: 'date', header: t('valuation.common.date'), className: 'col-nowrap', cell: (p) => formatIsoDate(p.date) },
              {
                id: 'source',
                header: t('valuation.common.source'),
                className: 'col-citation',
                headerClassName: 'col-citation',
                cell: (p) => (
                  <>
                    <span className={`citation${/^test price/i.test(p.citationTitle) ? ' citation-test' : ''}`}>{p.citationTitle}</span>
                    {p.citationUrl ? (
                      <span className="citation-url">
                        <span className="mono">{p.citationUrl}</span>
                        <CopyButton text={p.citationUrl} what={t('valuation.prices.copy-source', { commodity: p.commodity })} />
                      </span>
                    ) : null}
                    {p.notes ? <span className="cell-secondary">{p.notes}</span> : null}
                  </>
                ),
              },
              actionsColumn<PriceReference>((p) =>
                readOnly ? null : (
                  <EditDeleteButtons
                    editLabel={t('valuation.prices.edit', { commodity: p.commodity })}
                    deleteLabel={t('valuation.prices.delete', { commodity: p.commodity })}
                    onEdit={() => setForm({ price: p })}
                    onDelete={() => setDeleting(p)}
                  />
                ),
              ),
            ]}
          />
        )}
      </div>
      {form ? <PriceFormDialog lists={lists.lists} writer={writer} price={form.price} onClose={() => setForm(null)} onSaved={(c) => toast(form.price ? t('valuation.prices.saved', { commodity: c }) : t('valuation.prices.added', { commodity: c }))} /> : null}
      {importing ? <PriceImportDialog lists={lists.lists} writer={writer} onClose={() => setImporting(false)} onImported={(n) => toast(t('valuation.prices.imported', { count: n }))} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('valuation.prices.delete-title')}
          confirmLabel={t('valuation.prices.delete-confirm')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            lists.lists.deletePriceReference(deleting.id, writer);
            toast(t('valuation.prices.deleted', { commodity: deleting.commodity }));
            setDeleting(null);
          }}
        >
          <p>
            <strong>{deleting.commodity}</strong>, {t('valuation.prices.delete-text', { price: unitPriceText(deleting) })}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
