/**
 * `npm run import -- --stix <bundle> --workspace W`: a STIX bundle exported by the app becomes a new
 * case from the command line, and an object the app cannot map is listed with id, type and reason.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataService } from '../../../service/data-service';
import { PassphraseKeyStore } from '../../../service/keys/passphrase-key-store';
import { newCaseFields } from '../../../shared/domain/case';
import { tempDir } from '../../helpers/temp-dir';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const PASSPHRASE = 'stix cli test passphrase';

/** The folder's data key (low scrypt cost keeps the test fast). */
function dataKey(dataDir: string): Promise<Buffer> {
  return new PassphraseKeyStore(dataDir, () => Promise.resolve(PASSPHRASE), { N: 2 ** 14, r: 8, p: 1 }).load();
}

describe('import CLI --stix', () => {
  it('imports a bundle as a new case and lists the objects it did not import', async () => {
    const dataDir = tempDir();
    const s = DataService.open({ dataDir, mode: 'browser', dataKey: await dataKey(dataDir) });
    await s.invoke('identity.create', { name: 'Field Analyst', agency: 'Customs', role: 'investigator' });
    const ws = await s.invoke('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const c = await s.invoke('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Partner bundle', tlp: 'GREEN' } });
    const exported = await s.invoke('cases.exportStix', { workspaceId: ws.id, caseId: c.id });
    s.close();
    const bundle = JSON.parse(exported.content) as { objects: unknown[] };
    bundle.objects.push({ type: 'tool', spec_version: '2.1', id: 'tool--2f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a01', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'scanner' });
    const file = path.join(tempDir(), 'partner.json');
    fs.writeFileSync(file, JSON.stringify(bundle));

    const env = { ...process.env, NEST_LOG_LEVEL: 'silent', NEST_PASSPHRASE: PASSPHRASE };
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'service/entries/import-cli.ts'), '--stix', file, '--workspace', 'Task Force Alpha', '--data-dir', dataDir], { cwd: root, encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Counts from the catalogue, singular and plural as English has them (tester finding: "1 object(s)").
    expect(r.stdout).toMatch(/^Created case NEST-2026-\d+ from partner\.json: 0 seizures, 0 entities, 0 links\./);
    expect(r.stdout).toContain('Not imported: 1 object.\n');
    expect(r.stdout).toContain('  tool--2f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a01 (tool): NEST Desk has no record for STIX objects of type tool');

    const after = DataService.open({ dataDir, mode: 'browser', dataKey: await dataKey(dataDir) });
    try {
      const titles = (await after.invoke('cases.list', { workspaceId: ws.id })).map((x) => [x.title, x.tlp]);
      expect(titles).toEqual(expect.arrayContaining([['Partner bundle', 'GREEN']]));
      expect(titles).toHaveLength(2);
    } finally {
      after.close();
    }
  }, 60_000);
});
