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
import { useIdentity } from '../app/services';
import { useDocumentTitle } from '../hooks/use-document-title';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icons';
import { DataTable } from '../ui/data-table';
import { EmptyState, Loading, Notice } from '../ui/states';
import { useToast } from '../ui/toast';
import { formatCount } from '../format/numbers';
import { formatIsoDate } from '../format/dates';
import { useReferenceLists } from './use-reference-lists';
import { PriceFormDialog } from './price-form-dialog';
import { PriceImportDialog } from './price-import-dialog';
import { unitPriceText } from './format';
import { canIn } from '../members/use-can';
import './valuation.css';

/** The price references screen. */
export function PriceReferencesScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  useDocumentTitle('Price references');
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

  if (!lists) return <Loading full>Opening the price list…</Loading>;
  const readOnly = lists.readOnly || !canIn(ws, 'prices.edit');

  return (
    <div className="page page-wide">
      <div className="page-header">
        <div className="page-header-text">
          <div className="page-eyebrow">Valuation</div>
          <h1>Price references</h1>
          <p className="page-subtitle">Published unit prices, each with its source, that seizures are valued with. Shared by the whole workspace.</p>
        </div>
        {readOnly ? null : (
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => setImporting(true)}>
              <Icon name="upload" /> Import CSV
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setForm({ price: null })}>
              <Icon name="plus" /> Add price
            </button>
          </div>
        )}
      </div>
      {readOnly ? <Notice kind="info">Only workspace admins can change the price list. You can read it and use its prices in cases.</Notice> : null}
      {lists.invalidPrices.length ? (
        <Notice kind="warning" icon="alert">
          {lists.invalidPrices.length} price reference{lists.invalidPrices.length === 1 ? ' is' : 's are'} not valid (
          {lists.invalidPrices.map((r) => r.issues.map((i) => `${i.field}: ${i.message}`).join(', ')).join('; ')}) and {lists.invalidPrices.length === 1 ? 'is' : 'are'} not used until fixed.
        </Notice>
      ) : null}
      <div className="table-card section-tight">
        <div className="table-toolbar">
          <div className="input-with-icon">
            <Icon name="search" />
            <input className="input input-sm" type="search" aria-label="Filter prices" placeholder="Filter by commodity, place, source…" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <span className="toolbar-count">
            {filter ? `${formatCount(shown.length)} of ${formatCount(lists.prices.length)} prices` : `${formatCount(lists.prices.length)} prices`}
          </span>
        </div>
        {lists.prices.length === 0 ? (
          <EmptyState
            icon="tag"
            title="No price references yet"
            actions={
              readOnly ? null : (
                <>
                  <button type="button" className="btn btn-primary" onClick={() => setForm({ price: null })}>
                    <Icon name="plus" /> Add a price
                  </button>
                  <button type="button" className="btn" onClick={() => setImporting(true)}>
                    <Icon name="upload" /> Import a CSV file
                  </button>
                </>
              )
            }
          >
            A price reference is a published unit price (e.g. USD per kg of raw ivory at wholesale in Beijing, 2017) with its source. Seizures are valued by multiplying their quantity by it.
          </EmptyState>
        ) : (
          <DataTable
            label="Price references"
            className="price-table"
            rows={shown}
            rowKey={(p) => p.id}
            rowAttributes={(p) => ({ 'data-price-id': p.id })}
            columns={[
              {
                id: 'commodity',
                header: 'Commodity',
                className: 'col-commodity',
                headerClassName: 'col-commodity',
                cell: (p) => (
                  <>
                    <span className="cell-primary">{p.commodity}</span>
                    {p.taxon ? <span className="cell-secondary taxon">{p.taxon}</span> : null}
                  </>
                ),
              },
              { id: 'price', header: 'Unit price', numeric: true, className: 'col-nowrap', cell: (p) => <span className="cell-primary">{unitPriceText(p)}</span> },
              { id: 'level', header: 'Market level', className: 'col-nowrap', cell: (p) => MARKET_LEVEL_LABELS[p.marketLevel] },
              {
                id: 'place',
                header: 'Place',
                cell: (p) => (
                  <>
                    {p.place}
                    {p.country && countryName(p.country) !== p.place ? <span className="cell-secondary">{countryName(p.country)}</span> : null}
                  </>
                ),
              },
              { id: 'date', header: 'Date', className: 'col-nowrap', cell: (p) => formatIsoDate(p.date) },
              {
                id: 'source',
                header: 'Source',
                className: 'col-citation',
                headerClassName: 'col-citation',
                cell: (p) => (
                  <>
                    <span className={`citation${/^test price/i.test(p.citationTitle) ? ' citation-test' : ''}`}>{p.citationTitle}</span>
                    {p.citationUrl ? (
                      <span className="citation-url">
                        <span className="mono">{p.citationUrl}</span>
                        <CopyButton text={p.citationUrl} what={`the source address of ${p.commodity}`} />
                      </span>
                    ) : null}
                    {p.notes ? <span className="cell-secondary">{p.notes}</span> : null}
                  </>
                ),
              },
              {
                id: 'actions',
                header: 'Actions',
                hideHeader: true,
                className: 'col-actions',
                headerClassName: 'col-actions',
                cell: (p) =>
                  readOnly ? null : (
                    <span className="row-actions">
                      <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Edit price: ${p.commodity}`} onClick={() => setForm({ price: p })}>
                        <Icon name="edit" size={14} />
                      </button>
                      <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Delete price: ${p.commodity}`} onClick={() => setDeleting(p)}>
                        <Icon name="trash" size={14} />
                      </button>
                    </span>
                  ),
              },
            ]}
          />
        )}
      </div>
      {form ? <PriceFormDialog lists={lists.lists} writer={writer} price={form.price} onClose={() => setForm(null)} onSaved={(c) => toast(form.price ? `Saved ${c}` : `Added ${c}`)} /> : null}
      {importing ? <PriceImportDialog lists={lists.lists} writer={writer} onClose={() => setImporting(false)} onImported={(n) => toast(`Added ${formatCount(n)} price${n === 1 ? '' : 's'}`)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete this price?"
          confirmLabel="Delete price"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            lists.lists.deletePriceReference(deleting.id, writer);
            toast(`Deleted ${deleting.commodity}`);
            setDeleting(null);
          }}
        >
          <p>
            <strong>{deleting.commodity}</strong>, {unitPriceText(deleting)}, will be removed for everyone. Seizures valued with it will show as not valued until another price is
            assigned. The workspace’s audit log keeps a record.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
