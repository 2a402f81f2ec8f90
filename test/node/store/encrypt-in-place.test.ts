/**
 * Issue 10 item 3: an existing clear workspace database is encrypted in place at open, and a crash
 * at any step of that migration loses nothing. The "crash" is a throw from the afterStep hook
 * (the process stops there: nothing after the step runs); the next open with the key then finds
 * every case, and the folder ends encrypted with no clear copy or leftover beside it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isClearDatabaseFile } from '../../../node/store/sqlite';
import { DataService } from '../../../service/data-service';
import { ENCRYPT_STEPS, encryptingCopyOf } from '../../../node/store/encrypt-in-place';
import { WorkspaceStore, workspaceDbFile } from '../../../service/workspace/workspace-store';
import { newCaseFields } from '../../../shared/domain/case';
import { tempDir } from '../../helpers/temp-dir';

const TITLES = ['Pangolin scales via Lagos', 'Rosewood from Madagascar', 'Shark fins, Hong Kong'];

/** A data folder as an older NEST Desk left it: one clear workspace database with three cases. */
async function clearFolder(): Promise<{ dataDir: string; workspaceId: string }> {
  const dataDir = tempDir();
  const s = DataService.open({ dataDir, mode: 'browser' });
  await s.invoke('identity.create', { name: 'Ana Lima', agency: 'IBAMA', role: 'admin' });
  const ws = await s.invoke('workspaces.create', { name: 'Old clear workspace', casePrefix: 'OLD', reportingCurrency: 'USD' });
  for (const title of TITLES) await s.invoke('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2025-06-01'), title } });
  s.close();
  return { dataDir, workspaceId: ws.id };
}

/** The case titles a data service finds in the folder with `dataKey`. */
async function titles(dataDir: string, workspaceId: string, dataKey: Buffer): Promise<string[]> {
  const s = DataService.open({ dataDir, mode: 'browser', dataKey });
  try {
    return (await s.invoke('cases.list', { workspaceId, sortBy: 'title', sortDir: 'asc' })).map((c) => c.title);
  } finally {
    s.close();
  }
}

describe('encrypting a clear workspace database in place', () => {
  it('encrypts it at the first open with a key, keeping every case, and leaves nothing clear beside it', async () => {
    const { dataDir, workspaceId } = await clearFolder();
    const file = workspaceDbFile(dataDir, workspaceId);
    expect(isClearDatabaseFile(file)).toBe(true);
    expect(fs.readFileSync(file).includes('Rosewood from Madagascar')).toBe(true);
    const key = randomBytes(32);
    expect(await titles(dataDir, workspaceId, key)).toEqual([...TITLES].sort());
    expect(isClearDatabaseFile(file)).toBe(false);
    const left = fs.readdirSync(path.dirname(file)).sort();
    expect(left).toEqual(['workspace.sqlite']);
    expect(fs.readFileSync(file).includes('Rosewood from Madagascar')).toBe(false);
    // Opened again with the same key: no second migration, same cases.
    expect(await titles(dataDir, workspaceId, key)).toEqual([...TITLES].sort());
  });

  for (const step of ENCRYPT_STEPS) {
    it(`loses nothing when the process dies after "${step}"`, async () => {
      const { dataDir, workspaceId } = await clearFolder();
      const file = workspaceDbFile(dataDir, workspaceId);
      const key = randomBytes(32);
      expect(() =>
        WorkspaceStore.open(dataDir, workspaceId, {
          key,
          encryption: {
            afterStep: (s) => {
              if (s === step) throw new Error(`simulated crash after ${s}`);
            },
          },
        }),
      ).toThrow(`simulated crash after ${step}`);
      // Either the clear original or the complete encrypted file, never neither.
      const renamed = step === 'renamed';
      expect(fs.existsSync(file)).toBe(true);
      expect(isClearDatabaseFile(file)).toBe(!renamed);
      if (!renamed && step !== 'copied') expect(fs.existsSync(encryptingCopyOf(file))).toBe(true);
      // The next start finishes (or redoes) the migration and finds every case.
      expect(await titles(dataDir, workspaceId, key)).toEqual([...TITLES].sort());
      expect(isClearDatabaseFile(file)).toBe(false);
      expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['workspace.sqlite']);
    });
  }

  it('refuses a key that does not open an already encrypted database, changing nothing', async () => {
    const { dataDir, workspaceId } = await clearFolder();
    const key = randomBytes(32);
    await titles(dataDir, workspaceId, key);
    const file = workspaceDbFile(dataDir, workspaceId);
    const before = fs.readFileSync(file);
    expect(() => WorkspaceStore.open(dataDir, workspaceId, { key: randomBytes(32) })).toThrow(/cannot be opened with this key/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
