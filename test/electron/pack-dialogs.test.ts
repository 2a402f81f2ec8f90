/**
 * The case-pack IPC (electron/main/pack-dialogs.ts) driven through a recording ipcMain against a
 * real data service, with main's trusted session (`trusted: true`, as main.ts connects it): our
 * page's "export" shows "Save as" and main has the service write the pack at the chosen path
 * (`.zip` appended); "verify" shows "Open" and main has the service verify that pack; a
 * cancelled dialog answers { result: null, error: null } and writes nothing; a service error
 * comes back as its catalogue id; a foreign page or a malformed message (a smuggled `outFile`, a
 * bad id, a path as the suggested name, extra arguments) is refused without any dialog shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { IPC } from '../../shared/desktop-api';
import type { IpcEvent, IpcMainLike } from '../../electron/main/ipc-handlers';
import { registerPackDialogs } from '../../electron/main/pack-dialogs';
import { serviceCaller, type CallPort } from '../../electron/main/service-call';
import { messagePortTransport } from '../../service/entries/message-port-transport';
import { startService, type Harness } from '../helpers/service';
import { tempDir } from '../helpers/temp-dir';

type Port = { close(): void };

/** Node's MessagePort in the shape of Electron's MessagePortMain (messages as `{ data }`), as in service-call.test.ts. */
function asMainPort(p: MessagePort): CallPort & { on(event: string, l: (...a: never[]) => void): unknown } {
  return {
    postMessage: (m: unknown) => p.postMessage(m),
    start: () => p.start(),
    close: () => p.close(),
    on: ((event: 'message' | 'close', l: (e?: { data: unknown }) => void) => (event === 'message' ? p.on('message', (data: unknown) => l({ data })) : p.on('close', () => l()))) as CallPort['on'],
  };
}
type Handler = (e: IpcEvent<Port>, ...a: unknown[]) => Promise<unknown>;

let h: Harness;
let workspaceId: string;
let caseId: string;
beforeAll(async () => {
  h = startService();
  const c = h.client();
  await c.call('identity.create', { name: 'Ada Obi', agency: 'NESREA', role: 'investigator' });
  workspaceId = (await c.call('workspaces.openDemo', {})).id;
  caseId = (await c.call('cases.list', { workspaceId }))[0]!.id;
});
afterAll(() => h?.close());

function setup(answers: { save: string | null; open: string | null }) {
  const handle = new Map<string, Handler>();
  const ipcMain: IpcMainLike<Port> = { on: () => undefined, handle: (c, l) => void handle.set(c, l) };
  const shown: string[] = [];
  registerPackDialogs({
    ipcMain,
    ourWebContentsIds: new Set([7]),
    showSaveZip: async (_id, name) => (shown.push(`save ${name}`), answers.save),
    showOpenZip: async () => (shown.push('open'), answers.open),
    // As main.ts: a trusted session of main's own per call, through main's own caller.
    callService: async (method, params) => {
      const { port1, port2 } = new MessageChannel();
      h.service.connect(messagePortTransport(asMainPort(port1)), { trusted: true });
      const caller = serviceCaller(asMainPort(port2));
      try {
        return await caller.call(method, params);
      } finally {
        caller.close();
      }
    },
    logger: createLogger('test', 'silent'),
  });
  return { exportPack: handle.get(IPC.exportPack)!, verifyPack: handle.get(IPC.verifyPack)!, shown };
}

function event(url: string): IpcEvent<Port> {
  const frame = { url, parent: null, frameTreeNodeId: 1, detached: false, postMessage: () => undefined };
  return { sender: { id: 7, mainFrame: frame }, senderFrame: frame, ports: [] };
}

const ours = event('app://nest/index.html');

describe('pack IPC: main shows the dialog and runs the path-taking call itself', () => {
  it('exports to the chosen path and verifies the pack the user opened', async () => {
    const dir = tempDir('nest-pack-ipc-');
    const chosen = path.join(dir, 'NEST-pack');
    const s = setup({ save: chosen, open: `${chosen}.zip` });
    const exported = (await s.exportPack(ours, { workspaceId, caseId, handlingConfirmed: true, suggestedName: 'NEST-2026-0001-pack-TLP-AMBER.zip' })) as { result: { path: string; counts: { zipBytes: number }; stagedId: string | null }; error: null };
    expect(exported.error).toBeNull();
    expect(exported.result.path).toBe(`${chosen}.zip`);
    expect(exported.result.stagedId).toBeNull();
    expect(fs.statSync(`${chosen}.zip`).size).toBe(exported.result.counts.zipBytes);
    const verified = (await s.verifyPack(ours, workspaceId)) as { result: { ok: boolean; verdict: { id: string; values: { file: string } } }; error: null };
    expect(verified.error).toBeNull();
    expect(verified.result.ok).toBe(true);
    expect(verified.result.verdict).toMatchObject({ id: 'pack.verify.ok', values: { file: 'NEST-pack.zip' } });
    expect(s.shown).toEqual(['save NEST-2026-0001-pack-TLP-AMBER.zip', 'open']);
  }, 120_000);

  it('answers a cancelled dialog with nothing written, and a service error by its catalogue id', async () => {
    const cancelled = setup({ save: null, open: null });
    expect(await cancelled.exportPack(ours, { workspaceId, caseId, suggestedName: 'a.zip' })).toEqual({ result: null, error: null });
    expect(await cancelled.verifyPack(ours, workspaceId)).toEqual({ result: null, error: null });
    const relative = setup({ save: 'relative', open: 'relative.zip' });
    expect(await relative.exportPack(ours, { workspaceId, caseId, handlingConfirmed: true, suggestedName: 'a.zip' })).toEqual({ result: null, error: expect.objectContaining({ code: 'validation', messageId: 'pack.export.not-a-zip-name' }) });
    expect(fs.existsSync('relative.zip')).toBe(false);
    expect(await relative.verifyPack(ours, workspaceId)).toEqual({ result: null, error: expect.objectContaining({ code: 'invalid-params', messageId: 'pack.verify.no-file' }) });
  });

  it('refuses a foreign page and malformed messages without showing a dialog', async () => {
    const s = setup({ save: '/tmp/x.zip', open: '/tmp/x.zip' });
    const good = { workspaceId, caseId, suggestedName: 'a.zip' };
    await expect(s.exportPack(event('https://evil.example/x'), good)).rejects.toThrow(/nest:export-pack refused/);
    await expect(s.verifyPack(event('https://evil.example/x'), workspaceId)).rejects.toThrow(/nest:verify-pack refused/);
    // A page trying to name the path itself: unknown keys are refused, not stripped.
    await expect(s.exportPack(ours, { ...good, outFile: '/home/ada/.bashrc.zip' })).rejects.toThrow(/nest:export-pack: argument 0/);
    await expect(s.exportPack(ours, { ...good, suggestedName: '../../.bashrc' })).rejects.toThrow(/argument 0.*plain file name/);
    await expect(s.exportPack(ours, { ...good, workspaceId: 'not-a-uuid' })).rejects.toThrow(/nest:export-pack: argument 0/);
    await expect(s.exportPack(ours, { workspaceId, caseId })).rejects.toThrow(/nest:export-pack: argument 0/);
    await expect(s.exportPack(ours, good, 'extra')).rejects.toThrow(/nest:export-pack/);
    await expect(s.exportPack(ours)).rejects.toThrow(/nest:export-pack/);
    await expect(s.verifyPack(ours, workspaceId, '/etc/passwd')).rejects.toThrow(/nest:verify-pack/);
    await expect(s.verifyPack(ours, '/etc/passwd')).rejects.toThrow(/argument 0: must be a UUID/);
    expect(s.shown).toEqual([]);
  });
});
