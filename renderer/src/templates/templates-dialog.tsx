/**
 * The workspace's case templates (admins): a table of templates with their prefix and number of
 * tasks, "New template", and each row opening the editor; deleting keeps the record marked.
 */
import { useState, type ReactNode } from 'react';
import type { CaseTemplate } from '../../../shared/domain/case-template';
import type { Writer } from '../../../shared/docs/records';
import { t } from '../../../shared/messages';
import { DataTable, type Column } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { EmptyState } from '../ui/states';
import { useCaseTemplates } from './use-templates';
import { TemplateEditorDialog } from './template-editor-dialog';

/** The templates manager, shown as a card in a dialog-sized panel. */
export function TemplatesDialog(props: { workspaceId: string; writer: Writer; onClose: () => void }): ReactNode {
  const { templates, view } = useCaseTemplates(props.workspaceId);
  const [editing, setEditing] = useState<CaseTemplate | 'new' | null>(null);
  const columns: Column<CaseTemplate, never>[] = [
    { id: 'name', header: t('ui.templates.name'), cell: (x) => x.name },
    { id: 'prefix', header: t('ui.templates.title-prefix'), cell: (x) => x.titlePrefix || <span className="muted">—</span> },
    { id: 'tasks', header: t('ui.templates.tasks'), numeric: true, cell: (x) => t('ui.templates.task-count', { count: x.tasks.length }) },
    {
      id: 'delete',
      header: '',
      cell: (x) => (
        <button type="button" className="btn btn-sm btn-ghost" aria-label={t('ui.templates.delete', { name: x.name })} onClick={(e) => { e.stopPropagation(); view?.delete(x.id, props.writer); }}>
          <Icon name="trash" size={14} />
        </button>
      ),
    },
  ];
  return (
    <dialog open className="dialog dialog-wide templates-dialog" aria-labelledby="templates-title">
      <div className="dialog-header">
        <h2 id="templates-title">{t('ui.templates.title')}</h2>
        <button type="button" className="btn btn-ghost" aria-label={t('ui.templates.close')} onClick={props.onClose}>
          <Icon name="x" />
        </button>
      </div>
      <div className="dialog-body">
        {templates.length ? (
          <DataTable label={t('ui.templates.title')} columns={columns} rows={templates} rowKey={(x) => x.id} onRowClick={(x) => setEditing(x)} />
        ) : (
          <EmptyState icon="file" title={t('ui.templates.empty')}>{t('ui.templates.empty-text')}</EmptyState>
        )}
      </div>
      <div className="dialog-footer">
        <button type="button" className="btn btn-primary" disabled={!view} onClick={() => setEditing('new')}>
          <Icon name="plus" /> {t('ui.templates.new')}
        </button>
      </div>
      {editing && view ? <TemplateEditorDialog view={view} writer={props.writer} template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </dialog>
  );
}
