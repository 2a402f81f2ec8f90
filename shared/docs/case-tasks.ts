/**
 * A case's tasks and their progress logs: the only code that reads or writes these raw Y types.
 * They live in the case Y.Doc beside the layout of `case-doc.ts`:
 *
 * - `tasks`        Y.Map<taskId, Y.Map<field, value>> of {@link TaskFields} plus stamps; a deleted
 *                  task keeps its record with `deleted: true` (case-record-map.ts).
 * - `taskProgress` Y.Array of {@link TaskProgress}, append-only (the relay refuses deletions from
 *                  it, deletion-rules.ts): a correction is a new entry.
 * - `audit`        the case's audit log: `task.add`, `task.update`, `task.progress`, `task.delete`.
 *
 * Marking a task done stamps `doneOn` (the writer's UTC date) so the timeline can place it;
 * reopening clears it.
 */
import * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { newTaskFields, progressTextSchema, taskFieldSchemas, taskFieldsSchema, type Task, type TaskFields, type TaskProgress } from '../domain/task';
import type { AuditEntry } from './case-audit';
import { CaseRecordMap } from './case-record-map';
import { stamp, validateWhole, writeFields, type Writer } from './records';
import { NestError } from '../errors';

/** Typed view over the tasks of one case Y.Doc. Cheap to construct; holds no state of its own. */
export class CaseTasks extends DocView {
  constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  private get records(): CaseRecordMap<TaskFields> {
    return new CaseRecordMap<TaskFields>(this.doc.getMap('tasks'), this.doc.getMap('meta'), this.doc.getArray<AuditEntry>('audit'), {
      kind: 'task',
      fields: taskFieldSchemas,
      whole: taskFieldsSchema,
      defaults: newTaskFields(),
      summary: ['title', 'status', 'dueOn'],
    });
  }
  private get progressLog(): Y.Array<unknown> {
    return this.doc.getArray('taskProgress');
  }
  private readonly tx = <T>(w: Writer, fn: () => T): T => this.write(w, fn);

  /** Every live task, oldest first. */
  list(): Task[] {
    return this.records.list();
  }

  /** One task; null when unknown or deleted (unless `withDeleted`: the history names deleted tasks). */
  get(id: string, withDeleted = false): Task | null {
    return this.records.get(id, withDeleted);
  }

  /**
   * Adds tasks in one transaction, one audit entry each (`action`: 'task.add', or e.g.
   * 'template.task' when a case template adds them). A task added as done gets `doneOn`.
   * @throws NestError('validation') naming each bad field; nothing is written.
   */
  add(items: { id: string; fields: Partial<TaskFields> & { title: string } }[], w: Writer, action = 'task.add'): void {
    const today = new Date(stamp(w)).toISOString().slice(0, 10);
    const full = items.map((it) => {
      const f = { ...newTaskFields(), ...it.fields };
      return { id: it.id, fields: { ...f, doneOn: f.status === 'done' ? f.doneOn || today : '' } };
    });
    this.records.add(this.tx, full, w, action);
  }

  /**
   * Updates a task's fields. Changing the status to done stamps `doneOn` with the writer's UTC
   * date; any other status clears it.
   * @returns the changed field names.
   * @throws NestError('not-found'); NestError('validation').
   */
  update(id: string, patch: Partial<TaskFields>, w: Writer): string[] {
    const p: Partial<TaskFields> = { ...patch };
    if (patch.status !== undefined) p.doneOn = patch.status === 'done' ? (this.get(id)?.doneOn || new Date(stamp(w)).toISOString().slice(0, 10)) : '';
    return this.records.update(this.tx, id, p, w);
  }

  /**
   * Deletes a task (kept with `deleted: true`); its progress log stays.
   * @throws NestError('not-found').
   */
  delete(id: string, w: Writer): void {
    this.records.delete(this.tx, id, w);
  }

  /**
   * Appends a progress entry to a live task's log (and an audit entry `task.progress`).
   * @throws NestError('not-found') for an unknown or deleted task; NestError('validation') for an empty or too long text.
   */
  addProgress(taskId: string, text: string, w: Writer): TaskProgress {
    if (!this.get(taskId)) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'task', id: taskId } });
    const clean = validateWhole(progressTextSchema, text);
    const entry: TaskProgress = { taskId, at: stamp(w), by: w.memberId, text: clean };
    this.write(w, () => {
      this.progressLog.push([entry]);
      this.doc.getArray<AuditEntry>('audit').push([{ at: entry.at, by: w.memberId, action: 'task.progress', target: taskId }]);
      writeFields(this.doc.getMap('meta'), { updatedBy: w.memberId, updatedAt: entry.at });
    });
    return entry;
  }

  /** A task's progress entries, oldest first (entries of another shape, from a buggy peer, are left out). */
  progress(taskId: string): TaskProgress[] {
    return this.allProgress().filter((p) => p.taskId === taskId);
  }

  /** Every valid progress entry, oldest first. */
  allProgress(): TaskProgress[] {
    return this.progressLog
      .toArray()
      .filter(isProgress)
      .sort((a, b) => a.at - b.at);
  }
}

function isProgress(v: unknown): v is TaskProgress {
  if (!v || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return typeof p.taskId === 'string' && typeof p.at === 'number' && typeof p.by === 'string' && typeof p.text === 'string';
}
