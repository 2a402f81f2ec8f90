/** Case templates in the workspace doc, and applying one at creation or later (fills empty fields only, adds tasks). */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseTemplates, applyTemplate } from '../../../shared/docs/case-templates';
import { applyTemplateToCase } from '../../../shared/docs/apply-template';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseTasks } from '../../../shared/docs/case-tasks';
import { newCaseFields } from '../../../shared/domain/case';
import type { CaseTemplateFields } from '../../../shared/domain/case-template';

const TPL = '55555555-5555-4555-8555-555555555555';
const CASE_ID = '11111111-1111-4111-8111-111111111111';
const admin = { memberId: 'admin', now: () => Date.UTC(2026, 10, 30) };

const pangolin: CaseTemplateFields = {
  name: 'Wildlife seizure at port',
  titlePrefix: 'Port seizure: ',
  defaults: { sector: 'wildlife', tlp: 'AMBER+STRICT', severity: 3, tags: ['port'], participatingAgencies: ['Customs'], leadAgency: 'NParks' },
  tasks: [
    { title: 'Obtain bill of lading', agency: 'Customs', dueInDays: 7 },
    { title: 'Species identification (lab)', agency: '', dueInDays: null },
  ],
};

let n = 0;
const newId = (): string => `66666666-6666-4666-8666-${String(++n).padStart(12, '0')}`;

describe('case templates', () => {
  it('stores templates in the workspace doc, validated, unique by name, deleted as a mark', () => {
    const ws = new CaseTemplates(new Y.Doc());
    ws.add(TPL, pangolin, admin);
    expect(ws.list()).toEqual([{ ...pangolin, tasks: pangolin.tasks, id: TPL, updatedBy: 'admin', updatedAt: Date.UTC(2026, 10, 30) }]);
    expect(() => ws.add(newId(), { ...pangolin, name: 'wildlife SEIZURE at port' }, admin)).toThrow(/already exists/);
    expect(() => ws.add(newId(), { ...pangolin, name: 'x', defaults: { severity: 7 as 1 } }, admin)).toThrow(/severity/);
    expect(ws.update(TPL, { titlePrefix: 'Port: ' }, admin)).toEqual(['titlePrefix']);
    ws.delete(TPL, admin);
    expect(ws.list()).toEqual([]);
    expect(ws.doc.getArray('audit').toArray().map((e) => (e as { action: string }).action)).toEqual(['template.add', 'template.update', 'template.delete']);
  });

  it('at creation: sets the prefix and defaults, adds the tasks with due dates', () => {
    const plan = applyTemplate(pangolin, { ...newCaseFields('2026-11-30'), title: 'MSKU 123' }, '2026-11-30', true);
    expect(plan.fields).toEqual({ title: 'Port seizure: MSKU 123', sector: 'wildlife', tlp: 'AMBER+STRICT', severity: 3, tags: ['port'], participatingAgencies: ['Customs'], leadAgency: 'NParks' });
    expect(plan.tasks).toEqual([
      { title: 'Obtain bill of lading', agency: 'Customs', dueOn: '2026-12-07' },
      { title: 'Species identification (lab)', agency: '', dueOn: '' },
    ]);
  });

  it('later: fills only empty fields, never overwrites, and adds its tasks in one transaction', () => {
    const cd = new CaseDoc(new Y.Doc());
    cd.init(CASE_ID, 'NEST-2026-0002', { ...newCaseFields('2026-11-01'), title: 'Tanjung Pelepas', tlp: 'RED', severity: 4, leadAgency: 'Royal Malaysian Customs', tags: [] }, admin);
    let txs = 0;
    cd.doc.on('afterTransaction', () => txs++);
    const r = applyTemplateToCase(cd.doc, pangolin, admin, '2026-11-30', false, newId);
    expect(txs).toBe(1);
    expect({ ...r, fields: r.fields.sort() }).toEqual({ fields: ['participatingAgencies', 'tags'], tasks: 2 });
    expect(cd.readMeta()).toMatchObject({ title: 'Tanjung Pelepas', tlp: 'RED', severity: 4, leadAgency: 'Royal Malaysian Customs', tags: ['port'], participatingAgencies: ['Customs'] });
    expect(new CaseTasks(cd.doc).list().map((t) => [t.title, t.dueOn])).toEqual([
      ['Obtain bill of lading', '2026-12-07'],
      ['Species identification (lab)', ''],
    ]);
  });
});
