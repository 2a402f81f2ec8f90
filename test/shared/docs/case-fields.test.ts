/**
 * The TheHive-level case fields of layout 2: defaults for old docs, validation of each new field,
 * the resolution rule when closing, closing and reopening dates, field history of the new fields.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc, CASE_DOC_LAYOUT } from '../../../shared/docs/case-doc';
import { caseFieldsSchema, newCaseFields } from '../../../shared/domain/case';
import { NestError } from '../../../shared/errors';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const alice = { memberId: 'alice', now: () => Date.UTC(2026, 10, 30, 9) };

function newCase(): CaseDoc {
  const cd = new CaseDoc(new Y.Doc());
  cd.init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-01'), title: 'Pangolin scales, Singapore', jurisdictions: ['SG', 'NG'] }, alice);
  return cd;
}

function issuesOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof NestError) return Object.fromEntries((e.issues ?? []).map((i) => [i.field, i.message]));
    throw e;
  }
  throw new Error('did not throw');
}

describe('case fields (layout 2)', () => {
  it('initialises a new case with layout 2 and the new fields’ defaults', () => {
    const cd = newCase();
    expect(cd.doc.getMap('meta').get('layout')).toBe(CASE_DOC_LAYOUT);
    expect(CASE_DOC_LAYOUT).toBe(2);
    expect(cd.readMeta()).toMatchObject({ severity: 2, pap: 'AMBER', resolution: '', tags: [], participatingAgencies: [], assignee: '', closedOn: '' });
  });

  it('reads a layout-1 doc (no new fields, some garbage) leniently', () => {
    const doc = new Y.Doc();
    const meta = doc.getMap('meta');
    for (const [k, v] of Object.entries({ id: CASE_ID, number: 'NEST-2024-0007', title: 'Old case', status: 'open', sector: 'forestry', tlp: 'RED', jurisdictions: ['ID'], leadAgency: 'KLHK', openedOn: '2024-02-02', layout: 1, severity: 9, tags: 'not-a-list' })) meta.set(k, v);
    const m = new CaseDoc(doc).readMeta();
    expect(m).toMatchObject({ title: 'Old case', tlp: 'RED', severity: 2, tags: [], pap: 'AMBER', assignee: '' });
  });

  it('validates severity, PAP, TLP 2.0, tags, agencies and ISO jurisdictions', () => {
    const cd = newCase();
    expect(issuesOf(() => cd.updateMeta({ severity: 5 as 4, pap: 'AMBER+STRICT' as 'AMBER', tlp: 'WHITE' as 'CLEAR' }, alice))).toEqual({
      severity: expect.any(String),
      pap: expect.any(String),
      tlp: expect.any(String),
    });
    expect(issuesOf(() => cd.updateMeta({ tags: ['ok', 'has space'] }, alice))['tags.1']).toMatch(/must be a tag/);
    expect(issuesOf(() => cd.updateMeta({ tags: ['a', 'A'] }, alice)).tags).toBe('must not repeat a tag');
    expect(issuesOf(() => cd.updateMeta({ participatingAgencies: ['ICA', 'ICA'] }, alice)).participatingAgencies).toBe('must not repeat an agency');
    expect(issuesOf(() => cd.updateMeta({ jurisdictions: ['SG', 'XX'] }, alice))['jurisdictions.1']).toMatch(/ISO 3166-1/);
    expect(cd.updateMeta({ severity: 4, pap: 'RED', tlp: 'AMBER+STRICT', tags: ['Pangolin', 'op:thunder'], participatingAgencies: ['ICA', 'NParks'], assignee: 'bob' }, alice).sort()).toEqual(
      ['assignee', 'pap', 'participatingAgencies', 'severity', 'tags', 'tlp'],
    );
    // Tags are stored lower-case.
    expect(cd.readMeta().tags).toEqual(['pangolin', 'op:thunder']);
  });

  it('refuses closing without a resolution, stamps the closing date, and clears both on reopening', () => {
    const cd = newCase();
    expect(issuesOf(() => cd.updateMeta({ status: 'closed' }, alice))).toEqual({ resolution: 'is required when the case is closed' });
    expect(cd.readMeta().status).toBe('open');
    cd.updateMeta({ status: 'closed', resolution: 'prosecuted' }, alice);
    expect(cd.readMeta()).toMatchObject({ status: 'closed', resolution: 'prosecuted', closedOn: '2026-11-30' });
    expect(issuesOf(() => cd.updateMeta({ resolution: '' }, alice))).toEqual({ resolution: 'is required when the case is closed' });
    expect(issuesOf(() => cd.updateMeta({ closedOn: '2026-10-01' }, alice))).toEqual({ closedOn: 'must not be before the opening date' });
    cd.updateMeta({ status: 'investigating' }, alice);
    expect(cd.readMeta()).toMatchObject({ status: 'investigating', resolution: '', closedOn: '' });
  });

  it('records the new fields’ old and new values in the audit log (field history)', () => {
    const cd = newCase();
    cd.updateMeta({ severity: 3, tags: ['ivory'] }, alice);
    const last = cd.readAudit().at(-1)!;
    expect(last).toMatchObject({ action: 'case.update', changes: { severity: { from: 2, to: 3 }, tags: { from: [], to: ['ivory'] } } });
  });

  it('accepts a layout-1 caller’s fields (the new ones left out) with their defaults', () => {
    const r = caseFieldsSchema.parse({ title: 'x', status: 'open', sector: 'waste', tlp: 'GREEN', jurisdictions: [], leadAgency: '', openedOn: '2026-01-01' });
    expect(r).toMatchObject({ severity: 2, pap: 'AMBER', tags: [], closedOn: '', resolution: '' });
  });
});

describe('a closed case without a resolution, as concurrent edits can merge it', () => {
  it('still takes edits of other fields, and refuses only a write of status or resolution that keeps it so', () => {
    const cd = newCase();
    // One member closed with a resolution while another reopened: the merge can keep `closed` from
    // one and the cleared resolution from the other.
    cd.doc.getMap('meta').set('status', 'closed');
    cd.doc.getMap('meta').set('resolution', '');
    expect(cd.updateMeta({ title: 'Renamed after the merge' }, alice)).toEqual(['title']);
    expect(cd.readMeta().title).toBe('Renamed after the merge');
    expect(issuesOf(() => cd.updateMeta({ status: 'closed' }, alice))).toEqual({ resolution: 'is required when the case is closed' });
    expect(cd.updateMeta({ resolution: 'referred' }, alice)).toEqual(['resolution']);
  });
});
