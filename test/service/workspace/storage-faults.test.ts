/**
 * "Saved" means durable: the workspace database is written with synchronous=FULL, and when the
 * disk refuses a write (simulated with SQLite's `max_page_count`, which fails exactly like a
 * full disk: SQLITE_FULL) the edit is kept in memory, the workspace reports "not saved" with the
 * reason, nothing already saved is lost, and once space is freed every held edit is written and
 * survives a restart.
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseOf } from '../../../service/workspace/workspace-store';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import type { StorageStatus } from '../../../shared/rpc/app';
import { startService, waitFor, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

async function setup() {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Ana Lima', agency: 'Federal Police', role: 'investigator' });
  const ws = await c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const created = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Pangolin scales, Lagos' } });
  const events: StorageStatus[] = [];
  c.on('storage.status', (s) => events.push(s));
  return { c, workspaceId: ws.id, caseId: created.id, docName: created.docName, memberId: me.memberId, events };
}

function seizure(commodity: string) {
  return { ...newSeizureFields('2019-04-01'), country: 'NG', commodity, quantity: 1, unit: 'kg' as const };
}

describe('storage durability', () => {
  it('opens the workspace database with synchronous=FULL', async () => {
    const { workspaceId } = await setup();
    const db = databaseOf(h!.service.workspace(workspaceId).store);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('holds edits the full disk refuses, says so, and writes them all once space is freed', async () => {
    const { c, workspaceId, caseId, docName, memberId, events } = await setup();
    expect(await c.call('storage.status', { workspaceId })).toEqual({ workspaceId, saved: true, unsaved: 0, since: null, error: null });
    const replica = c.openDoc(docName);
    await replica.whenSynced();
    const cd = new CaseDoc(replica.doc);
    cd.addSeizure('a0000000-0000-4000-8000-000000000001', seizure('saved before the fault'), { memberId });
    await waitFor(async () => (await c.call('cases.get', { workspaceId, caseId })).seizureCount === 1, 5000, 'first seizure');

    const db = databaseOf(h!.service.workspace(workspaceId).store);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const big = 'x'.repeat(9_000); // each edit needs new pages
    for (let i = 2; i <= 4; i++) cd.addSeizure(`a0000000-0000-4000-8000-00000000000${i}`, { ...seizure(`held ${i}`), notes: big }, { memberId });

    const failing = await waitFor(async () => {
      const s = await c.call('storage.status', { workspaceId });
      return s.unsaved === 3 ? s : null;
    }, 5000, 'three held edits');
    expect(failing).toMatchObject({ workspaceId, saved: false, unsaved: 3, error: 'SQLITE_FULL' });
    expect(failing!.since).toBeGreaterThan(0);
    await waitFor(() => events.some((e) => !e.saved), 2000, 'a not-saved event');
    expect(events.find((e) => !e.saved)).toMatchObject({ workspaceId, saved: false, error: 'SQLITE_FULL' });
    // The lists are derived in the same database: stale while it is full.
    expect((await c.call('cases.get', { workspaceId, caseId })).seizureCount).toBe(1);
    // Still full: a retry changes nothing and loses nothing.
    expect(await c.call('storage.retry', { workspaceId })).toMatchObject({ saved: false, unsaved: 3 });

    db.pragma('max_page_count = 1073741823');
    expect(await c.call('storage.retry', { workspaceId })).toEqual({ workspaceId, saved: true, unsaved: 0, since: null, error: null });
    await waitFor(() => events.at(-1)?.saved === true, 2000, 'a saved event');
    // … and rebuilt once it has room again.
    await waitFor(async () => (await c.call('cases.get', { workspaceId, caseId })).seizureCount === 4, 5000, 'the projection rebuilt');
    replica.release();

    // Restart: every edit, before, during and after the fault, is on disk.
    const dataDir = h!.dataDir;
    h!.close();
    h = startService({ dataDir });
    const again = h.client();
    const doc = new Y.Doc();
    const r2 = again.openDoc(docName);
    await r2.whenSynced();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(r2.doc));
    const commodities = new CaseDoc(doc).listSeizures().map((s) => s.commodity).sort();
    expect(commodities).toEqual(['held 2', 'held 3', 'held 4', 'saved before the fault']);
    r2.release();
  });

  it('retries on its own timer: a freed disk is noticed without a user action', async () => {
    const { c, workspaceId, docName, memberId, events } = await setup();
    const replica = c.openDoc(docName);
    await replica.whenSynced();
    const db = databaseOf(h!.service.workspace(workspaceId).store);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    new CaseDoc(replica.doc).addSeizure('b0000000-0000-4000-8000-000000000001', { ...seizure('held'), notes: 'y'.repeat(9_000) }, { memberId });
    await waitFor(() => events.some((e) => !e.saved), 5000, 'a not-saved event');
    db.pragma('max_page_count = 1073741823');
    // The default retry interval is 2 s.
    await waitFor(() => events.at(-1)?.saved === true, 8000, 'the timer to write the held edit');
    expect(await c.call('storage.status', { workspaceId })).toMatchObject({ saved: true, unsaved: 0 });
    replica.release();
  });
});
