/**
 * Test harness: a real DataService on a temporary data folder, with renderer-side DataClients
 * connected over in-memory transports (the renderer's own client code, run in Node).
 */
import { DataService, type DataServiceOptions } from '../../service/data-service';
import type { WorkspaceRuntime } from '../../service/workspace/workspace-runtime';
import { newCaseFields } from '../../shared/domain/case';
import { DataClient } from '../../renderer/src/data/client';
import { tempDir } from './temp-dir';
import { transportPair } from './transport-pair';

/** A service plus a way to connect clients. */
export interface Harness {
  service: DataService;
  dataDir: string;
  client(): DataClient;
  /** A client on a trusted session, as Electron main's own port (it alone may call trusted-only methods such as `files.addFromPath`). */
  mainClient(): DataClient;
  close(): void;
}

/** Opens a data service on a fresh folder (or `dataDir`). */
export function startService(opts: Partial<DataServiceOptions> = {}): Harness {
  const dataDir = opts.dataDir ?? tempDir();
  const service = DataService.open({ mode: 'browser', ...opts, dataDir });
  return {
    service,
    dataDir,
    client() {
      const [a, b] = transportPair();
      service.connect(a);
      return new DataClient(b);
    },
    mainClient() {
      const [a, b] = transportPair();
      service.connect(a, { trusted: true });
      return new DataClient(b);
    },
    close() {
      service.close();
    },
  };
}

/** Polls `check` until it returns truthy (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * On the harness `h`: an admin identity, a workspace and one case titled "Register" in it, made
 * through the RPC as the app makes them. Returns the client, the workspace's runtime, the case id
 * and the writer (the admin).
 */
export async function registerCase(h: Harness): Promise<{ c: DataClient; ws: WorkspaceRuntime; caseId: string; w: { memberId: string } }> {
  const c = h.client();
  const me = await c.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
  const summary = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const ws = h.service.workspace(summary.id);
  const caseId = (await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Register' } })).id;
  return { c, ws, caseId, w: { memberId: me.memberId } };
}
