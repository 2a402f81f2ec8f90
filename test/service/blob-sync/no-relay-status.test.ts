/**
 * A workspace that does not sync through a relay (the demo, a local workspace) never shows its
 * files as pending (tester F-UI-3: every file read "Waiting" forever): each file's status says
 * why nothing moves (`file.sync.no-relay`); the files list then prints "On this desktop only"
 * (test/renderer/files/file-sync-status-text.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newCaseFields } from '../../../shared/domain/case';
import { startService, type Harness } from '../../helpers/service';
import { tempDir } from '../../helpers/temp-dir';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

describe('file status without a relay', () => {
  it('says the file stays on this desktop, not that it waits', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'Local only', casePrefix: 'LOC', reportingCurrency: 'USD' });
    const kase = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-01'), title: 'Seal photos' } });
    const file = path.join(tempDir('nest-norelay-'), 'seal.txt');
    fs.writeFileSync(file, 'seal TZ-4471 intact\n');
    await h.mainClient().call('files.addFromPath', { workspaceId: ws.id, caseId: kase.id, path: file });
    const { files } = await c.call('files.syncStatus', { workspaceId: ws.id, caseId: kase.id });
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ state: 'waiting', reason: { id: 'file.sync.no-relay' } });
  });
});
