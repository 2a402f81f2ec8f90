/**
 * The workspace's own commodities reach the import through the data service (parseRequest hands
 * them to the parse worker): the admin adds "Schuppentier-Schuppen" and "Elfenbein, roh" (alias
 * "Elfenbein") to the workspace doc through its replica, and the next preview of the German CSV no longer names
 * them as "not in the commodity list"; before, it named both.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceCommodities } from '../../shared/docs/workspace-commodities';
import { workspaceDocName } from '../../shared/docs/names';
import { newCaseFields } from '../../shared/domain/case';
import { newWorkspaceCommodityFields } from '../../shared/domain/workspace-commodity';
import { startService, type Harness } from '../helpers/service';
import { sharedPath } from '../helpers/shared-dir';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const file = () => ({ fileName: '01-semicolon-decimal-comma.csv', contentBase64: fs.readFileSync(sharedPath('cases/import', '01-semicolon-decimal-comma.csv')).toString('base64') });

describe('import preview and the workspace commodities', () => {
  it('names unknown commodities until the workspace lists them', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'A', agency: 'Customs', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'German file' } });

    const before = await c.call('import.preview', { workspaceId: ws.id, caseId: k.id, ...file() });
    expect(before.report.warnings.filter((w) => w.includes('commodity list'))).toEqual([
      '3 rows name a commodity not in the commodity list, kept as written: “Schuppentier-Schuppen” (2 rows), “Elfenbein” (1 row). An admin can add recurring names to the workspace’s list (Commodities).',
    ]);

    const r = c.openDoc(workspaceDocName(ws.id));
    await r.whenSynced();
    const wc = new WorkspaceCommodities(r.doc);
    wc.add(crypto.randomUUID(), { ...newWorkspaceCommodityFields(), name: 'Schuppentier-Schuppen', sector: 'wildlife' }, { memberId: me.memberId });
    wc.add(crypto.randomUUID(), { ...newWorkspaceCommodityFields(), name: 'Elfenbein, roh', sector: 'wildlife', aliases: ['Elfenbein'] }, { memberId: me.memberId });
    // The preview reads the service's copy: wait until the writes have arrived there.
    await expect.poll(() => new WorkspaceCommodities(h!.service.workspace(ws.id).workspaceDoc().doc).list().length).toBe(2);

    const after = await c.call('import.preview', { workspaceId: ws.id, caseId: k.id, ...file() });
    expect(after.report.warnings.filter((w) => w.includes('commodity list'))).toEqual([]);
    expect(after.report.imported).toBe(before.report.imported);
  });
});
