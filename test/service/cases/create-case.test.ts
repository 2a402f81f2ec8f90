/**
 * One case-creation path: `cases.create` and the demo workspace both go through createCase, so both
 * number cases by the clock's year (the demo no longer hard-codes 2026) and list them in the index.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newCaseFields } from '../../../shared/domain/case';
import { createCase } from '../../../service/cases/create-case';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const FIXED = { now: () => Date.UTC(2031, 4, 2, 9), today: () => '2031-05-02' };

describe('createCase', () => {
  it('builds the demo with the clock year, each case numbered once and listed in the index', async () => {
    h = startService({ clock: FIXED });
    const c = h.client();
    await c.call('identity.create', { name: 'Ana Lima', agency: 'Federal Police', role: 'investigator' });
    const demo = await c.call('workspaces.openDemo', {});
    expect(demo).toMatchObject({ demo: true, casePrefix: 'DEMO' });
    const cases = await c.call('cases.list', { workspaceId: demo.id });
    expect(cases.length).toBeGreaterThan(2);
    expect(cases.length).toBe(demo.caseCount);
    const numbers = cases.map((x) => x.number).sort();
    expect(numbers).toEqual(cases.map((_, i) => `DEMO-2031-${String(i + 1).padStart(4, '0')}`));
    expect(new Set(cases.map((x) => x.openedOn))).toEqual(new Set(['2031-05-02']));
    expect(cases.every((x) => x.seizureCount > 0)).toBe(true);
    const index = h.service.workspace(demo.id).workspaceDoc();
    expect(cases.map((x) => index.getCase(x.id)?.number).sort()).toEqual(numbers);
    // A second call opens the same workspace instead of building another.
    expect((await c.call('workspaces.openDemo', {})).id).toBe(demo.id);
  });

  it('numbers past a higher case number already projected (a member case not yet in the index)', async () => {
    h = startService({ clock: FIXED });
    const c = h.client();
    await c.call('identity.create', { name: 'Ana Lima', agency: 'Federal Police', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'TF', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const rt = h.service.workspace(ws.id);
    const first = createCase(rt, { ...newCaseFields('2031-01-10'), title: 'First' });
    expect(first.number).toBe('NEST-2031-0001');
    // Drop the index entry: the projection alone must keep the next number from repeating 0001.
    // (Raw layout, records.ts FlatRecords: the record's `<id>/<field>` keys.)
    const fields = rt.workspaceDoc().doc.getMap('caseFields');
    for (const k of [...fields.keys()]) if (k.startsWith(`${first.id}/`)) fields.delete(k);
    const second = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2031-02-01'), title: 'Second' } });
    expect(second.number).toBe('NEST-2031-0002');
  });
});
