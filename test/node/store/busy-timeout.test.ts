/**
 * Issue 9, item 7: the desktop's database waits for a lock instead of failing. Another process
 * (a backup, another tool) holds a write lock on the workspace database for 400 ms; an append by
 * the desktop's store, opened exactly as the data service opens it (WorkspaceStore.open →
 * openDatabase, busy timeout 5 s), waits and succeeds. A connection without a busy timeout fails
 * with SQLITE_BUSY meanwhile, which proves the lock was really held.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../../node/store/sqlite';
import { WorkspaceStore } from '../../../service/workspace/workspace-store';
import { tempDir } from '../../helpers/temp-dir';

const LOCK_MS = 400;

/** Starts a process that takes a write lock on `file`, says "locked", holds it LOCK_MS, then commits. */
function holdWriteLock(file: string): { locked: Promise<void>; done: Promise<void> } {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    db.exec("INSERT INTO local_settings (key, value) VALUES ('lock-holder', '1') ON CONFLICT (key) DO UPDATE SET value = '1'");
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${LOCK_MS});
    db.exec('COMMIT');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(import.meta.dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => d.includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}: ${err}`)));
  });
  const done = new Promise<void>((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder failed: ${err}`)))));
  return { locked, done };
}

const open: { close(): void }[] = [];
afterEach(() => {
  for (const x of open.splice(0)) x.close();
});

describe('a busy workspace database', () => {
  it('makes an append wait for the other writer instead of failing with SQLITE_BUSY', async () => {
    const dataDir = tempDir();
    const workspaceId = randomUUID();
    const store = WorkspaceStore.open(dataDir, workspaceId, { create: true });
    open.push(store);
    const file = path.join(dataDir, 'workspaces', workspaceId, 'workspace.sqlite');
    const impatient = openDatabase(file, { busyTimeoutMs: 0 });
    open.push(impatient);

    const holder = holdWriteLock(file);
    await holder.locked;
    expect(() => impatient.exec("INSERT INTO local_settings (key, value) VALUES ('impatient', '1')")).toThrow(/SQLITE_BUSY|database is locked/);

    const doc = new Y.Doc();
    doc.getMap('m').set('seizure', 'ivory');
    const t0 = Date.now();
    store.docs.appendUpdate(`${workspaceId}/workspace`, Y.encodeStateAsUpdate(doc), 'member-1');
    const waited = Date.now() - t0;
    await holder.done;
    expect(waited).toBeGreaterThan(LOCK_MS / 4);
    expect(store.docs.read(`${workspaceId}/workspace`).updates).toHaveLength(1);
  }, 30_000);
});
