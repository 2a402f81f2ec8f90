/**
 * History sentences of the case file's records (issue 12 item 8): tasks, timeline events,
 * entities and links read as exact English sentences from the catalogue, through the real case
 * doc (deleted records still named), and name their record for the history's record filter.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseTasks } from '../../../shared/docs/case-tasks';
import { CaseEvents } from '../../../shared/docs/case-events';
import { newCaseFields } from '../../../shared/domain/case';
import { newLinkFields } from '../../../shared/domain/entity-links';
import { activitySentence, toAuditLine } from '../../../shared/activity/activity-sentence';
import { caseActivityContext } from '../../../shared/activity/case-activity-context';
import { recordKindOf, recordLabel } from '../../../shared/activity/activity-records';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const VESSEL = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const COMPANY = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const LINK = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const TASK = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
const EVENT = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
const ada = { memberId: 'ada', now: () => 1_700_000_000_000 };

const vessel = { kind: 'vessel', name: 'MV Ocean Star', aliases: [], imo: 'IMO 9074729', mmsi: '', flag: 'SG', callSign: '', notes: '' };
const company = { kind: 'organisation', name: 'Baraka Traders', aliases: [], registrationNumber: '0201234567', jurisdiction: 'KE', notes: '' };

function newCase(): CaseDoc {
  const cd = new CaseDoc(new Y.Doc());
  cd.init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Pangolin scales via Singapore' }, ada);
  return cd;
}

/** The sentences of the log after the case's creation, oldest first. */
function sentences(cd: CaseDoc): string[] {
  const ctx = caseActivityContext(cd);
  return cd
    .readAudit()
    .slice(1)
    .map((e) => activitySentence(toAuditLine(e)!, ctx));
}

describe('history sentences of tasks, events, entities and links', () => {
  it('says who linked what to what, and names entities even after deletion', () => {
    const cd = newCase();
    cd.addEntity(VESSEL, vessel, ada);
    cd.addEntity(COMPANY, company, ada);
    cd.addLink(LINK, { ...newLinkFields(COMPANY, VESSEL, 'owner'), source: 'Lloyd’s List' }, ada);
    cd.updateLink(LINK, { source: 'Singapore Customs press release' }, ada);
    cd.updateEntity(VESSEL, { flag: 'PA' }, ada);
    cd.deleteLink(LINK, ada);
    cd.deleteEntity(VESSEL, ada);
    expect(sentences(cd)).toEqual([
      'added the vessel “MV Ocean Star”',
      'added the organisation “Baraka Traders”',
      'linked “Baraka Traders” to “MV Ocean Star” as owner of',
      'changed the source from “Lloyd’s List” to “Singapore Customs press release” of the link from “Baraka Traders” to “MV Ocean Star”',
      'changed the flag from Singapore to Panama of the vessel “MV Ocean Star”',
      'removed the link “Baraka Traders” owner of “MV Ocean Star”',
      'deleted the vessel “MV Ocean Star”',
    ]);
  });

  it('names tasks and timeline events, their changes, progress and deletions', () => {
    const cd = newCase();
    const tasks = new CaseTasks(cd.doc);
    const events = new CaseEvents(cd.doc);
    tasks.add([{ id: TASK, fields: { title: 'Request the bill of lading', agency: 'ICA' } }], ada);
    tasks.update(TASK, { status: 'done' }, ada);
    tasks.addProgress(TASK, 'Shipping line answered', ada);
    tasks.delete(TASK, ada);
    events.add(EVENT, { date: '2019-04-03', precision: 'day', text: 'Containers inspected at Pasir Panjang', source: 'ICA' }, ada);
    events.delete(EVENT, ada);
    const out = sentences(cd);
    expect(out[0]).toBe('added the task “Request the bill of lading”');
    expect(out[1]).toMatch(/^changed the status from .+ to .+ of the task “Request the bill of lading”$/);
    expect(out.slice(2)).toEqual([
      'logged progress on the task “Request the bill of lading”',
      'deleted the task “Request the bill of lading”',
      'added the timeline event “Containers inspected at Pasir Panjang”',
      'deleted the timeline event “Containers inspected at Pasir Panjang”',
    ]);
  });

  it('falls back to the entry summary, then to an unnamed record, never to a raw id', () => {
    const none = { seizure: () => null, route: () => null, valuationSeizure: () => null };
    const del = toAuditLine({ at: 1, by: 'x', action: 'entity.delete', target: VESSEL, summary: { kind: 'bank-account', iban: 'GB82WEST12345698765432' } })!;
    expect(activitySentence(del, none)).toBe('deleted the bank account “GB82WEST12345698765432”');
    expect(activitySentence(toAuditLine({ at: 1, by: 'x', action: 'task.delete', target: TASK })!, none)).toBe('deleted the task “a task”');
    expect(activitySentence(toAuditLine({ at: 1, by: 'x', action: 'link.add', target: LINK })!, none)).toBe('linked “an unnamed record” to “an unnamed record” as linked to');
  });

  it('names each record for the record filter and maps actions to record kinds', () => {
    const cd = newCase();
    cd.addEntity(VESSEL, vessel, ada);
    cd.addEntity(COMPANY, company, ada);
    cd.addLink(LINK, newLinkFields(COMPANY, VESSEL, 'operator'), ada);
    const ctx = caseActivityContext(cd);
    const labels = cd.readAudit().map((e) => recordLabel(toAuditLine(e)!, ctx));
    expect(labels).toEqual(['Case: the case itself', 'Entity: MV Ocean Star', 'Entity: Baraka Traders', 'Link: Baraka Traders → MV Ocean Star']);
    expect(recordKindOf('assumption.interdiction')).toBe('case');
    expect(recordKindOf('task.progress')).toBe('task');
    expect(recordKindOf('custody.append')).toBeNull();
  });
});
