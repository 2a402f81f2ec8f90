/**
 * Test harness: a real DataService on a temporary data folder, with renderer-side DataClients
 * connected over in-memory transports (the renderer's own client code, run in Node).
 */
import { DataService, type DataServiceOptions } from '../../service/data-service';
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
