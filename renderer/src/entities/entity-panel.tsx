/**
 * The Entities tab of a case: a filterable table of the case's entities (kind, name, key
 * identifiers, number of links) beside the selected entity's detail, with add, edit, delete
 * (after confirmation; kept as a mark in the case doc) and adding links. Everything comes from the
 * case's doc replica, so colleagues' edits appear live — except the links' seizure ends, looked up
 * by id in the projection (use-case-links.ts), since a linked seizure may be held in a volume doc.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { CaseDoc, Entity, Link } from '../../../shared/docs/case-doc';
import { entityLabel } from '../../../shared/docs/case-entities';
import type { Writer } from '../../../shared/docs/records';
import type { Seizure } from '../../../shared/domain/seizure';
import type { SeizureRow } from '../../../shared/rpc/cases';
import { t } from '../../../shared/messages';
import { DataTable, type Column } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { EmptyState } from '../ui/states';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { useMembers } from '../hooks/use-members';
import { EntityFormDialog } from './entity-form-dialog';
import { EntityDetail } from './entity-detail';
import { LinkFormDialog } from './link-form-dialog';
import { KIND_STYLE } from './entity-style';
import { keyIdentifiers, kindLabel } from './entity-labels';
import './entities.css';

/** Props of {@link EntityPanel}. */
export interface EntityPanelProps {
  workspaceId: string;
  caseId: string;
  /** The case's number (the link form's seizure picker shows it). */
  caseNumber: string;
  caseDoc: CaseDoc;
  entities: Entity[];
  links: Link[];
  /** The linked seizures by id, from the projection (use-case-links.ts). */
  linkedSeizures: ReadonlyMap<string, SeizureRow>;
  /** True while the links' seizure ends are being looked up. */
  linksPending: boolean;
  /** The replica's seizures, for the link form's picker only. */
  seizures: Seizure[];
  writer: Writer;
  readOnly: boolean;
}

/** A row of the table: the entity and its number of links. */
interface Row {
  e: Entity;
  links: number;
}

/** The Entities tab. */
export function EntityPanel(props: EntityPanelProps): ReactNode {
  const { entities, links } = props;
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<{ entity: Entity | null } | null>(null);
  const [linking, setLinking] = useState<Entity | null>(null);
  const [deleting, setDeleting] = useState<Entity | null>(null);
  const [filter, setFilter] = useState('');
  const members = useMembers(props.workspaceId);
  const memberName = (id: string): string => members.get(id)?.name ?? t('ui.case.activity.someone');

  const rows = useMemo<Row[]>(() => {
    const q = filter.trim().toLowerCase();
    return entities
      .filter((e) => !q || `${entityLabel(e)} ${keyIdentifiers(e)} ${kindLabel(e.kind)}`.toLowerCase().includes(q))
      .map((e) => ({ e, links: links.filter((l) => l.from === e.id || l.to === e.id).length }));
  }, [entities, links, filter]);
  const current = entities.find((e) => e.id === selected) ?? null;

  const columns: Column<Row>[] = [
    {
      id: 'kind',
      header: t('entity.col-kind'),
      className: 'col-nowrap',
      cell: (r) => (
        <span className="entity-kind">
          <span className="kind-dot" style={{ background: KIND_STYLE[r.e.kind].color }} aria-hidden="true" />
          {kindLabel(r.e.kind)}
        </span>
      ),
    },
    { id: 'name', header: t('entity.col-name'), cell: (r) => <span className="entity-name">{entityLabel(r.e)}</span> },
    { id: 'ids', header: t('entity.col-identifiers'), className: 'mono small', cell: (r) => keyIdentifiers(r.e) || <span className="muted">—</span> },
    { id: 'links', header: t('entity.col-links'), numeric: true, cell: (r) => r.links },
  ];

  const dialogs = (
    <>
      {form ? <EntityFormDialog caseDoc={props.caseDoc} writer={props.writer} entity={form.entity} onClose={() => setForm(null)} onSaved={(id) => setSelected(id)} /> : null}
      {linking ? <LinkFormDialog workspaceId={props.workspaceId} caseId={props.caseId} caseNumber={props.caseNumber} caseDoc={props.caseDoc} writer={props.writer} from={linking} entities={entities} onClose={() => setLinking(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('entity.delete')}
          confirmLabel={t('entity.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            props.caseDoc.deleteEntity(deleting.id, props.writer);
            setDeleting(null);
            setSelected(null);
          }}
        >
          <p>{t('entity.delete-confirm', { name: entityLabel(deleting) })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );

  if (!entities.length) {
    return (
      <div className="card">
        <EmptyState
          icon="users"
          title={t('entity.count', { count: 0 })}
          actions={
            props.readOnly ? null : (
              <button type="button" className="btn btn-primary" onClick={() => setForm({ entity: null })}>
                <Icon name="plus" /> {t('entity.add')}
              </button>
            )
          }
        >
          {t('entity.empty')}
        </EmptyState>
        {dialogs}
      </div>
    );
  }

  return (
    <div className={`seizure-layout${current ? ' with-detail' : ''}`}>
      <div className="table-card">
        <div className="table-toolbar">
          <div className="input-with-icon">
            <Icon name="search" />
            <input className="input input-sm" type="search" aria-label={t('entity.filter')} placeholder={t('entity.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <span className="toolbar-count" aria-live="polite">
            {t('entity.count', { count: entities.length })}
          </span>
          {props.readOnly ? null : (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setForm({ entity: null })}>
              <Icon name="plus" size={14} /> {t('entity.add')}
            </button>
          )}
        </div>
        <DataTable
          label={t('entity.tab')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.e.id}
          onRowClick={(r) => setSelected(r.e.id === selected ? null : r.e.id)}
          selectedKey={selected}
          rowAttributes={(r) => ({ 'data-entity-id': r.e.id })}
        />
      </div>
      {current ? (
        <EntityDetail
          workspaceId={props.workspaceId}
          caseId={props.caseId}
          entity={current}
          entities={entities}
          linkedSeizures={props.linkedSeizures}
          linksPending={props.linksPending}
          links={links}
          caseDoc={props.caseDoc}
          writer={props.writer}
          readOnly={props.readOnly}
          memberName={memberName}
          onClose={() => setSelected(null)}
          onEdit={props.readOnly ? null : () => setForm({ entity: current })}
          onDelete={props.readOnly ? null : () => setDeleting(current)}
          onAddLink={props.readOnly || entities.length + props.seizures.length < 2 ? null : () => setLinking(current)}
          onSelect={setSelected}
        />
      ) : null}
      {dialogs}
    </div>
  );
}
