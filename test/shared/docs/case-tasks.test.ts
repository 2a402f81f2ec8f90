/**
 * Tasks, their append-only progress logs and timeline events in the case doc: validated,
 * stamped, audited, deleted as a mark, concurrent edits of different fields both kept.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseTasks } from '../../../shared/docs/case-tasks';
import { CaseEvents } from '../../../shared/docs/case-events';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { classifyDeletion } from '../../../shared/permissions/deletion-rules';
import { NestError } from '../../../shared/errors';

const T1 = '33333333-3333-4333-8333-333333333333';
const E1 = '44444444-4444-4444-8444-444444444444';
const alice = { memberId: 'alice', now: () => Date.UTC(2026, 10, 30, 10) };
const bob = { memberId: 'bob', now: () => Date.UTC(2026, 11, 2, 8) };

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof NestError) return (e.issues ?? []).map((i) => i.field).sort();
    throw e;
  }
  return [];
}

describe('case tasks', () => {
  it('adds a task with stamps and an audit entry, and refuses bad fields writing nothing', () => {
    const doc = new Y.Doc();
    const tasks = new CaseTasks(doc);
    const before = Y.encodeStateAsUpdate(doc);
    expect(fieldsOf(() => tasks.add([{ id: T1, fields: { title: '', dueOn: '2026-02-30', status: 'later' as 'todo' } }], alice))).toEqual(['dueOn', 'status', 'title']);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    tasks.add([{ id: T1, fields: { title: 'Request bill of lading from shipping line', agency: 'ICA', dueOn: '2026-12-15', assignee: 'bob' } }], alice);
    expect(tasks.get(T1)).toMatchObject({ title: 'Request bill of lading from shipping line', status: 'todo', assignee: 'bob', agency: 'ICA', dueOn: '2026-12-15', doneOn: '', createdBy: 'alice', createdAt: Date.UTC(2026, 10, 30, 10) });
    expect(new CaseDoc(doc).readAudit().at(-1)).toMatchObject({ action: 'task.add', target: T1, by: 'alice', summary: { title: 'Request bill of lading from shipping line', status: 'todo', dueOn: '2026-12-15' } });
  });

  it('stamps doneOn when done and clears it when reopened, auditing old → new', () => {
    const tasks = new CaseTasks(new Y.Doc());
    tasks.add([{ id: T1, fields: { title: 'Interview the consignee' } }], alice);
    expect(tasks.update(T1, { status: 'done' }, bob).sort()).toEqual(['doneOn', 'status']);
    expect(tasks.get(T1)).toMatchObject({ status: 'done', doneOn: '2026-12-02', updatedBy: 'bob' });
    expect(new CaseDoc(tasks.doc).readAudit().at(-1)).toMatchObject({ action: 'task.update', changes: { status: { from: 'todo', to: 'done' } } });
    tasks.update(T1, { status: 'in-progress' }, alice);
    expect(tasks.get(T1)).toMatchObject({ status: 'in-progress', doneOn: '' });
  });

  it('keeps an append-only progress log per task, refusing empty entries and unknown tasks', () => {
    const tasks = new CaseTasks(new Y.Doc());
    tasks.add([{ id: T1, fields: { title: 'Trace the Lagos freight forwarder' } }], alice);
    tasks.addProgress(T1, '  Contacted NCS Lagos liaison.  ', alice);
    tasks.addProgress(T1, 'Forwarder named in two 2019 seizures.', bob);
    expect(tasks.progress(T1)).toEqual([
      { taskId: T1, at: Date.UTC(2026, 10, 30, 10), by: 'alice', text: 'Contacted NCS Lagos liaison.' },
      { taskId: T1, at: Date.UTC(2026, 11, 2, 8), by: 'bob', text: 'Forwarder named in two 2019 seizures.' },
    ]);
    expect(() => tasks.addProgress(T1, '   ', alice)).toThrow(/is required/);
    expect(() => tasks.addProgress(E1, 'x', alice)).toThrow(NestError);
    // The relay refuses deletions from the log and treats tasks as a record map.
    expect(classifyDeletion(['taskProgress'], null, false).kind).toBe('append-only');
    expect(classifyDeletion(['tasks'], T1, true)).toEqual({ kind: 'record-removed', map: 'tasks', recordId: T1 });
    expect(classifyDeletion(['events', E1], 'deleted', false)).toEqual({ kind: 'record-flagged', map: 'events', recordId: E1 });
  });

  it('deletes a task as a mark, keeping it readable for the history', () => {
    const tasks = new CaseTasks(new Y.Doc());
    tasks.add([{ id: T1, fields: { title: 'Lab test of scales (species ID)' } }], alice);
    tasks.delete(T1, bob);
    expect(tasks.list()).toEqual([]);
    expect(tasks.get(T1)).toBeNull();
    expect(tasks.get(T1, true)?.title).toBe('Lab test of scales (species ID)');
    expect(tasks.doc.getMap('tasks').get(T1)).toBeInstanceOf(Y.Map);
    expect(() => tasks.delete(T1, bob)).toThrow(NestError);
  });

  it('keeps concurrent edits of different fields of one task', () => {
    const a = new Y.Doc();
    new CaseTasks(a).add([{ id: T1, fields: { title: 'Freeze bank account' } }], alice);
    const b = new Y.Doc();
    sync(a, b);
    new CaseTasks(a).update(T1, { assignee: 'carol' }, alice);
    new CaseTasks(b).update(T1, { dueOn: '2027-01-10' }, bob);
    sync(a, b);
    expect(new CaseTasks(a).get(T1)).toMatchObject({ assignee: 'carol', dueOn: '2027-01-10' });
    expect(new CaseTasks(b).get(T1)).toEqual(new CaseTasks(a).get(T1));
  });
});

describe('case events', () => {
  it('checks the date against its precision', () => {
    const events = new CaseEvents(new Y.Doc());
    expect(fieldsOf(() => events.add(E1, { date: '2024-05', precision: 'day', text: 'x', source: '' }, alice))).toEqual(['date']);
    expect(fieldsOf(() => events.add(E1, { date: '2024-13', precision: 'month', text: 'x', source: '' }, alice))).toEqual(['date']);
    expect(fieldsOf(() => events.add(E1, { date: '2023', precision: 'year', text: '', source: '' }, alice))).toEqual(['text']);
    const e = events.add(E1, { date: '2019-04', precision: 'month', text: 'Consignment booked in Lagos', source: 'NParks press release, 2019-04-08' }, alice);
    expect(e).toMatchObject({ date: '2019-04', precision: 'month', createdBy: 'alice' });
    expect(fieldsOf(() => events.update(E1, { precision: 'day' }, bob))).toEqual(['date']);
    expect(events.update(E1, { date: '2019-04-01', precision: 'day' }, bob).sort()).toEqual(['date', 'precision']);
    events.delete(E1, bob);
    expect(events.list()).toEqual([]);
    expect(new CaseDoc(events.doc).readAudit().map((x) => x.action)).toEqual(['event.add', 'event.update', 'event.delete']);
  });
});
