/**
 * A task's progress log: its entries, oldest first, each with who wrote it and when, and a box to
 * add one (append-only: there is no edit or delete, a correction is a new entry).
 */
import { useState, type ReactNode } from 'react';
import type { CaseTasks } from '../../../shared/docs/case-tasks';
import type { Writer } from '../../../shared/docs/records';
import type { Task } from '../../../shared/domain/task';
import { NestError } from '../../../shared/errors';
import { formatDateTime } from '../format/dates';
import { t } from '../../../shared/messages';

/** Props of {@link TaskProgressLog}. */
export interface TaskProgressLogProps {
  tasks: CaseTasks;
  task: Task;
  writer: Writer;
  readOnly: boolean;
  members: Map<string, string>;
  /** Changes when the doc changed (re-reads the log). */
  version: number;
}

/** The progress log of one task. */
export function TaskProgressLog(props: TaskProgressLogProps): ReactNode {
  const { tasks, task } = props;
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const entries = tasks.progress(task.id);
  const add = (): void => {
    try {
      tasks.addProgress(task.id, text, props.writer);
      setText('');
      setError('');
    } catch (err) {
      setError(err instanceof NestError ? (err.issues?.[0]?.message ?? err.message) : String(err));
    }
  };
  return (
    <section className="card task-progress" aria-labelledby="task-progress-title" data-version={props.version}>
      <div className="card-header">
        <h3 id="task-progress-title">
          {t('ui.tasks.progress.title')} · {task.title}
        </h3>
      </div>
      <div className="card-body">
        {entries.length === 0 ? <p className="muted">{t('ui.tasks.progress.empty')}</p> : null}
        <ol className="progress-log">
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <div className="progress-meta">
                <strong>{props.members.get(e.by) ?? e.by}</strong> <span className="muted small">{formatDateTime(e.at)}</span>
              </div>
              <p>{e.text}</p>
            </li>
          ))}
        </ol>
        {!props.readOnly ? (
          <form className="progress-add" onSubmit={(e) => { e.preventDefault(); add(); }}>
            <textarea className="input" rows={2} aria-label={t('ui.tasks.progress.add')} placeholder={t('ui.tasks.progress.placeholder')} value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit" className="btn" disabled={!text.trim()}>
              {t('ui.tasks.progress.add')}
            </button>
            {error ? <span className="field-error" role="alert">{error}</span> : null}
          </form>
        ) : null}
      </div>
    </section>
  );
}
