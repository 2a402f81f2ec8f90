/**
 * `import.newCase` (issue 11 item 10): the case exists only together with its imported rows. A
 * file with no good row creates no case; a dry run creates nothing; rows repeating an earlier row
 * of the file are left out unless kept; the import is logged as a batch of the new case; an
 * observer (who may not create cases) is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CaseImports } from '../../shared/docs/case-import-batches';
import { CaseDoc } from '../../shared/docs/case-doc';
import { startService, type Harness } from '../helpers/service';
import { RpcError } from '../../renderer/src/data/rpc-error';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const HEADER = 'seizure_date,country,place,commodity,quantity,unit\n';
const GOOD = '2019-04-08,SG,Pasir Panjang,pangolin scales,12.9,t\n';
const BAD = '2019-13-40,SG,Pasir Panjang,pangolin scales,12.9,t\n';
const file = (text: string) => ({ fileName: 'scales.csv', contentBase64: Buffer.from(text).toString('base64') });

async function setUp(role: 'admin' | 'observer' = 'admin') {
  h = startService();
  const c = h.client();
  await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  if (role === 'observer') {
    // The founder becomes an observer in this workspace (as an admin's change would make them).
    const rt = h.service.workspace(ws.id);
    rt.store.setLocalSettings({ ...rt.local(), role });
    const me = rt.workspaceDoc().getMember(rt.local().memberId)!;
    rt.workspaceDoc().upsertMember({ ...me, role }, { memberId: me.id });
  }
  return { c, workspaceId: ws.id };
}

describe('import.newCase', () => {
  it('creates no case when no row imports, and says why', async () => {
    const { c, workspaceId } = await setUp();
    const err = await c.call('import.newCase', { workspaceId, ...file(HEADER + BAD + BAD), newCase: { title: 'Scales', sector: 'wildlife' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect((err as RpcError).code).toBe('import-failed');
    expect((err as RpcError).message).toBe('Nothing in scales.csv can be imported, so case "Scales" was not created: all 2 rows were rejected. Fix the rows the report names and import again.');
    expect(await c.call('cases.list', { workspaceId })).toEqual([]);
  });

  it('dry-runs without creating anything, then imports the good rows with the case in one step', async () => {
    const { c, workspaceId } = await setUp();
    const text = HEADER + GOOD + BAD + GOOD;
    const dry = await c.call('import.newCase', { workspaceId, ...file(text), newCase: { title: 'Scales', sector: 'fisheries' }, dryRun: true });
    expect(dry.case).toBeNull();
    expect([dry.report.imported, dry.report.rejectedRows, dry.report.skippedDuplicates, dry.report.duplicateRows]).toEqual([1, 1, 1, 1]);
    expect(await c.call('cases.list', { workspaceId })).toEqual([]);

    const r = await c.call('import.newCase', { workspaceId, ...file(text), newCase: { title: 'Scales', sector: 'fisheries' } });
    expect(r.case).toMatchObject({ title: 'Scales', number: expect.stringMatching(/^NEST-\d{4}-0001$/) });
    expect([r.report.imported, r.report.rejectedRows, r.report.skippedDuplicates]).toEqual([1, 1, 1]);
    const listed = await c.call('cases.list', { workspaceId });
    expect(listed.map((x) => [x.title, x.sector, x.seizureCount])).toEqual([['Scales', 'fisheries', 1]]);
    const replica = c.openDoc(listed[0]!.docName);
    await replica.whenSynced();
    const batches = new CaseImports(replica.doc).list();
    expect(batches.map((b) => [b.id, b.fileName, b.seizures, b.rejectedRows, b.skippedDuplicates])).toEqual([[r.report.batchId, 'scales.csv', 1, 1, 1]]);
    // The rows default to the new case's sector.
    expect(new CaseDoc(replica.doc).listSeizures().map((s) => [s.sector, s.quantity, s.unit])).toEqual([['fisheries', 12.9, 't']]);

    const kept = await c.call('import.newCase', { workspaceId, ...file(text), newCase: { title: 'Kept', sector: 'wildlife' }, keepDuplicates: true });
    expect([kept.report.imported, kept.report.skippedDuplicates]).toEqual([2, 0]);
  });

  it('refuses an observer, who may not create cases', async () => {
    const { c, workspaceId } = await setUp('observer');
    await expect(c.call('import.newCase', { workspaceId, ...file(HEADER + GOOD), newCase: { title: 'Scales', sector: 'wildlife' } })).rejects.toMatchObject({ code: 'read-only' });
    expect(await c.call('cases.list', { workspaceId })).toEqual([]);
  });
});
