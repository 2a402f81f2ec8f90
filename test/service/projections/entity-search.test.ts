/**
 * Entities in search (issue 12 item 9): names, aliases and identifiers (IMO typed with its
 * scheme, IBAN typed with spaces, phone, e-mail, registration numbers), links' sources and case
 * tags are found through `search.query` and `search.grouped`, ranked, matches marked, grouped by
 * kind, and a case the member may not read never shows. Rows follow edits and deletions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newLinkFields } from '../../../shared/domain/entity-links';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const VESSEL = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const COMPANY = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const ACCOUNT = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const PHONE = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const LINK = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';

async function setup() {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Siti Rahman', agency: 'Singapore Customs', role: 'admin' });
  const wsSummary = await c.call('workspaces.create', { name: 'SG', casePrefix: 'SGNEST', reportingCurrency: 'SGD' });
  const ws = h.service.workspace(wsSummary.id);
  const kase = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-06'), title: 'Pangolin scales via Pasir Panjang', tags: ['op-thunder'] } });
  const w = { memberId: me.memberId };
  ws.host.with(ws.caseDocName(kase.id), (doc) => {
    const cd = new CaseDoc(doc);
    cd.addSeizure(crypto.randomUUID(), { ...newSeizureFields('2019-04-03'), country: 'SG', commodity: 'pangolin scales', place: 'Pasir Panjang' }, w);
    cd.addEntity(VESSEL, { kind: 'vessel', name: 'Kota Hapas', aliases: ['KH Container'], imo: '9074729', mmsi: '563012345', flag: 'SG', callSign: '9V1234', notes: '' }, w);
    cd.addEntity(COMPANY, { kind: 'organisation', name: 'Hai Phong Trading Co.', aliases: [], registrationNumber: '0201234567', jurisdiction: 'VN', notes: '' }, w);
    cd.addEntity(ACCOUNT, { kind: 'bank-account', iban: 'GB82WEST12345698765432', accountNumber: '', bank: 'West Bank', holder: 'Hai Phong Trading Co.', country: 'GB', notes: '' }, w);
    cd.addEntity(PHONE, { kind: 'phone', number: '+6561234567', notes: '' }, w);
    cd.addLink(LINK, { ...newLinkFields(COMPANY, VESSEL, 'operator'), source: 'Singapore Customs press release' }, w);
  });
  return { c, ws, kase, w };
}

describe('entity search', () => {
  it('finds entities by name, alias, identifier with its scheme, spaced IBAN, phone, registration and link source', async () => {
    const { c, ws } = await setup();
    const ids = async (text: string) => (await c.call('search.query', { workspaceId: ws.id, text })).filter((x) => x.kind === 'entity').map((x) => x.recordId);
    // The vessel by its name first, then the company linked to it (a link names its other end).
    expect(await ids('Kota Hapas')).toEqual([VESSEL, COMPANY]);
    expect(await ids('KH Container')).toEqual([VESSEL]);
    expect(await ids('IMO 9074729')).toEqual([VESSEL]);
    expect(await ids('mmsi 563012345')).toEqual([VESSEL]);
    expect(await ids('GB82 WEST 1234')).toEqual([ACCOUNT]);
    expect(await ids('6561234567')).toEqual([PHONE]);
    expect(await ids('0201234567')).toEqual([COMPANY]);
    // The link's source finds both of its ends, the operator first (named in its own body with the source).
    expect((await ids('press release')).sort()).toEqual([VESSEL, COMPANY].sort());
    const hit = (await c.call('search.query', { workspaceId: ws.id, text: 'Kota' })).find((x) => x.recordId === VESSEL)!;
    expect(hit.titleMarked).toBe('\u0002Kota\u0003 Hapas');
    expect(hit.caseNumber).toMatch(/^SGNEST-2026-0001$/);
  });

  it('finds a case by its tag and groups hits by kind, best group first', async () => {
    const { c, ws, kase } = await setup();
    expect((await c.call('search.query', { workspaceId: ws.id, text: 'op-thunder' })).map((x) => [x.kind, x.recordId])).toEqual([['case', kase.id]]);
    const groups = await c.call('search.grouped', { workspaceId: ws.id, text: 'pasir', limitPerKind: 5 });
    expect(groups.map((g) => g.kind).sort()).toEqual(['case', 'seizure']);
    const mixed = await c.call('search.grouped', { workspaceId: ws.id, text: 'hai phong', limitPerKind: 5 });
    expect(mixed).toHaveLength(1);
    expect(mixed[0]!.kind).toBe('entity');
    // The company by its name ranks above the account that names it as holder and the vessel it operates.
    expect(mixed[0]!.hits.map((x) => x.recordId)).toEqual([COMPANY, ACCOUNT, VESSEL]);
    expect((await c.call('search.grouped', { workspaceId: ws.id, text: 'hai phong', limitPerKind: 1 }))[0]!.hits).toHaveLength(1);
  });

  it('follows edits and deletions of entities', async () => {
    const { c, ws, kase, w } = await setup();
    ws.host.with(ws.caseDocName(kase.id), (doc) => {
      const cd = new CaseDoc(doc);
      cd.updateEntity(VESSEL, { name: 'Ocean Star' }, w);
      cd.deleteEntity(PHONE, w);
    });
    const kinds = async (text: string) => (await c.call('search.query', { workspaceId: ws.id, text })).filter((x) => x.kind === 'entity').map((x) => x.recordId);
    expect(await kinds('Kota')).toEqual([]);
    expect(await kinds('Ocean Star')).toEqual([VESSEL, COMPANY]);
    expect(await kinds('6561234567')).toEqual([]);
  });
});
