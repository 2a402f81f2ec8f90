/**
 * The notes fragment and the layout-2 migration of the plain summary: lossless, idempotent, and
 * not duplicated when two replicas migrate at once and then merge.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseNotes, migrationClientId, notesText } from '../../../shared/docs/case-notes';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const alice = { memberId: 'alice', now: () => 1_700_000_000_000 };
const bob = { memberId: 'bob', now: () => 1_700_000_100_000 };
const SUMMARY = 'Container MSKU 123 from Lagos.\n\n12.9 t of pangolin scales, declared as frozen beef.\nNParks and ICA joint inspection.';

/** A layout-1 case doc as an old client wrote it: meta without the new keys, and a summary. */
function layout1Doc(): Y.Doc {
  const doc = new Y.Doc();
  const meta = doc.getMap('meta');
  for (const [k, v] of Object.entries({ id: CASE_ID, number: 'NEST-2019-0004', title: 'Pangolin scales', status: 'open', sector: 'wildlife', tlp: 'AMBER', jurisdictions: ['SG'], leadAgency: 'NParks', openedOn: '2019-04-03', layout: 1 })) meta.set(k, v);
  doc.getText('summary').insert(0, SUMMARY);
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('case notes', () => {
  it('copies every summary line into a paragraph, without loss, and keeps the summary for old replicas', () => {
    const doc = layout1Doc();
    const notes = new CaseNotes(doc);
    expect(notes.migrateSummary(alice, 2)).toBe(true);
    expect(notes.readText()).toBe(SUMMARY);
    expect(notes.fragment.length).toBe(4);
    expect((notes.fragment.get(0) as Y.XmlElement).nodeName).toBe('paragraph');
    expect(doc.getText('summary').toString()).toBe(SUMMARY);
    expect(doc.getMap('meta').get('layout')).toBe(2);
    expect(notes.isMigrated()).toBe(true);
  });

  it('migrates once: a second call does nothing', () => {
    const doc = layout1Doc();
    const notes = new CaseNotes(doc);
    notes.migrateSummary(alice, 2);
    expect(notes.migrateSummary(alice, 2)).toBe(false);
    expect(notes.readText()).toBe(SUMMARY);
  });

  it('does not duplicate the text when two replicas migrate concurrently and merge', () => {
    const a = layout1Doc();
    const b = new Y.Doc();
    sync(a, b);
    // Both replicas see an unmigrated case and migrate before hearing of each other.
    expect(new CaseNotes(a).migrateSummary(alice, 2)).toBe(true);
    expect(new CaseNotes(b).migrateSummary(bob, 2)).toBe(true);
    sync(a, b);
    expect(new CaseNotes(a).readText()).toBe(SUMMARY);
    expect(new CaseNotes(b).readText()).toBe(SUMMARY);
    expect(new CaseNotes(a).fragment.length).toBe(4);
    // Edits made after the merge land once, on both sides.
    (new CaseNotes(a).fragment.get(0) as Y.XmlElement).insert(1, [new Y.XmlText(' Seized 3 Apr 2019.')]);
    sync(a, b);
    expect(new CaseNotes(b).readText().split('\n')[0]).toBe('Container MSKU 123 from Lagos. Seized 3 Apr 2019.');
  });

  it('keeps a member’s notes typed on another replica while the migration happens', () => {
    const a = layout1Doc();
    const b = new Y.Doc();
    sync(a, b);
    new CaseNotes(a).migrateSummary(alice, 2);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Bob’s note')]);
    new CaseNotes(b).fragment.insert(0, [p]);
    sync(a, b);
    const text = new CaseNotes(a).readText();
    expect(text).toContain('Bob’s note');
    expect(text).toContain(SUMMARY);
    expect(new CaseNotes(b).readText()).toBe(text);
  });

  it('a new case is migrated from the start (nothing to copy)', () => {
    const cd = new CaseDoc(new Y.Doc());
    cd.init(CASE_ID, 'NEST-2026-0001', { title: 'x', status: 'open', sector: 'waste', tlp: 'GREEN', jurisdictions: [], leadAgency: '', openedOn: '2026-01-01' }, alice);
    const notes = new CaseNotes(cd.doc);
    expect(notes.isMigrated()).toBe(true);
    expect(notes.migrateSummary(alice, 2)).toBe(false);
  });

  it('reads headings, lists and tables as lines of text, and reports notes edits as a summary change', () => {
    const cd = new CaseDoc(layout1Doc());
    const changes: boolean[] = [];
    cd.observe((c) => changes.push(c.summary));
    const frag = new CaseNotes(cd.doc).fragment;
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', '2');
    h.insert(0, [new Y.XmlText('Suspects')]);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const para = new Y.XmlElement('paragraph');
    const linked = new Y.XmlText();
    para.insert(0, [linked]);
    item.insert(0, [para]);
    list.insert(0, [item]);
    frag.insert(0, [h, list]);
    linked.insert(0, 'MV Example', { link: { href: 'nest:entity/123' } });
    expect(notesText(frag)).toBe('Suspects\nMV Example');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every(Boolean)).toBe(true);
  });

  it('derives different migration ids for different summaries and cases', () => {
    expect(migrationClientId(CASE_ID, 'a')).not.toBe(migrationClientId(CASE_ID, 'b'));
    expect(migrationClientId(CASE_ID, 'a')).toBe(migrationClientId(CASE_ID, 'a'));
    expect(migrationClientId('other', 'a')).not.toBe(migrationClientId(CASE_ID, 'a'));
  });
});
