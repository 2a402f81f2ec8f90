/**
 * Commodities: the workspace's own commodity names beside the curated list (issue 11 item 6).
 * Admins add, edit and remove them (removal leaves a tombstone and an audit entry); everyone else
 * sees the list read-only. Records that fail their checks or collide with an earlier entry (two
 * admins adding one name offline) are listed apart, so nobody mistakes them for active names.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import type { WorkspaceCommodities } from '../../../shared/docs/workspace-commodities';
import type { InvalidRecord } from '../../../shared/docs/reference-lists';
import type { Writer } from '../../../shared/docs/records';
import { COMMODITIES } from '../../../shared/domain/commodities';
import { CRIME_SECTOR_LABELS, QUANTITY_UNIT_LABELS } from '../../../shared/domain/codes';
import type { WorkspaceCommodity } from '../../../shared/domain/workspace-commodity';
import { t } from '../../../shared/messages';
import { useIdentity } from '../app/services';
import { useDocumentTitle } from '../hooks/use-document-title';
import { canIn } from '../members/use-can';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { DataTable } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { EmptyState, Loading, Notice } from '../ui/states';
import { useToast } from '../ui/toast';
import { actionsColumn, EditDeleteButtons } from '../valuation/row-actions';
import { CommodityFormDialog } from './commodity-form-dialog';
import { useWorkspaceCommodities } from './use-workspace-commodities';
import './commodities.css';

/** The commodities screen of workspace `ws`. */
export function CommoditiesScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  useDocumentTitle(t('ui.commodities.heading'));
  const identity = useIdentity();
  const state = useWorkspaceCommodities(ws.id);
  const writer = useMemo(() => ({ memberId: identity.memberId }), [identity.memberId]);
  if (!state.view) return <Loading full>{t('ui.commodities.loading')}</Loading>;
  return <CommoditiesPanel view={state.view} list={state.list} invalid={state.invalid} readOnly={state.readOnly || !canIn(ws, 'workspace.settings')} writer={writer} />;
}

/** Props of {@link CommoditiesPanel}. */
export interface CommoditiesPanelProps {
  view: WorkspaceCommodities;
  /** The live, valid workspace commodities. */
  list: readonly WorkspaceCommodity[];
  /** Records left out of the list, with why. */
  invalid: readonly InvalidRecord[];
  /** True for members who may not write the workspace doc (everyone but admins). */
  readOnly: boolean;
  writer: Writer;
}

/** The screen's content over a {@link WorkspaceCommodities} view (the parent re-renders it when the doc changes). */
export function CommoditiesPanel(props: CommoditiesPanelProps): ReactNode {
  const { view, list, invalid, readOnly, writer } = props;
  const toast = useToast();
  const [form, setForm] = useState<{ commodity: WorkspaceCommodity | null } | null>(null);
  const [removing, setRemoving] = useState<WorkspaceCommodity | null>(null);

  return (
    <div className="page page-wide commodities-page">
      <div className="page-header">
        <div className="page-header-text">
          <div className="page-eyebrow">{t('ui.commodities.eyebrow')}</div>
          <h1>{t('ui.commodities.heading')}</h1>
          <p className="page-subtitle">{t('ui.commodities.subtitle', { count: COMMODITIES.length })}</p>
        </div>
      </div>

      <section className="table-card" aria-labelledby="own-commodities-title" data-testid="own-commodities">
        <div className="table-toolbar">
          <div className="grow">
            <h2 id="own-commodities-title" className="toolbar-title">
              {t('ui.commodities.own-title')}
            </h2>
            <span className="muted small">{t('ui.commodities.own-count', { count: list.length })}</span>
          </div>
          {readOnly ? null : (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setForm({ commodity: null })}>
              <Icon name="plus" size={14} /> {t('ui.commodities.add')}
            </button>
          )}
        </div>
        {invalid.length ? (
          <Notice kind="warning" icon="alert">
            {t('ui.commodities.invalid', { count: invalid.length })}
            <ul className="commodity-invalid">
              {invalid.map((r) => (
                <li key={r.id}>
                  <span className="mono">{r.id.slice(0, 8)}</span> {r.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {list.length === 0 ? (
          <EmptyState icon="tag" title={t('ui.commodities.empty-title')}>
            {t('ui.commodities.empty-text')}
          </EmptyState>
        ) : (
          <DataTable
            label={t('ui.commodities.own-title')}
            scroll={false}
            rows={list}
            rowKey={(c) => c.id}
            columns={[
              {
                id: 'name',
                header: t('ui.commodities.col-name'),
                className: 'cell-primary',
                cell: (c) => (
                  <>
                    {c.name}
                    {c.note ? <span className="cell-secondary">{c.note}</span> : null}
                  </>
                ),
              },
              { id: 'sector', header: t('ui.commodities.col-sector'), cell: (c) => CRIME_SECTOR_LABELS[c.sector] },
              { id: 'unit', header: t('ui.commodities.col-unit'), className: 'col-nowrap', cell: (c) => QUANTITY_UNIT_LABELS[c.unit] },
              { id: 'cites', header: t('ui.commodities.col-cites'), className: 'mono', cell: (c) => c.citesTerm ?? '—' },
              { id: 'aliases', header: t('ui.commodities.col-aliases'), cell: (c) => (c.aliases.length ? c.aliases.join(' · ') : '—') },
              { id: 'source', header: t('ui.commodities.col-source'), cell: (c) => c.source || '—' },
              actionsColumn<WorkspaceCommodity>((c) =>
                readOnly ? null : (
                  <EditDeleteButtons
                    editLabel={t('ui.commodities.edit', { name: c.name })}
                    deleteLabel={t('ui.commodities.delete', { name: c.name })}
                    onEdit={() => setForm({ commodity: c })}
                    onDelete={() => setRemoving(c)}
                  />
                ),
              ),
            ]}
          />
        )}
        {readOnly ? <p className="muted small table-note">{t('ui.commodities.read-only')}</p> : null}
      </section>

      <details className="table-card commodity-curated">
        <summary className="toolbar-title">{t('ui.commodities.curated-title')}</summary>
        <DataTable
          label={t('ui.commodities.curated-title')}
          scroll={false}
          rows={COMMODITIES}
          rowKey={(c) => c.name}
          columns={[
            { id: 'name', header: t('ui.commodities.col-name'), className: 'cell-primary', cell: (c) => c.name },
            { id: 'sector', header: t('ui.commodities.col-sector'), cell: (c) => CRIME_SECTOR_LABELS[c.sector] },
            { id: 'unit', header: t('ui.commodities.col-unit'), className: 'col-nowrap', cell: (c) => QUANTITY_UNIT_LABELS[c.unit] },
            { id: 'cites', header: t('ui.commodities.col-cites'), className: 'mono', cell: (c) => c.citesTerm ?? '—' },
            { id: 'aliases', header: t('ui.commodities.col-aliases'), cell: (c) => (c.aliases?.length ? c.aliases.join(' · ') : '—') },
          ]}
        />
      </details>

      {form ? <CommodityFormDialog view={view} writer={writer} commodity={form.commodity} onClose={() => setForm(null)} onSaved={(name) => toast(t('ui.commodities.saved', { name }))} /> : null}
      {removing ? (
        <ConfirmDialog
          title={t('ui.commodities.delete-title')}
          confirmLabel={t('ui.commodities.delete-confirm')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            view.remove(removing.id, writer);
            toast(t('ui.commodities.removed', { name: removing.name }));
            setRemoving(null);
          }}
        >
          <p>{t('ui.commodities.delete-text', { name: removing.name })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
