/**
 * The outside-country review flag raised by edits as the importer raises it (tester finding,
 * issue 11): the table's bulk "Set a field → Seizing country" on Singapore points, the seizure
 * detail's single edit of the country or the coordinates, and a field restore all re-run the one
 * rule (service/geo/outside-country.ts) through the data service's RPC; the flag is written with
 * the change (case doc and volume doc), its audit entry keeps old → new, the table's "Flagged for
 * review" filter and the map's flagged count see it, and a location back in its country clears it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { INLINE_SEIZURES, VolumeDoc } from '../../../shared/docs/volume-doc';
import { randomUUID } from 'node:crypto';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { registerCase, startService, type Harness } from '../../helpers/service';
import { seizureRows } from '../../../bench/p3-csv';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const HEADER = 'seizure_date,country,place,commodity,quantity,unit,sector,latitude,longitude';
/** Two Singapore quays, in Singapore: no flag on import. */
const ROWS = ['2019-03-04,SG,Pasir Panjang,ivory,12,kg,wildlife,1.274,103.764', '2019-03-05,SG,Keppel,ivory,8,kg,wildlife,1.265,103.84'];
const file = (text: string, fileName: string) => ({ fileName, contentBase64: Buffer.from(text).toString('base64') });

describe('edits re-run the outside-country check', () => {
  it('bulk set country, single edits of country and coordinates, and a restore raise and clear the flag as an import does; table and map see it', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Quays' } });
    const rt = h.service.workspace(ws.id);
    const scope = { workspaceId: ws.id, caseId: k.id };
    const inline = () => rt.host.with(k.docName, (doc) => new CaseDoc(doc).listSeizures());

    const first = await c.call('import.commit', { ...scope, ...file(`${HEADER}\n${ROWS.join('\n')}\n`, 'quays.csv') });
    expect(first.imported).toBe(2);
    expect(first.flagged).toHaveLength(0);
    const ids = inline().map((s) => s.id);
    expect((await c.call('map.overview', scope)).flagged).toBe(0);

    // 1. Bulk "Set a field → Seizing country: Kenya": both points lie ~7,000 km outside Kenya.
    expect((await c.call('seizures.bulkUpdate', { ...scope, seizureIds: ids, patch: { country: 'KE' } })).changed.sort()).toEqual([...ids].sort());
    const flagged = inline();
    for (const s of flagged) {
      expect(s.reviewFlags).toHaveLength(1);
      const f = s.reviewFlags![0]!;
      expect(f).toMatchObject({ kind: 'outside-country', country: 'KE', batch: '', at: s.updatedAt });
      if (f.kind !== 'outside-country') throw new Error('expected an outside-country flag');
      expect(f.km).toBeGreaterThan(6_000);
      expect(f.km).toBeLessThan(8_000);
    }
    const page = await c.call('seizures.page', { ...scope, flagged: true });
    expect(page.total).toBe(2);
    expect(page.rows.every((r) => r.reviewFlags?.[0]?.kind === 'outside-country' && r.reviewFlags[0].country === 'KE')).toBe(true);
    expect(await c.call('map.overview', scope)).toMatchObject({ total: 2, flagged: 2 });
    // The bulk edit's one audit entry keeps, for each seizure, the flags it raised (old → new) beside the country's change.
    const audit = rt.host.with(k.docName, (doc) => new CaseDoc(doc).readAudit());
    const bulk = audit.filter((e) => e.action === 'seizure.bulk-update');
    expect(bulk).toHaveLength(1);
    expect(bulk[0]).toMatchObject({ by: me.memberId, count: 2, fields: ['country', 'reviewFlags'] });
    expect([...bulk[0]!.targets!].sort()).toEqual([...ids].sort());
    expect(bulk[0]!.runs!.reduce((n, r) => n + r.n, 0)).toBe(2);
    expect(bulk[0]!.runs![0]).toMatchObject({ changes: { country: { from: 'SG', to: 'KE' }, reviewFlags: { from: null } } });

    // 2. Single edit back to Singapore: the point lies in its country again, the flag is cleared (audited).
    const [a, b] = ids as [string, string];
    expect((await c.call('seizures.update', { ...scope, seizureId: a, patch: { country: 'SG' } })).changed).toEqual(['country', 'reviewFlags']);
    expect(inline().find((s) => s.id === a)!.reviewFlags).toBeUndefined();
    expect((await c.call('seizures.page', { ...scope, flagged: true })).rows.map((r) => r.id)).toEqual([b]);
    expect((await c.call('map.overview', scope)).flagged).toBe(1);

    // 3. Single edit of the coordinates (the seizure detail or the map pick): Mombasa filed under Singapore.
    await c.call('seizures.update', { ...scope, seizureId: a, patch: { latitude: -4.05, longitude: 39.667 } });
    expect(inline().find((s) => s.id === a)!.reviewFlags).toMatchObject([{ kind: 'outside-country', country: 'SG', batch: '' }]);
    // An edit that changes no location field leaves the flag as it is.
    expect((await c.call('seizures.update', { ...scope, seizureId: a, patch: { place: 'Kilindini' } })).changed).toEqual(['place']);
    expect(inline().find((s) => s.id === a)!.reviewFlags).toHaveLength(1);
    // Restoring the latitude and longitude from the history: back in Singapore, cleared.
    await c.call('seizures.restoreField', { ...scope, seizureId: a, field: 'latitude', value: 1.274 });
    await c.call('seizures.restoreField', { ...scope, seizureId: a, field: 'longitude', value: 103.764 });
    expect(inline().find((s) => s.id === a)!.reviewFlags).toBeUndefined();

    // 4. A seizure kept in a volume doc is flagged there, by the same bulk action.
    await c.call('import.commit', { ...scope, ...file(`seizure_date,country,place,commodity,quantity,unit,sector\n${seizureRows(INLINE_SEIZURES)}\n`, 'fill.csv') });
    await c.call('import.commit', { ...scope, ...file(`${HEADER}\n${ROWS[0]!.replace(',12,', ',13,')}\n`, 'quay-2.csv') });
    const inVolume = rt.host.with(volumeDocName(ws.id, k.id, 1), (doc) => new VolumeDoc(doc).listSeizures()).find((s) => s.place === 'Pasir Panjang')!;
    await c.call('seizures.bulkUpdate', { ...scope, seizureIds: [inVolume.id, b], patch: { country: 'TZ' } });
    const after = rt.host.with(volumeDocName(ws.id, k.id, 1), (doc) => new VolumeDoc(doc).listSeizures()).find((s) => s.id === inVolume.id)!;
    expect(after.reviewFlags).toMatchObject([{ kind: 'outside-country', country: 'TZ', batch: '' }]);
    // b's Kenya flag is replaced by the Tanzania measurement: one open flag, about the country it now has.
    expect(inline().find((s) => s.id === b)!.reviewFlags).toMatchObject([{ kind: 'outside-country', country: 'TZ' }]);
    expect((await c.call('seizures.page', { ...scope, flagged: true })).total).toBe(2);
  }, 120_000);

  it('a seizure added by hand at a point far outside its seizing country is stored flagged; one inside is not (tester finding)', async () => {
    h = startService();
    const { c, ws: rt, caseId } = await registerCase(h);
    const scope = { workspaceId: rt.id, caseId };
    const base = { ...newSeizureFields('2019-03-04'), place: 'Pasir Panjang', latitude: 1.274, longitude: 103.764, locationPrecision: 'exact' as const, commodity: 'Elephant ivory', sector: 'wildlife' as const, quantity: 12, unit: 'kg' as const };
    const outside = randomUUID();
    const inside = randomUUID();
    await c.call('seizures.add', { ...scope, seizureId: outside, fields: { ...base, country: 'KE' } });
    await c.call('seizures.add', { ...scope, seizureId: inside, fields: { ...base, country: 'SG' } });
    const stored = rt.host.with(rt.caseDocName(caseId), (doc) => new CaseDoc(doc).listSeizures());
    expect(stored.find((s) => s.id === outside)!.reviewFlags).toMatchObject([{ kind: 'outside-country', country: 'KE', batch: '' }]);
    const flag = stored.find((s) => s.id === outside)!.reviewFlags![0]!;
    if (flag.kind !== 'outside-country') throw new Error('expected an outside-country flag');
    expect(flag.km).toBeGreaterThan(5_000);
    expect(stored.find((s) => s.id === inside)!.reviewFlags).toBeUndefined();
    const page = await c.call('seizures.page', { ...scope, flagged: true });
    expect(page.rows.map((r) => r.id)).toEqual([outside]);
  });
});
