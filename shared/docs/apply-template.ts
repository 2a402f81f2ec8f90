/**
 * Applies a case template to a case doc in ONE transaction attributed to the member: the empty
 * case fields it fills (an ordinary `case.update`, audited old → new) and its tasks (`task.add`
 * each). Used at creation (the data service) and later (the case screen's "Apply template").
 */
import type * as Y from 'yjs';
import { CaseDoc } from './case-doc';
import { CaseTasks } from './case-tasks';
import { applyTemplate } from './case-templates';
import type { CaseTemplateFields } from '../domain/case-template';
import type { WriteOrigin, Writer } from './records';

/** What an application did: the case fields it filled and how many tasks it added. */
export interface TemplateApplied {
  fields: string[];
  tasks: number;
}

/**
 * Applies `template` to the case in `doc` on `today` (YYYY-MM-DD); `newId` makes each task's id.
 * @throws NestError('validation') when a default is not valid for the case (nothing is written).
 */
export function applyTemplateToCase(doc: Y.Doc, template: CaseTemplateFields, w: Writer, today: string, atCreation: boolean, newId: () => string): TemplateApplied {
  const cd = new CaseDoc(doc);
  const plan = applyTemplate(template, cd.readMeta(), today, atCreation);
  const origin: WriteOrigin = { memberId: w.memberId, kind: 'local-write' };
  let out: TemplateApplied = { fields: [], tasks: 0 };
  doc.transact(() => {
    const fields = cd.updateMeta(plan.fields, w);
    new CaseTasks(doc).add(plan.tasks.map((fields) => ({ id: newId(), fields })), w, 'task.add');
    out = { fields, tasks: plan.tasks.length };
  }, origin);
  return out;
}
