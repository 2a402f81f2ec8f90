/**
 * One case-creation path: `cases.create` and the demo workspace both go through createCase, so both
 * number cases by the clock's year (the demo no longer hard-codes 2026) and list them in the index.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newCaseFields } from '../../../shared/domain/case';
import { createCase } from '../../../service/cases/create-case';
import { DEMO_SOURCE, demoPriceFor } from '../../../service/workspace/demo';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { ReferenceLists } from '../../../shared/docs/reference-lists';
import { startService, type Harness } from '../../helpers/service';
import { valuationRows } from '../../helpers/valuation-rows';

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

  it('attributes the demo to its public sources, not to the person who opened it, and values what its cited prices fit', async () => {
    h = startService({ clock: FIXED });
    const c = h.client();
    const me = await c.call('identity.create', { name: 'Ana Lima', agency: 'Federal Police', role: 'investigator' });
    const demo = await c.call('workspaces.openDemo', {});
    const rt = h.service.workspace(demo.id);
    const index = rt.workspaceDoc();
    expect(index.getMember(DEMO_SOURCE.id)).toMatchObject({ name: 'Public sources (demo data)', role: 'observer' });
    const cases = await c.call('cases.list', { workspaceId: demo.id });
    const localId = rt.local().memberId;
    expect(localId).not.toBe(DEMO_SOURCE.id);
    let seizures = 0;
    for (const x of cases) {
      expect(index.getCase(x.id)?.createdBy).toBe(DEMO_SOURCE.id);
      const doc = rt.host.with(rt.caseDocName(x.id), (d) => {
        const cd = new CaseDoc(d);
        return { meta: cd.readMeta(), seizures: cd.listSeizures() };
      });
      expect(doc.meta.createdBy).toBe(DEMO_SOURCE.id);
      for (const s of doc.seizures) expect([s.createdBy, s.updatedBy]).toEqual([DEMO_SOURCE.id, DEMO_SOURCE.id]);
      seizures += doc.seizures.length;
    }
    expect(seizures).toBe(59);
    expect(me.name).toBe('Ana Lima');

    // The two cited prices, written by the sources, with their citations.
    const prices = new ReferenceLists(index.doc).listPriceReferences();
    expect(prices.map((p) => [p.commodity, p.low, p.high, p.currency, p.unit, p.createdBy]).sort()).toEqual([
      ['elephant ivory (raw tusks)', 730, 2100, 'USD', 'kg', DEMO_SOURCE.id],
      ['pangolin scales', 3000, 3000, 'USD', 'kg', DEMO_SOURCE.id],
    ]);
    expect(prices.every((p) => p.citationTitle.length > 20 && p.citationUrl.startsWith('https://'))).toBe(true);

    // The wildlife case's estimate is not empty: raw ivory and pangolin scales in mass units are valued.
    const wildlife = cases.find((x) => x.sector === 'wildlife')!;
    const v = { ...(await c.call('valuation.case', { workspaceId: demo.id, caseId: wildlife.id })), ...(await valuationRows(c, { workspaceId: demo.id, caseId: wildlife.id })) };
    const valuedCommodities = v.seizures.filter((s) => s.valuations.length > 0).map((s) => s.commodity);
    expect(new Set(valuedCommodities)).toEqual(new Set(['pangolin scales', 'elephant ivory', 'elephant ivory (tusks)']));
    expect(v.counts.valued).toBe(valuedCommodities.length);
    expect(v.counts.valued).toBeGreaterThan(5);
    // Carved ivory is another market: not valued with the raw-tusk price.
    expect(v.seizures.filter((s) => s.commodity === 'elephant ivory (cut and carved)').every((s) => s.valuations.length === 0)).toBe(true);
    expect(v.total.usd.low).toBeGreaterThan(0);
    expect(v.total.usd.high).toBeGreaterThan(v.total.usd.low);
  });

  it('values a demo seizure only with the price of its own commodity', () => {
    expect(demoPriceFor('Elephant ivory (tusks)')).toBe('elephant ivory (raw tusks)');
    expect(demoPriceFor('elephant ivory')).toBe('elephant ivory (raw tusks)');
    expect(demoPriceFor(' pangolin scales ')).toBe('pangolin scales');
    expect(demoPriceFor('elephant ivory (cut and carved)')).toBeNull();
    expect(demoPriceFor('rhino horn')).toBeNull();
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
