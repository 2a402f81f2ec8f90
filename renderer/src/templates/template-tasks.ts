/**
 * A template's task bundle as text, one task a line: `title ; agency ; days until due` (agency
 * and days optional), so an admin writes a bundle in one text box. Pure, both ways.
 */
import type { TemplateTask } from '../../../shared/domain/case-template';

/** The bundle as editable lines. */
export function tasksToText(tasks: TemplateTask[]): string {
  return tasks.map((x) => [x.title, x.agency, x.dueInDays === null ? '' : String(x.dueInDays)].join(' ; ').replace(/( ; )+$/, '')).join('\n');
}

/** The lines read back: empty lines skipped, a days part that is not a whole number read as no due date. */
export function textToTasks(text: string): TemplateTask[] {
  return text
    .split('\n')
    .map((l) => l.split(';').map((p) => p.trim()))
    .filter((p) => p[0])
    .map(([title, agency, days]) => ({ title: title!, agency: agency ?? '', dueInDays: days && /^\d+$/.test(days) ? Number(days) : null }));
}
