/**
 * `seizures.page` as the seizure pickers and "Assign a price" use it (issue 11 item 4): a case of
 * 3,000 seizures — 1,000 in the case doc, 2,000 in two volume docs — searched by words and by
 * crime sector on the projection. The sector narrows the count and the rows exactly as the
 * seizures' own fields say, volume seizures included; a seizure found in a volume reads whole
 * through `seizures.get` (the picker's label); an unknown sector is refused with an invalid-params
 * error and the service answers the next call.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import type { CrimeSector } from '../../../shared/domain/codes';
import { newSeizureFields, type Seizure, type SeizureFields } from '../../../shared/domain/seizure';
import type { DataClient } from '../../../renderer/src/data/client';
import { registerCase, startService, type Harness } from '../../helpers/service';

const SECTORS: CrimeSector[] = ['wildlife', 'forestry', 'fisheries'];
const COMMODITIES = ['Ivory', 'Rosewood logs', 'Shark fins', 'Pangolin scales'];

let h: Harness;
let c: DataClient;
let wsId: string;
let caseId: string;
let all: Seizure[];
let inVolumes: Set<string>;

/** Seizure `i` of the generated case: sector and commodity cycle at different rates, so they mix. */
function fields(i: number): SeizureFields {
  return { ...newSeizureFields('2026-01-01'), seizureDate: `2024-${String(1 + (i % 12)).padStart(2, '0')}-15`, country: 'KE', place: `Berth ${i}`, sector: SECTORS[i % 3]!, commodity: COMMODITIES[i % 4]!, quantity: 1 + i, unit: 'kg' };
}

beforeAll(async () => {
  h = startService();
  const r = await registerCase(h);
  ({ c, caseId } = r);
  wsId = r.ws.id;
  const make = (from: number, n: number): { id: string; fields: SeizureFields }[] => Array.from({ length: n }, (_v, k) => ({ id: randomUUID(), fields: fields(from + k) }));
  r.ws.host.with(r.ws.caseDocName(caseId), (doc) => {
    new CaseDoc(doc).addSeizures(make(0, 1000), r.w);
    listVolumesIn(doc, [1, 2], r.w);
  });
  for (const n of [1, 2]) r.ws.host.with(volumeDocName(wsId, caseId, n), (doc) => new VolumeDoc(doc).insertSeizures(make(n * 1000, 1000), r.w));
  const fromVolumes = [1, 2].flatMap((n) => r.ws.host.with(volumeDocName(wsId, caseId, n), (doc) => new VolumeDoc(doc).listSeizures()));
  inVolumes = new Set(fromVolumes.map((s) => s.id));
  all = [...r.ws.host.with(r.ws.caseDocName(caseId), (doc) => new CaseDoc(doc).listSeizures()), ...fromVolumes];
}, 120_000);
afterAll(() => h.close());

describe('seizures.page by sector and words over the case doc and its volumes', () => {
  it('counts and lists exactly the seizures of the sector, volume seizures included', async () => {
    expect(all).toHaveLength(3000);
    expect(inVolumes.size).toBe(2000);
    const expected = all.filter((s) => s.sector === 'forestry');
    const page = await c.call('seizures.page', { workspaceId: wsId, caseId, sector: 'forestry', sortBy: 'date', sortDir: 'asc', offset: 0, limit: 500 });
    expect(page.total).toBe(expected.length);
    expect(page.total).toBe(1000);
    expect(page.rows).toHaveLength(500);
    expect(page.rows.every((r) => r.sector === 'forestry')).toBe(true);
    expect(page.rows.some((r) => inVolumes.has(r.id))).toBe(true);
    // Without the sector: the whole case.
    expect((await c.call('seizures.page', { workspaceId: wsId, caseId, offset: 0, limit: 1 })).total).toBe(3000);
  });

  it('combines the sector with the words, as the picker and "Assign a price" ask', async () => {
    const expected = all.filter((s) => s.sector === 'wildlife' && s.commodity === 'Shark fins').map((s) => s.id).sort();
    const page = await c.call('seizures.page', { workspaceId: wsId, caseId, sector: 'wildlife', text: 'shark', sortBy: 'commodity', sortDir: 'asc', offset: 0, limit: 500 });
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.id).sort()).toEqual(expected);
    expect(expected.filter((id) => inVolumes.has(id)).length).toBeGreaterThan(100);
  });

  it('finds one volume seizure by its words and reads it whole for the picker’s label', async () => {
    const target = all.find((s) => s.place === 'Berth 2718')!;
    expect(inVolumes.has(target.id)).toBe(true);
    const page = await c.call('seizures.page', { workspaceId: wsId, caseId, text: 'berth 2718', offset: 0, limit: 50 });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ id: target.id, commodity: target.commodity, quantity: 2719, unit: 'kg', place: 'Berth 2718', country: 'KE' });
    const whole = await c.call('seizures.get', { workspaceId: wsId, caseId, seizureId: target.id });
    expect(whole).toMatchObject({ id: target.id, commodity: target.commodity, place: 'Berth 2718', sector: target.sector });
  });

  it('refuses an unknown sector with an invalid-params error naming it and keeps answering', async () => {
    await expect(c.call('seizures.page', { workspaceId: wsId, caseId, sector: 'timber' as CrimeSector, offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'invalid-params', message: expect.stringContaining('sector') as unknown });
    expect((await c.call('seizures.page', { workspaceId: wsId, caseId, sector: 'fisheries', offset: 0, limit: 10 })).total).toBe(1000);
  });

  it("searches the commodity and species only with match 'commodity' (\"Assign a price\"), every field otherwise", async () => {
    const q = { workspaceId: wsId, caseId, sortBy: 'date' as const, sortDir: 'asc' as const, offset: 0, limit: 10 };
    // "Berth" is in every place, never in a commodity.
    expect((await c.call('seizures.page', { ...q, text: 'berth' })).total).toBe(3000);
    expect((await c.call('seizures.page', { ...q, text: 'berth', match: 'commodity' })).total).toBe(0);
    const scales = await c.call('seizures.page', { ...q, text: 'scales', match: 'commodity', limit: 500 });
    expect(scales.total).toBe(all.filter((s) => s.commodity === 'Pangolin scales').length);
    expect(scales.total).toBe(750);
    expect(scales.rows.every((r) => r.commodity === 'Pangolin scales')).toBe(true);
    expect(scales.rows.some((r) => inVolumes.has(r.id))).toBe(true);
  });
});
