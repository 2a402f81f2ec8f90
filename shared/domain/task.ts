/**
 * A case task (issue 12 item 6): something to be done in the case, by a member or an agency, by a
 * date, with an append-only log of progress entries (each attributed and dated by its writer).
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { isoDateSchema, lineSchema } from './fields';
import { assigneeSchema } from './case';

/** Life-cycle of a task. */
export const TASK_STATUSES = ['todo', 'in-progress', 'done', 'cancelled'] as const;
/** One task status. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Longest progress entry, characters. */
export const MAX_PROGRESS_TEXT = 4000;

/** Per-field schemas of a task. `dueOn` is YYYY-MM-DD or ''; `assignee` a member id or ''. */
export const taskFieldSchemas = {
  title: lineSchema(200).min(1, t('field.required')),
  assignee: assigneeSchema,
  agency: lineSchema(200),
  dueOn: z.union([z.literal(''), isoDateSchema]),
  status: z.enum(TASK_STATUSES),
  /** When the task was marked done (YYYY-MM-DD), '' otherwise; set by the doc helper, not the form. */
  doneOn: z.union([z.literal(''), isoDateSchema]),
};

/** A task's editable fields, validated as a whole. */
export const taskFieldsSchema = z.object(taskFieldSchemas);
/** A task's editable fields. */
export type TaskFields = z.infer<typeof taskFieldsSchema>;

/** A task as read: its fields, id and stamps (ms since epoch). */
export type Task = TaskFields & { id: string; createdBy: string; createdAt: number; updatedBy: string; updatedAt: number };

/** One progress entry of a task's log: `at` ms since epoch, `by` member id. */
export interface TaskProgress {
  taskId: string;
  at: number;
  by: string;
  text: string;
}

/** The text of a progress entry: 1 to {@link MAX_PROGRESS_TEXT} characters, trimmed. */
export const progressTextSchema = z.string().trim().min(1, t('field.required')).max(MAX_PROGRESS_TEXT, t('field.max-characters', { max: MAX_PROGRESS_TEXT }));

/** A new task's fields. */
export function newTaskFields(): TaskFields {
  return { title: '', assignee: '', agency: '', dueOn: '', status: 'todo', doneOn: '' };
}
