/**
 * The BUNDLED data service (dist/electron/data-service.cjs from scripts/build-electron.mjs) under
 * plain Node, in a worker thread playing Electron's utilityProcess, driven by the real
 * DataServiceSupervisor: it finds the app root and migrations from its bundle folder, serves a
 * window over a MessagePort, is restarted after a crash (the window's old port closes and a new
 * one works), and on shutdown closes cleanly with its data on disk. Also: a process whose
 * SQLite binding cannot load reports `fatal` and is not restarted.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { DataService } from '../../service/data-service';
import { DataServiceSupervisor } from '../../electron/main/data-service-supervisor';
import { buildBundles, type BuiltBundles } from './helpers/build';
import { portRpc } from './helpers/port-rpc';
import { forkInWorker, type WorkerProcess } from './helpers/worker-utility';
import { waitFor } from './helpers/wait-for';

let built: BuiltBundles;
let dataDir: string;

/** The data key main would hand over (issue 10 item 3: the workspace databases are encrypted with it). */
const DATA_KEY = randomBytes(32);

beforeAll(() => {
  built = buildBundles();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-bundle-'));
});

afterAll(() => {
  built?.remove();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function supervised(env: NodeJS.ProcessEnv) {
  const procs: WorkerProcess[] = [];
  const events: string[] = [];
  const sup = new DataServiceSupervisor<MessagePort>({
    fork: () => {
      const p = forkInWorker(built.dataService, env);
      // As electron/main.ts does: the data key (unwrapped by safeStorage there) is the first message.
      p.postMessage({ type: 'unlock', key: new Uint8Array(DATA_KEY) });
      procs.push(p);
      return p;
    },
    onRestarted: () => events.push('restarted'),
    onGiveUp: (reason) => events.push(`gave up: ${reason}`),
    logger: createLogger('test', 'silent'),
    backoffMs: 10,
  });
  const window = () => {
    const { port1, port2 } = new MessageChannel();
    sup.connect(port1);
    return portRpc(port2);
  };
  return { sup, procs, events, window };
}

describe('the bundled data service', () => {
  it('bundles no electron and leaves only better-sqlite3 (and ws helpers) external', () => {
    const code = fs.readFileSync(built.dataService, 'utf8');
    expect(code).not.toMatch(/require\("electron"\)/);
    const bare = [...code.matchAll(/require\("([^".][^"]*)"\)/g)].map((m) => m[1]!).filter((id) => !id.startsWith('node:') && !isBuiltin(id));
    // ws requires bufferutil and utf-8-validate inside try/catch (optional speed-ups, not installed).
    expect([...new Set(bare)].sort()).toEqual(['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'bufferutil', 'utf-8-validate']);
  });

  it('serves windows, survives a crash, and shuts down cleanly', async () => {
    const env = { ...process.env, NEST_DATA_DIR: dataDir, NEST_APP_VERSION: '1.2.3', NEST_SQLITE_BINDING: '' };
    const t = supervised(env);
    t.sup.start();

    const first = t.window();
    await expect(first.call('app.info')).resolves.toMatchObject({ version: '1.2.3', mode: 'electron', dataDir });
    await first.call('identity.create', { name: 'Kofi Mensah', agency: 'Ghana EPA', role: 'admin' });
    const ws = (await first.call('workspaces.create', { name: 'Gold mining', casePrefix: 'GLD', reportingCurrency: 'USD' })) as { id: string };
    await waitFor(() => t.procs[0]!.messages.some((m) => (m as { type?: string }).type === 'ready'), 'ready');

    // Crash: the window's port closes (Electron fires `close` on the page's port too), the
    // supervisor restarts the process and tells the windows, and a new port works.
    await t.procs[0]!.worker.terminate();
    await first.closed;
    await waitFor(() => t.events.includes('restarted'), 'the restart');
    const second = t.window();
    await expect(second.call('workspaces.list')).resolves.toMatchObject([{ id: ws.id, name: 'Gold mining' }]);

    const exitCode = new Promise<number>((r) => t.procs[1]!.worker.once('exit', r));
    await expect(t.sup.shutdown(15_000)).resolves.toBe('clean');
    await expect(exitCode).resolves.toBe(0);
    await second.closed;
    expect(t.events).toEqual(['restarted']);

    const reopened = DataService.open({ dataDir, mode: 'electron', logger: createLogger('test', 'silent'), dataKey: DATA_KEY });
    try {
      expect(reopened.listWorkspaces()).toMatchObject([{ id: ws.id, name: 'Gold mining', casePrefix: 'GLD' }]);
    } finally {
      reopened.close();
    }
  });

  it('reports fatal and is not restarted when SQLite cannot be loaded', async () => {
    const env = { ...process.env, NEST_DATA_DIR: dataDir, NEST_SQLITE_BINDING: path.join(os.tmpdir(), 'no-such-dir', 'better_sqlite3.node') };
    const t = supervised(env);
    t.sup.start();
    await waitFor(() => t.events.length > 0, 'the supervisor to give up');
    expect(t.events).toHaveLength(1);
    expect(t.events[0]).toMatch(/^gave up: The data service cannot start: SQLite \(better-sqlite3\) could not be loaded from .*no-such-dir.*better_sqlite3\.node/);
    expect(t.procs).toHaveLength(1);
  });
});
