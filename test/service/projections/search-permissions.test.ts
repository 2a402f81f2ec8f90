/**
 * Permission filtering of what the projections answer (issue 12 items 4 and 9): an investigator
 * who may not read case B never learns of B's entities or records through `search.query`,
 * `search.grouped`, `entities.alsoIn` or `entities.sharedIdentifiers` — not as a hit, not as a
 * group, not in a case list of a shared identifier, not in a count — while what the member may
 * read is still answered in full. The same calls as the admin (who reads every case) show that the
 * hidden data is really there, so an empty answer is the filter at work, not a missing row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { startService, type Harness } from '../../helpers/service';
import type { DataClient } from '../../../renderer/src/data/client';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const vessel = (name: string, imo: string) => ({ kind: 'vessel', name, aliases: [], imo, mmsi: '', flag: '', callSign: '', notes: '' });

/** Cases A (readable), B (restricted to another agency later) and C (readable), each with the vessel IMO 4712390 and a seizure. */
async function setup(): Promise<{ c: DataClient; workspaceId: string; a: string; b: string; cc: string; restrictB: () => void }> {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Siti Rahman', agency: 'Singapore Customs', role: 'admin' });
  const wsSummary = await c.call('workspaces.create', { name: 'SG', casePrefix: 'SGNEST', reportingCurrency: 'SGD' });
  const ws = h.service.workspace(wsSummary.id);
  const w = { memberId: me.memberId };
  const make = async (title: string, vesselName: string, place: string): Promise<string> => {
    const kase = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-06'), title } });
    ws.host.with(ws.caseDocName(kase.id), (doc) => {
      const cd = new CaseDoc(doc);
      cd.addEntity(crypto.randomUUID(), vessel(vesselName, '4712390'), w);
      cd.addSeizure(crypto.randomUUID(), { ...newSeizureFields('2019-04-03'), country: 'SG', commodity: 'pangolin scales', place }, w);
    });
    return kase.id;
  };
  const a = await make('Frozen beef container', 'Ebony Coast', 'Pasir Panjang');
  const b = await make('Cassia seeds container', 'Zanzibar Trader', 'Tanjong Pagar');
  const cc = await make('Timber container', 'Ebony Coast II', 'Jurong Port');
  const restrictB = (): void => {
    ws.store.setLocalSettings({ ...ws.local(), role: 'investigator' });
    const self = ws.workspaceDoc().getMember(me.memberId)!;
    ws.workspaceDoc().upsertMember({ ...self, role: 'investigator' }, w);
    ws.workspaceDoc().setCaseAccess(b, { agencies: ['Singapore Police Force'] }, { memberId: 'admin-elsewhere' });
  };
  return { c, workspaceId: ws.id, a, b, cc, restrictB };
}

describe('permission filtering of search and cross-case matches', () => {
  it('search.grouped and search.query leave out a case the member may not read, its entities and seizures, even from group sizes', async () => {
    const { c, workspaceId, a, b, cc, restrictB } = await setup();
    const grouped = (text: string) => c.call('search.grouped', { workspaceId, text, limitPerKind: 10 });
    const caseIdsOf = (groups: Awaited<ReturnType<typeof grouped>>) => groups.map((g) => [g.kind, g.hits.map((x) => x.caseId).sort()]);
    // As admin: B's vessel, seizure and case are found.
    expect(caseIdsOf(await grouped('Zanzibar'))).toEqual([['entity', [b]]]);
    expect((await grouped('Tanjong')).map((g) => g.kind)).toEqual(['seizure']);
    expect((await grouped('container')).find((g) => g.kind === 'case')!.hits).toHaveLength(3);

    restrictB();
    // Only B matched: no group at all (an empty group would tell that something matched).
    expect(await grouped('Zanzibar')).toEqual([]);
    expect(await grouped('Tanjong')).toEqual([]);
    expect(await grouped('cassia')).toEqual([]);
    expect(await c.call('search.query', { workspaceId, text: 'Zanzibar' })).toEqual([]);
    // Matches in A, B and C: the groups hold A and C only, so their sizes do not count B.
    for (const [text, kind] of [['container', 'case'], ['pangolin', 'seizure'], ['4712390', 'entity']] as const) {
      const groups = await grouped(text);
      expect(groups.map((g) => g.kind)).toEqual([kind]);
      expect(groups[0]!.hits.map((x) => x.caseId).sort()).toEqual([a, cc].sort());
    }
    const all = await c.call('search.query', { workspaceId, text: 'pangolin' });
    expect(all.map((x) => x.caseId).sort()).toEqual([a, cc].sort());
    for (const text of ['Zanzibar', 'Tanjong', 'cassia', 'imo 4712390', 'SGNEST']) expect(JSON.stringify(await grouped(text))).not.toContain(b);
  });

  it('cross-case matches and shared identifiers name only readable cases, and count only them', async () => {
    const { c, workspaceId, a, b, cc, restrictB } = await setup();
    const alsoIn = async () => (await c.call('entities.alsoIn', { workspaceId, caseId: a })).filter((m) => m.strength === 'strong').map((m) => m.otherCaseId);
    expect((await alsoIn()).sort()).toEqual([b, cc].sort());
    const before = (await c.call('entities.sharedIdentifiers', { workspaceId })).find((s) => s.value === '4712390')!;
    expect(before.cases.map((k) => k.caseId).sort()).toEqual([a, b, cc].sort());

    restrictB();
    expect(await alsoIn()).toEqual([cc]);
    const shared = await c.call('entities.sharedIdentifiers', { workspaceId });
    const imo = shared.find((s) => s.value === '4712390')!;
    expect(imo.strength).toBe('strong');
    expect(imo.cases.map((k) => k.caseId).sort()).toEqual([a, cc].sort());
    const text = JSON.stringify(shared);
    expect(text).not.toContain(b);
    expect(text).not.toContain('Zanzibar Trader');
    expect(text).not.toContain('Cassia seeds');
    await expect(c.call('entities.alsoIn', { workspaceId, caseId: b })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('hits of a case the member may not read never push out readable ones nor order the groups', async () => {
    const { c, workspaceId, b, restrictB } = await setup();
    // Case B gets seizures that rank above every readable one for "pangolin" (the word repeated, short fields).
    const ws = h!.service.workspace(workspaceId);
    ws.host.with(ws.caseDocName(b), (doc) => {
      const cd = new CaseDoc(doc);
      for (let i = 0; i < 5; i++) cd.addSeizure(crypto.randomUUID(), { ...newSeizureFields('2019-04-03'), country: 'SG', commodity: 'pangolin pangolin pangolin', place: 'Pangolin' }, { memberId: 'm-b' });
    });
    await new Promise((r) => setTimeout(r, 300));
    const top = async () => (await c.call('search.grouped', { workspaceId, text: 'pangolin', limitPerKind: 2 })).flatMap((g) => g.hits.map((x) => [g.kind, x.caseId]));
    const query = async () => (await c.call('search.query', { workspaceId, text: 'pangolin', limit: 2 })).map((x) => x.caseId);
    // As admin, B's five fill the first places.
    expect((await top()).every(([, id]) => id === b)).toBe(true);
    expect(await query()).toEqual([b, b]);
    restrictB();
    // As the restricted member: the two best readable seizures, as if B did not exist.
    const hits = await top();
    expect(hits).toHaveLength(2);
    expect(hits.every(([kind, id]) => kind === 'seizure' && id !== b)).toBe(true);
    const q = await query();
    expect(q).toHaveLength(2);
    expect(q).not.toContain(b);
  });
});
