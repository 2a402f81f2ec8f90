/**
 * The BUILT preload (scripts/build-electron.mjs → preload.cjs), run in a Node `vm` context shaped
 * like a sandboxed preload: `require('electron')` gives a recording contextBridge and
 * ipcRenderer, any other require fails. It must expose exactly the DesktopApi surface as
 * `nestDesk`, send the right channels with the right payloads, and forward main's messages to the
 * page as window messages.
 */
import fs from 'node:fs';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_PORT_MESSAGE, DATA_SERVICE_RESTARTED_MESSAGE, IPC, type DesktopApi } from '../../shared/desktop-api';
import { buildBundles, type BuiltBundles } from './helpers/build';

let built: BuiltBundles;
beforeAll(() => {
  built = buildBundles();
});
afterAll(() => built?.remove());

function loadPreload() {
  const exposed: { key: string; api: unknown }[] = [];
  const sent: unknown[][] = [];
  const invoked: unknown[][] = [];
  const listeners = new Map<string, ((event: { ports: unknown[] }, ...args: unknown[]) => void)[]>();
  const posted: unknown[][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
    ipcRenderer: {
      send: (...args: unknown[]) => sent.push(args),
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve('/home/me/export.csv');
      },
      on: (channel: string, l: (event: { ports: unknown[] }, ...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), l]),
    },
  };
  const module = { exports: {} };
  const context = vm.createContext({
    module,
    exports: module.exports,
    require: (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${id}"`);
    },
    process: { platform: 'linux' },
    window: { postMessage: (...args: unknown[]) => posted.push(args) },
  });
  vm.runInContext(fs.readFileSync(built.preload, 'utf8'), context, { filename: 'preload.cjs' });
  const emit = (channel: string, event: { ports: unknown[] }, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l(event, ...args);
  };
  return { exposed, sent, invoked, listeners, posted, required, emit };
}

describe('the built preload', () => {
  it('requires nothing but electron', () => {
    expect(loadPreload().required).toEqual(['electron']);
  });

  it('exposes exactly window.nestDesk with the DesktopApi keys', () => {
    const p = loadPreload();
    expect(p.exposed.map((e) => e.key)).toEqual(['nestDesk']);
    const api = p.exposed[0]!.api as DesktopApi;
    const keys: (keyof DesktopApi)[] = ['kind', 'platform', 'requestDataPort', 'saveFile', 'savePng', 'exportPack', 'verifyPack', 'addFiles', 'addBasemaps'];
    expect(Object.keys(api).sort()).toEqual([...keys].sort());
    expect(api.kind).toBe('electron');
    expect(api.platform).toBe('linux');
    expect(typeof api.requestDataPort).toBe('function');
    expect(typeof api.saveFile).toBe('function');
    expect(typeof api.addFiles).toBe('function');
  });

  it('addFiles invokes its channel with (workspaceId, caseId) only', async () => {
    const p = loadPreload();
    const api = p.exposed[0]!.api as DesktopApi & { addFiles: (...a: unknown[]) => Promise<unknown> };
    await api.addFiles('w', 'c', '/etc/passwd');
    expect(p.invoked).toEqual([[IPC.addFiles, 'w', 'c']]);
  });

  it('addBasemaps invokes its channel with no payload, whatever the page passes (the page never names a path)', async () => {
    const p = loadPreload();
    const api = p.exposed[0]!.api as DesktopApi & { addBasemaps: (...a: unknown[]) => Promise<unknown> };
    await api.addBasemaps('/etc/passwd');
    expect(p.invoked).toEqual([[IPC.addBasemaps]]);
  });

  it('requestDataPort sends its channel with no payload, whatever the page passes', () => {
    const p = loadPreload();
    const api = p.exposed[0]!.api as DesktopApi & { requestDataPort: (...a: unknown[]) => void };
    api.requestDataPort();
    api.requestDataPort('extra', { evil: true });
    expect(p.sent).toEqual([[IPC.requestDataPort], [IPC.requestDataPort]]);
  });

  it('saveFile invokes its channel with (name, content) and returns main’s answer', async () => {
    const p = loadPreload();
    const api = p.exposed[0]!.api as DesktopApi;
    await expect(api.saveFile('export.csv', 'a,b\n')).resolves.toBe('/home/me/export.csv');
    expect(p.invoked).toEqual([[IPC.saveFile, 'export.csv', 'a,b\n']]);
  });

  it('savePng invokes its channel with (name, bytes) and returns main’s answer', async () => {
    const p = loadPreload();
    const api = p.exposed[0]!.api as DesktopApi;
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47);
    await api.savePng('chart.png', png);
    expect(p.invoked).toEqual([[IPC.savePng, 'chart.png', png]]);
  });

  it('the case-pack calls invoke their channels with the request and never a path', async () => {
    const p = loadPreload();
    const api = p.exposed[0]!.api as DesktopApi;
    const request = { workspaceId: '00000000-0000-4000-8000-000000000001', caseId: '00000000-0000-4000-8000-000000000002', handlingConfirmed: true, suggestedName: 'NEST-2026-0001-pack-TLP-RED.zip' };
    await api.exportPack(request);
    await api.verifyPack(request.workspaceId);
    expect(p.invoked).toEqual([[IPC.exportPack, request], [IPC.verifyPack, request.workspaceId]]);
  });

  it('listens to exactly the two main → page channels', () => {
    expect([...loadPreload().listeners.keys()].sort()).toEqual([IPC.dataPort, IPC.dataServiceRestarted].sort());
  });

  it('forwards a data port to the page, and only a single one', () => {
    const p = loadPreload();
    const port = { name: 'port2' };
    p.emit(IPC.dataPort, { ports: [port] });
    p.emit(IPC.dataPort, { ports: [] });
    p.emit(IPC.dataPort, { ports: [port, port] });
    expect(p.posted).toEqual([[DATA_PORT_MESSAGE, '*', [port]]]);
  });

  it('tells the page when the data service restarted', () => {
    const p = loadPreload();
    p.emit(IPC.dataServiceRestarted, { ports: [] });
    expect(p.posted).toEqual([[DATA_SERVICE_RESTARTED_MESSAGE, '*']]);
  });
});
