/**
 * Adding or editing a task: title, assignee, agency, due date and status in a FormDialog, checked
 * with the shared task schema before anything is written (CaseTasks validates again).
 */
import { useState, type ReactNode } from 'react';
import type { CaseTasks } from '../../../shared/docs/case-tasks';
import type { Writer } from '../../../shared/docs/records';
import { newTaskFields, TASK_STATUSES, taskFieldsSchema, type Task, type TaskFields, type TaskStatus } from '../../../shared/domain/task';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { AssigneeSelect } from '../case/case-selects';
import { t, type MessageId } from '../../../shared/messages';

/** The label of a task status. */
export function taskStatusLabel(s: TaskStatus): string {
  return t(`ui.tasks.status.${s}` as MessageId);
}

/** Props of {@link TaskFormDialog}. */
export interface TaskFormDialogProps {
  tasks: CaseTasks;
  writer: Writer;
  /** The task edited; null to add one. */
  task: Task | null;
  members: Map<string, string>;
  onClose: () => void;
}

/** The task form. */
export function TaskFormDialog(props: TaskFormDialogProps): ReactNode {
  const { task } = props;
  const [f, setF] = useState<TaskFields>(() => (task ? { title: task.title, assignee: task.assignee, agency: task.agency, dueOn: task.dueOn, status: task.status, doneOn: task.doneOn } : newTaskFields()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof TaskFields>(k: K, v: TaskFields[K]): void => setF((x) => ({ ...x, [k]: v }));
  const submit = (): boolean => {
    const r = taskFieldsSchema.safeParse(f);
    if (!r.success) {
      setErrors(zodFieldErrors(r.error.issues));
      return false;
    }
    const { doneOn: _d, ...fields } = r.data;
    if (task) props.tasks.update(task.id, fields, props.writer);
    else props.tasks.add([{ id: crypto.randomUUID(), fields }], props.writer);
    props.onClose();
    return true;
  };
  return (
    <FormDialog title={task ? t('ui.tasks.edit') : t('ui.tasks.add')} submitLabel={task ? t('ui.tasks.edit') : t('ui.tasks.add')} submitIcon="check" onClose={props.onClose} onSubmit={submit} onIssues={(i) => setErrors(issueFieldErrors(i))} formClassName="dialog-body form-grid">
      <Field label={t('ui.tasks.col.title')} error={errors.title} className="span-all">
        {(c) => <input {...c} className="input" value={f.title} onChange={(e) => set('title', e.target.value)} />}
      </Field>
      <Field label={t('ui.tasks.col.assignee')} error={errors.assignee}>
        {(c) => <AssigneeSelect {...c} members={props.members} value={f.assignee} onChange={(e) => set('assignee', e.target.value)} />}
      </Field>
      <Field label={t('ui.tasks.col.agency')} error={errors.agency} optional>
        {(c) => <input {...c} className="input" value={f.agency} onChange={(e) => set('agency', e.target.value)} />}
      </Field>
      <Field label={t('ui.tasks.col.due')} error={errors.dueOn} optional>
        {(c) => <input {...c} className="input" type="date" value={f.dueOn} onChange={(e) => set('dueOn', e.target.value)} />}
      </Field>
      <Field label={t('ui.tasks.col.status')} error={errors.status}>
        {(c) => (
          <select {...c} className="select" value={f.status} onChange={(e) => set('status', e.target.value as TaskStatus)}>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {taskStatusLabel(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}
