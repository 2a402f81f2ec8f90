/**
 * Seizures flagged for review on the map clustered by the data service (issue 11, docs/map.md
 * "Flagged for review"): a real data service and client, seizures written with review flags
 * through the case doc's import write and projected by the real Projector. The overview counts the
 * flagged, every cluster counts its flagged seizures (summing to the flagged total at every zoom),
 * single seizures carry their flags, "Flagged for review only" keeps exactly them (as the table's
 * filter does), and "Mark as reviewed" is seen at the next call.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type RaisedReviewFlag, type SeizureFields } from '../../../shared/domain/seizure';
import type { MapItemDto } from '../../../shared/rpc/map';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

type Item = { id: string; fields: SeizureFields; reviewFlags?: RaisedReviewFlag[] };
const OUTSIDE: RaisedReviewFlag = { kind: 'outside-country', country: 'SG', km: 7012.4 };
const LABEL: RaisedReviewFlag = { kind: 'commodity-from-label', label: 'name' };

function item(i: number, lat: number, lon: number, flags?: RaisedReviewFlag[]): Item {
  const fields: SeizureFields = { ...newSeizureFields('2026-01-01'), seizureDate: `2020-0${1 + (i % 9)}-10`, country: 'SG', place: `P${i}`, commodity: 'Ivory', sector: 'wildlife', quantity: 5, unit: 'kg', latitude: lat, longitude: lon, locationPrecision: 'exact' };
  return flags ? { id: randomUUID(), fields, reviewFlags: flags } : { id: randomUUID(), fields };
}

/** 40 seizures on a 0.1° grid around Mombasa (every 5th flagged outside-country: 8), 12 at one quay in Singapore (3 flagged from a label). */
function items(): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < 40; i++) out.push(item(i, -4 + (i % 8) * 0.1, 39.6 + Math.floor(i / 8) * 0.1, i % 5 === 0 ? [OUTSIDE] : undefined));
  for (let i = 0; i < 12; i++) out.push(item(100 + i, 1.274, 103.764, i < 3 ? [LABEL] : undefined));
  return out;
}

const flaggedIn = (its: MapItemDto[]): number => its.reduce((n, it) => n + (it.kind === 'cluster' ? it.flagged : it.point.reviewFlags?.length ? 1 : 0), 0);
const countIn = (its: MapItemDto[]): number => its.reduce((n, it) => n + (it.kind === 'cluster' ? it.count : 1), 0);
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

describe('flagged seizures on the data service’s map', () => {
  it('counts the flagged per cluster and in the overview, filters them, and sees a review at the next call', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'Ana Lima', agency: 'KWS', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'Map', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Ports' } });
    const rt = h.service.workspace(ws.id);
    const written = items();
    rt.host.with(rt.caseDocName(k.id), (doc) => new CaseDoc(doc).importRecords({ seizures: written, routes: [], source: 'flags.csv' }, { memberId: me.memberId }));
    const scope = { workspaceId: ws.id, caseId: k.id };

    const o = await c.call('map.overview', scope);
    expect(o).toMatchObject({ total: 52, shown: 52, flagged: 11 });

    // Every zoom: the clusters' flagged counts and the flagged single seizures add up to the 11.
    for (let zoom = 0; zoom <= 14; zoom++) {
      const { items: its } = await c.call('map.clusters', { ...scope, bbox: WORLD, zoom });
      expect(countIn(its)).toBe(52);
      expect(flaggedIn(its)).toBe(11);
      for (const it of its) if (it.kind === 'cluster') expect(it.flagged).toBeLessThanOrEqual(it.count);
    }
    // The quay in Singapore is one cluster at any zoom: 12 seizures, 3 flagged; its leaves carry the label flag.
    const deep = (await c.call('map.clusters', { ...scope, bbox: [103, 1, 104.5, 1.5], zoom: 13 })).items;
    const quay = deep.find((it) => it.kind === 'cluster');
    expect(quay).toMatchObject({ kind: 'cluster', count: 12, flagged: 3 });
    if (quay?.kind !== 'cluster') throw new Error('expected the quay’s cluster');
    const leaves = await c.call('map.leaves', { ...scope, clusterId: quay.id, limit: 100 });
    expect(leaves.points.filter((p) => p.reviewFlags?.length).map((p) => p.reviewFlags![0]!.kind)).toEqual(['commodity-from-label', 'commodity-from-label', 'commodity-from-label']);
    // A single seizure at zoom 13 carries its flag (every fifth of the Mombasa grid).
    const singles = (await c.call('map.clusters', { ...scope, bbox: [39, -5, 41, -3], zoom: 13 })).items.filter((it) => it.kind === 'point');
    expect(singles).toHaveLength(40);
    const flaggedSingles = singles.flatMap((it) => (it.kind === 'point' && it.point.reviewFlags ? [it.point] : []));
    expect(flaggedSingles.map((p) => p.place).sort()).toEqual(['P0', 'P10', 'P15', 'P20', 'P25', 'P30', 'P35', 'P5']);
    expect(flaggedSingles[0]!.reviewFlags![0]).toMatchObject({ kind: 'outside-country', country: 'SG', km: 7012.4 });
    expect(singles.find((it) => it.kind === 'point' && it.point.place === 'P1')).toMatchObject({ point: { place: 'P1' } });
    expect(singles.some((it) => it.kind === 'point' && it.point.place === 'P1' && 'reviewFlags' in it.point)).toBe(false);

    // "Flagged for review only": exactly the 11, the same set the seizure table's filter answers.
    const only = { ...scope, filter: { flaggedOnly: true } };
    expect(await c.call('map.overview', only)).toMatchObject({ total: 52, shown: 11, flagged: 11 });
    const onlyItems = (await c.call('map.clusters', { ...only, bbox: WORLD, zoom: 14 })).items;
    expect(countIn(onlyItems)).toBe(11);
    expect(flaggedIn(onlyItems)).toBe(11);
    const table = await c.call('seizures.page', { ...scope, flagged: true, limit: 100 });
    const mapIds = new Set<string>();
    for (const it of onlyItems) {
      if (it.kind === 'point') mapIds.add(it.point.id);
      else for (const p of (await c.call('map.leaves', { ...only, clusterId: it.id, limit: 100 })).points) mapIds.add(p.id);
    }
    expect([...mapIds].sort()).toEqual(table.rows.map((r) => r.id).sort());
    // Combined with another filter: flagged seizures of the wildlife sector hidden → none.
    expect(await c.call('map.overview', { ...scope, filter: { flaggedOnly: true, hiddenSectors: ['wildlife'] } })).toMatchObject({ shown: 0, flagged: 0 });

    // "Mark as reviewed" on one quay seizure: the next calls count 10 and the quay 2.
    const reviewed = written[40]!.id;
    expect(await c.call('seizures.markReviewed', { ...scope, seizureId: reviewed })).toEqual({ changed: true });
    expect(await c.call('map.overview', scope)).toMatchObject({ shown: 52, flagged: 10 });
    expect((await c.call('map.overview', only)).shown).toBe(10);
    const after = (await c.call('map.clusters', { ...scope, bbox: [103, 1, 104.5, 1.5], zoom: 13 })).items;
    expect(after.find((it) => it.kind === 'cluster')).toMatchObject({ count: 12, flagged: 2 });
  });

  it('refuses a filter whose flaggedOnly is not a boolean', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'Ana Lima', agency: 'KWS', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'Map', casePrefix: 'NEST', reportingCurrency: 'USD' });
    await expect(c.call('map.overview', { workspaceId: ws.id, filter: { flaggedOnly: 'yes' as unknown as boolean } })).rejects.toThrow(/flaggedOnly/);
  });
});
