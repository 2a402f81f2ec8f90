/**
 * Case templates in the renderer: the task bundle's text form round-trips, "Apply template" on an
 * existing case adds the tasks and fills only empty fields (never overwriting), and says exactly
 * what it added; the template view reports changes to its observers.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseTasks } from '../../../shared/docs/case-tasks';
import { CaseTemplates } from '../../../shared/docs/case-templates';
import { applyTemplateToCase } from '../../../shared/docs/apply-template';
import { newCaseFields } from '../../../shared/domain/case';
import { tasksToText, textToTasks } from '../../../renderer/src/templates/template-tasks';
import { appliedSentence } from '../../../renderer/src/templates/apply-template-dialog';

const ada = { memberId: 'ada', now: () => 1_765_000_000_000 };

describe('case templates in the UI', () => {
  it('reads and writes the task bundle as lines', () => {
    const tasks = textToTasks('Request bill of lading ; ICA ; 7\n\nDNA test of scales ; ; 30\nInterview master\nTrace consignee ; Police ; soon');
    expect(tasks).toEqual([
      { title: 'Request bill of lading', agency: 'ICA', dueInDays: 7 },
      { title: 'DNA test of scales', agency: '', dueInDays: 30 },
      { title: 'Interview master', agency: '', dueInDays: null },
      { title: 'Trace consignee', agency: 'Police', dueInDays: null },
    ]);
    expect(textToTasks(tasksToText(tasks))).toEqual(tasks);
    expect(tasksToText([{ title: 'Interview master', agency: '', dueInDays: null }])).toBe('Interview master');
  });

  it('applies a template to an existing case without overwriting and says what it added', () => {
    const ws = new CaseTemplates(new Y.Doc());
    let seen = 0;
    const stop = ws.observe(() => seen++);
    const tpl = ws.add('77777777-7777-4777-8777-777777777777', { name: 'Port seizure', titlePrefix: 'Port: ', defaults: { sector: 'wildlife', leadAgency: 'ICA', tags: ['port'] }, tasks: textToTasks('Request bill of lading ; ICA ; 7\nDNA test ; ; 30') }, ada);
    stop();
    expect(seen).toBe(1);
    const cd = new CaseDoc(new Y.Doc());
    cd.init('11111111-1111-4111-8111-111111111111', 'NEST-2026-0001', { ...newCaseFields('2025-12-06'), title: 'Scales', leadAgency: 'Singapore Customs' }, ada);
    let n = 0;
    const applied = applyTemplateToCase(cd.doc, tpl, ada, '2025-12-06', false, () => `00000000-0000-4000-8000-00000000000${++n}`);
    expect(cd.readMeta().leadAgency).toBe('Singapore Customs');
    expect(cd.readMeta().tags).toEqual(['port']);
    expect(new CaseTasks(cd.doc).list().map((x) => [x.title, x.agency, x.dueOn])).toEqual([
      ['Request bill of lading', 'ICA', '2025-12-13'],
      ['DNA test', '', '2026-01-05'],
    ]);
    expect(applied.tasks).toBe(2);
    expect(appliedSentence(applied)).toMatch(/^Added 2 tasks and filled the .*tags.*\.$/);
    expect(appliedSentence({ fields: [], tasks: 1 })).toBe('Added 1 task; no empty field to fill.');
  });
});
