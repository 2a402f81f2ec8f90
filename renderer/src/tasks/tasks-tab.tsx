/**
 * The Tasks tab: the case's tasks in a DataTable (title, status, assignee, agency, due date with
 * overdue marked, progress entries), added and edited in a FormDialog, deleted as a mark; the
 * selected task's progress log below the table. Reads the replica live (`version`).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { CaseTasks } from '../../../shared/docs/case-tasks';
import type { Writer } from '../../../shared/docs/records';
import type { Task } from '../../../shared/domain/task';
import type { DocReplica } from '../data/client';
import { DataTable, type Column } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { formatIsoDate, todayIso } from '../format/dates';
import { useMemberNames } from '../case/case-selects';
import { TaskFormDialog, taskStatusLabel } from './task-form-dialog';
import { TaskProgressLog } from './task-progress';
import { t } from '../../../shared/messages';

/** Props of {@link TasksTab}. */
export interface TasksTabProps {
  replica: DocReplica;
  writer: Writer;
  readOnly: boolean;
  workspaceId: string;
  /** Changes whenever the case doc changed (every task write stamps the case meta). */
  version: number;
}

/** The tasks of a case. */
export function TasksTab(props: TasksTabProps): ReactNode {
  const tasks = useMemo(() => new CaseTasks(props.replica.doc), [props.replica.doc]);
  const list = useMemo(() => tasks.list(), [tasks, props.version]);
  const progress = useMemo(() => tasks.allProgress(), [tasks, props.version]);
  const members = useMemberNames(props.workspaceId);
  const [form, setForm] = useState<{ task: Task | null } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const today = todayIso();
  const open = list.filter((x) => x.status === 'todo' || x.status === 'in-progress').length;
  const current = list.find((x) => x.id === selected) ?? null;

  const columns: (Column<Task> | false)[] = [
    { id: 'title', header: t('ui.tasks.col.title'), cell: (r) => <span className="strong">{r.title}</span> },
    { id: 'status', header: t('ui.tasks.col.status'), cell: (r) => <span className={`tag task-status task-${r.status}`}>{taskStatusLabel(r.status)}</span>, className: 'col-nowrap' },
    { id: 'assignee', header: t('ui.tasks.col.assignee'), cell: (r) => (r.assignee ? (members.get(r.assignee) ?? r.assignee) : <span className="muted">{t('ui.case.unassigned')}</span>) },
    { id: 'agency', header: t('ui.tasks.col.agency'), cell: (r) => r.agency },
    {
      id: 'due',
      header: t('ui.tasks.col.due'),
      className: 'col-nowrap',
      cell: (r) =>
        r.dueOn ? (
          <span className={r.dueOn < today && (r.status === 'todo' || r.status === 'in-progress') ? 'overdue' : undefined}>
            {formatIsoDate(r.dueOn)}
            {r.dueOn < today && (r.status === 'todo' || r.status === 'in-progress') ? <span className="tag tag-danger">{t('ui.tasks.overdue')}</span> : null}
          </span>
        ) : null,
    },
    { id: 'progress', header: t('ui.tasks.col.progress'), numeric: true, cell: (r) => t('ui.tasks.progress.entries', { count: progress.filter((p) => p.taskId === r.id).length }) },
    !props.readOnly && {
      id: 'actions',
      header: t('ui.tasks.edit'),
      hideHeader: true,
      className: 'col-nowrap',
      cell: (r) => (
        <span className="row-actions">
          <button type="button" className="btn btn-ghost btn-sm" aria-label={`${t('ui.tasks.edit')}: ${r.title}`} onClick={() => setForm({ task: r })}>
            <Icon name="edit" />
          </button>
          <button type="button" className="btn btn-ghost btn-sm" aria-label={`${t('ui.tasks.delete')}: ${r.title}`} onClick={() => tasks.delete(r.id, props.writer)}>
            <Icon name="trash" />
          </button>
        </span>
      ),
    },
  ];

  return (
    <div className="tasks-tab stack">
      <section className="card" aria-labelledby="tasks-title">
        <div className="card-header">
          <h2 id="tasks-title">{t('ui.tasks.title')}</h2>
          <span className="muted small">{t('ui.tasks.count', { count: list.length, open })}</span>
          <span className="grow" />
          {!props.readOnly ? (
            <button type="button" className="btn btn-primary" onClick={() => setForm({ task: null })}>
              <Icon name="plus" /> {t('ui.tasks.add')}
            </button>
          ) : null}
        </div>
        <DataTable label={t('ui.tasks.title')} columns={columns} rows={list} rowKey={(r) => r.id} empty={t('ui.tasks.empty')} onRowClick={(r) => setSelected(r.id)} selectedKey={selected} rowAttributes={(r) => ({ 'data-task': r.title })} />
      </section>
      {current ? <TaskProgressLog tasks={tasks} task={current} writer={props.writer} readOnly={props.readOnly} members={members} version={props.version} /> : null}
      {form ? <TaskFormDialog tasks={tasks} writer={props.writer} task={form.task} members={members} onClose={() => setForm(null)} /> : null}
    </div>
  );
}
