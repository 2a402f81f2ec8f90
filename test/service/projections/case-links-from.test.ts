/**
 * Linked cases seen from the linked case (issue 12 item 7): `cases.linkedFrom` on case C answers
 * the links A and B made to C, from the `case_links` projection — with relation, reason, who and
 * when; a removed link stays, marked removed with who removed it when; a link from a case the
 * member may not read (the permission model) is left out entirely; and a rebuild of the
 * projections gives the same rows as the incremental writes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CaseLinkedCases } from '../../../shared/docs/case-linked-cases';
import { newCaseFields } from '../../../shared/domain/case';
import { databaseOf } from '../../../service/workspace/workspace-store';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

describe('cases.linkedFrom', () => {
  it('lists links made to a case from readable cases, removed ones kept with their remover, equal after a rebuild', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'Siti Rahman', agency: 'Singapore Customs', role: 'admin' });
    const wsSummary = await c.call('workspaces.create', { name: 'SG', casePrefix: 'SGNEST', reportingCurrency: 'SGD' });
    const ws = h.service.workspace(wsSummary.id);
    const make = async (title: string) => (await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-06'), title } })).id;
    const a = await make('Pangolin scales via Lagos');
    const b = await make('Ivory via Lomé');
    const target = await make('Singapore transhipment hub');
    let clock = 1_780_000_000_000;
    const w = { memberId: me.memberId, now: () => clock };
    const link = (from: string, id: string, reason: string): void =>
      ws.host.with(ws.caseDocName(from), (doc) => {
        new CaseLinkedCases(doc).add(id, from, { caseId: target, relation: 'same-network', reason }, w);
      });
    const L1 = '11111111-1111-4111-8111-111111111111';
    const L2 = '22222222-2222-4222-8222-222222222222';
    const linkedFrom = () => c.call('cases.linkedFrom', { workspaceId: ws.id, caseId: target });
    expect(await linkedFrom()).toEqual([]);
    link(a, L1, 'Same consignee, Baraka Traders');
    clock += 60_000;
    link(b, L2, 'Same vessel, IMO 9074729');
    expect(await linkedFrom()).toEqual([
      { linkId: L2, fromCaseId: b, fromNumber: 'SGNEST-2026-0002', fromTitle: 'Ivory via Lomé', relation: 'same-network', reason: 'Same vessel, IMO 9074729', createdBy: me.memberId, createdAt: 1_780_000_060_000, removed: false, removedBy: null, removedAt: null },
      { linkId: L1, fromCaseId: a, fromNumber: 'SGNEST-2026-0001', fromTitle: 'Pangolin scales via Lagos', relation: 'same-network', reason: 'Same consignee, Baraka Traders', createdBy: me.memberId, createdAt: 1_780_000_000_000, removed: false, removedBy: null, removedAt: null },
    ]);
    // The linking case does not see itself linked from the target.
    expect(await c.call('cases.linkedFrom', { workspaceId: ws.id, caseId: a })).toEqual([]);

    // Removing A's link keeps it, marked removed, after the live one.
    clock += 60_000;
    ws.host.with(ws.caseDocName(a), (doc) => new CaseLinkedCases(doc).delete(L1, w));
    expect((await linkedFrom()).map((l) => [l.linkId, l.removed, l.removedBy, l.removedAt])).toEqual([
      [L2, false, null, null],
      [L1, true, me.memberId, 1_780_000_120_000],
    ]);

    // Rebuild == incremental.
    const db = databaseOf(ws.store);
    const dump = (): unknown => db.prepare('SELECT * FROM case_links ORDER BY case_id, link_id').all();
    const incremental = dump();
    ws.rebuildProjections();
    expect(dump()).toEqual(incremental);
    expect((incremental as unknown[]).length).toBe(2);

    // An investigator who may not read B never learns of B's link.
    ws.store.setLocalSettings({ ...ws.local(), role: 'investigator' });
    const self = ws.workspaceDoc().getMember(me.memberId)!;
    ws.workspaceDoc().upsertMember({ ...self, role: 'investigator' }, w);
    ws.workspaceDoc().setCaseAccess(b, { agencies: ['Singapore Police Force'] }, { memberId: 'admin-elsewhere' });
    expect((await linkedFrom()).map((l) => l.fromCaseId)).toEqual([a]);
  });
});
