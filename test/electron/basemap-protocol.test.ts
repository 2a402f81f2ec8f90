/**
 * Offline basemaps in Electron, without Electron (electron/main/basemap-protocol.ts): a real data
 * service, main's trusted session over a real MessageChannel (as main.ts connects it), a real
 * MBTiles and a real PMTiles file. The "Add basemap files" IPC registers what the dialog returned
 * (and refuses a foreign sender, an argument, and nothing happens when cancelled); the
 * `app://nest/basemaps/…` handler gives byte for byte the answers of the browser host's
 * `/basemaps/<key>/…` routes for the same requests — the list, a tile, a missing tile, a PMTiles
 * range the pmtiles package reads, bad paths — with the app's CSP on every response.
 */
import http from 'node:http';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { PMTiles, type RangeResponse } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { IPC, type AddBasemapsResult } from '../../shared/desktop-api';
import type { IpcEvent, IpcMainLike } from '../../electron/main/ipc-handlers';
import { basemapRest, createBasemapProtocolHandler, registerBasemapDialog } from '../../electron/main/basemap-protocol';
import { serviceCaller, type CallPort } from '../../electron/main/service-call';
import { messagePortTransport } from '../../service/entries/message-port-transport';
import { handleBasemapRoute, tileKey } from '../../service/entries/basemap-routes';
import { contentSecurityPolicy } from '../../node/web/csp';
import { startService, type Harness } from '../helpers/service';
import { tempDir } from '../helpers/temp-dir';
import { writeMbtiles } from '../service/tiles/mbtiles-fixture';
import { writePmtiles } from '../service/tiles/pmtiles-fixture';
import type { RpcMethod, RpcParams, RpcResult } from '../../shared/rpc/contract';

type Port = { close(): void };
type Handler = (e: IpcEvent<Port>, ...a: unknown[]) => Promise<unknown>;

function asMainPort(p: MessagePort): CallPort & { on(event: string, l: (...a: never[]) => void): unknown } {
  return {
    postMessage: (m: unknown) => p.postMessage(m),
    start: () => p.start(),
    close: () => p.close(),
    on: ((event: 'message' | 'close', l: (e?: { data: unknown }) => void) => (event === 'message' ? p.on('message', (data: unknown) => l({ data })) : p.on('close', () => l()))) as CallPort['on'],
  };
}

let h: Harness;
let dir: string;
let server: http.Server;
let browserBase: string;
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

/** As main.ts: a trusted session of main's own per call. */
async function trustedCall<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResult<M>> {
  const { port1, port2 } = new MessageChannel();
  h.service.connect(messagePortTransport(asMainPort(port1)), { trusted: true });
  const caller = serviceCaller(asMainPort(port2));
  try {
    return await caller.call(method, params);
  } finally {
    caller.close();
  }
}

function event(url: string, id = 7): IpcEvent<Port> {
  const frame = { url, parent: null, frameTreeNodeId: 1, detached: false, postMessage: () => undefined };
  return { sender: { id, mainFrame: frame }, senderFrame: frame, ports: [] };
}

function dialog(chosen: string[]) {
  const handle = new Map<string, Handler>();
  const ipcMain: IpcMainLike<Port> = { on: () => undefined, handle: (c, l) => void handle.set(c, l) };
  registerBasemapDialog({ ipcMain, ourWebContentsIds: new Set([7]), showOpenBasemaps: async () => chosen, addFromPaths: (paths) => trustedCall('basemaps.addFromPaths', { paths }), logger: createLogger('test', 'silent') });
  return handle.get(IPC.addBasemaps)!;
}

const answer = createBasemapProtocolHandler((params) => trustedCall('basemaps.request', params));

beforeAll(async () => {
  h = startService({ mode: 'electron' });
  dir = tempDir();
  writeMbtiles(path.join(dir, 'Mombasa Port.mbtiles'), { name: 'Mombasa port 2024', format: 'png', minzoom: '12', maxzoom: '17', bounds: '39.6,-4.1,39.7,-4.0' }, [[13, 5000, 4188, Buffer.concat([PNG, Buffer.from('mombasa')])]]);
  writePmtiles(path.join(dir, 'lamu.pmtiles'), [[0, 0, 0, Buffer.concat([PNG, Buffer.from('world')])], [1, 1, 0, Buffer.concat([PNG, Buffer.from('ne')])]], [40.8, -2.4, 41, -2.2]);
  // The browser host's routes over the same data service's registry, to compare answers.
  const key = tileKey('t');
  server = http.createServer((req, res) => void handleBasemapRoute(req, res, { basemaps: h.service.basemaps, key, logger: createLogger('test', 'silent') }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  browserBase = `http://127.0.0.1:${(server.address() as { port: number }).port}/basemaps/${key}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  h?.close();
});

describe('Electron: "Add basemap files" and app://nest/basemaps/…', () => {
  it('refuses a foreign sender and any argument; a cancelled dialog adds nothing', async () => {
    await expect(dialog([path.join(dir, 'lamu.pmtiles')])(event('https://evil.example/'))).rejects.toThrow(/not an app:\/\/nest\/ page/);
    await expect(dialog([path.join(dir, 'lamu.pmtiles')])(event('app://nest/index.html'), '/etc/passwd')).rejects.toThrow(/takes no arguments/);
    expect(await dialog([])(event('app://nest/index.html'))).toEqual({ added: [], skipped: [] });
    expect((await answer(new Request('app://nest/basemaps/list.json'))).status).toBe(200);
    expect(await (await answer(new Request('app://nest/basemaps/list.json'))).json()).toEqual([]);
  });

  it('registers the chosen files through the trusted session, skipping what it cannot read', async () => {
    const r = (await dialog([path.join(dir, 'Mombasa Port.mbtiles'), path.join(dir, 'lamu.pmtiles'), path.join(dir, 'absent.mbtiles'), 'relative.pmtiles'])(event('app://nest/index.html'))) as AddBasemapsResult;
    expect(r.added.map((b) => [b.id, b.name, b.kind, b.format, b.minZoom, b.maxZoom])).toEqual([
      ['mombasa-port', 'Mombasa port 2024', 'mbtiles', 'png', 12, 17],
      ['lamu', 'lamu', 'pmtiles', 'png', 0, 1],
    ]);
    expect(r.skipped.map((s) => s.name)).toEqual(['absent.mbtiles', 'relative.pmtiles']);
  });

  it('answers exactly as the browser host’s routes, with the app’s CSP', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/list.json', {}],
      ['/tiles/mombasa-port/13/5000/4188.png', {}],
      ['/tiles/mombasa-port/13/5000/4003.png', {}],
      ['/tiles/nowhere/1/0/0.png', {}],
      ['/tiles/mombasa-port/1/5/0.png', {}],
      ['/pmtiles/lamu', { range: 'bytes=0-126' }],
      ['/pmtiles/lamu', { range: 'bytes=999999-' }],
      ['/pmtiles/lamu', {}],
      ['/elsewhere', {}],
    ];
    for (const [rest, headers] of cases) {
      const e = await answer(new Request(`app://nest/basemaps${rest}`, { headers }));
      const b = await fetch(`${browserBase}${rest}`, { headers });
      expect([rest, e.status]).toEqual([rest, b.status]);
      expect(Buffer.from(await e.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer()))).toBe(true);
      for (const name of ['content-type', 'content-range', 'content-encoding']) expect([rest, name, e.headers.get(name)]).toEqual([rest, name, b.headers.get(name)]);
      expect(e.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    const list = (await (await answer(new Request('app://nest/basemaps/list.json'))).json()) as { id: string }[];
    expect(list.map((b) => b.id)).toEqual(['lamu', 'mombasa-port']);
    expect((await answer(new Request('app://nest/basemaps/list.json', { method: 'POST' }))).status).toBe(405);
  });

  it('serves PMTiles ranges the pmtiles package reads tiles from', async () => {
    const pm = new PMTiles({
      getKey: () => 'lamu',
      getBytes: async (offset: number, length: number): Promise<RangeResponse> => {
        const res = await answer(new Request('app://nest/basemaps/pmtiles/lamu', { headers: { range: `bytes=${offset}-${offset + length - 1}` } }));
        expect(res.status).toBe(206);
        return { data: await res.arrayBuffer() };
      },
    });
    expect(Buffer.from((await pm.getZxy(1, 1, 0))!.data).subarray(PNG.length).toString()).toBe('ne');
  });

  it('routes only app://nest/basemaps/… URLs here; a dead service is a 503', async () => {
    expect(basemapRest('app://nest/basemaps/list.json')).toBe('/list.json');
    expect(basemapRest('app://nest/index.html')).toBeNull();
    expect(basemapRest('app://other/basemaps/list.json')).toBeNull();
    expect(basemapRest('app://nest/basemapsx/list.json')).toBeNull();
    const reasons: string[] = [];
    const dead = createBasemapProtocolHandler(() => Promise.reject(new Error('data service restarting')), (r) => reasons.push(r));
    expect((await dead(new Request('app://nest/basemaps/list.json'))).status).toBe(503);
    expect(reasons).toEqual(['data service restarting']);
  });

  it('answers online tiles through the data service only while the workspace enables them, the CSP as strict as the app’s', async () => {
    const c = h.client();
    await c.call('identity.create', { name: 'Ana Lima', agency: 'Federal Police', role: 'admin' });
    const { id } = await c.call('workspaces.create', { name: 'NEST Kenya', casePrefix: 'KE', reportingCurrency: 'KES' });
    const tile = (p: string, method = 'GET'): Promise<Response> => answer(new Request(`app://nest/basemaps/online/${p}`, { method }));
    const off = await tile(`${id}/3/4/2`);
    expect(off.status).toBe(403);
    expect(off.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(off.headers.get('content-security-policy')).toContain("img-src 'self' data: blob:;");
    expect(off.headers.get('content-security-policy')).not.toMatch(/https?:/);
    expect((await tile('0b8f3c7e-2a51-4c43-9d7a-1f0e6b3c2d10/3/4/2')).status).toBe(404);
    expect((await tile(`${id}/3/8/2`)).status).toBe(400);
    expect((await tile(`${id}/3/4/2`, 'POST')).status).toBe(405);
    // Enabled: the data service now tries the admin's host (a .invalid name never resolves here),
    // and the page's CSP stays exactly the same.
    await c.call('basemaps.setOnlineTiles', { workspaceId: id, onlineTiles: { urlTemplate: 'https://tiles.nest-test.invalid/{z}/{x}/{y}.png', attribution: 'Test' } });
    const on = await tile(`${id}/3/4/2`);
    expect(on.status).toBe(502);
    expect(on.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  }, 30_000);

  it('remembers the added files on this device: a restarted service serves them again', async () => {
    const dataDir = h.dataDir;
    h.close();
    h = startService({ mode: 'electron', dataDir });
    const list = (await (await answer(new Request('app://nest/basemaps/list.json'))).json()) as { id: string }[];
    expect(list.map((b) => b.id)).toEqual(['lamu', 'mombasa-port']);
    const tile = await answer(new Request('app://nest/basemaps/tiles/mombasa-port/13/5000/4188.png'));
    expect(Buffer.from(await tile.arrayBuffer()).subarray(PNG.length).toString()).toBe('mombasa');
  });
});
