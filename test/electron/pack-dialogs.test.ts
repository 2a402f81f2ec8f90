/**
 * The case-pack dialog IPC (electron/main/pack-dialogs.ts) driven through a recording ipcMain:
 * our page gets the chosen paths (`.zip` appended to a save name without it), a cancelled dialog
 * answers null, and a foreign page or a bad argument is refused without any dialog shown.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { IPC } from '../../shared/desktop-api';
import type { IpcEvent, IpcMainLike } from '../../electron/main/ipc-handlers';
import { registerPackDialogs } from '../../electron/main/pack-dialogs';

type Port = { close(): void };

function setup(answers: { save: string | null; open: string | null }) {
  const handle = new Map<string, (e: IpcEvent<Port>, ...a: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike<Port> = { on: () => undefined, handle: (c, l) => void handle.set(c, l) };
  const shown: string[] = [];
  registerPackDialogs({
    ipcMain,
    ourWebContentsIds: new Set([7]),
    showSaveZip: async (_id, name) => (shown.push(`save ${name}`), answers.save),
    showOpenZip: async () => (shown.push('open'), answers.open),
    logger: createLogger('test', 'silent'),
  });
  return { handle, shown };
}

function event(url: string): IpcEvent<Port> {
  const frame = { url, parent: null, frameTreeNodeId: 1, detached: false, postMessage: () => undefined };
  return { sender: { id: 7, mainFrame: frame }, senderFrame: frame, ports: [] };
}

describe('pack dialogs IPC', () => {
  it('answers our page with the chosen paths, and null when cancelled', async () => {
    const s = setup({ save: '/home/ada/Documents/NEST-2026-0001-pack-TLP-RED', open: '/home/ada/pack.zip' });
    expect(await s.handle.get(IPC.choosePackDestination)!(event('app://nest/index.html'), 'NEST-2026-0001-pack-TLP-RED.zip')).toBe('/home/ada/Documents/NEST-2026-0001-pack-TLP-RED.zip');
    expect(await s.handle.get(IPC.choosePackToVerify)!(event('app://nest/index.html'))).toBe('/home/ada/pack.zip');
    expect(s.shown).toEqual(['save NEST-2026-0001-pack-TLP-RED.zip', 'open']);
    const cancelled = setup({ save: null, open: null });
    expect(await cancelled.handle.get(IPC.choosePackDestination)!(event('app://nest/'), 'a.zip')).toBeNull();
    expect(await cancelled.handle.get(IPC.choosePackToVerify)!(event('app://nest/'))).toBeNull();
  });

  it('refuses a foreign page and bad arguments without showing a dialog', async () => {
    const s = setup({ save: '/x.zip', open: '/x.zip' });
    await expect(s.handle.get(IPC.choosePackDestination)!(event('https://evil.example/x'), 'a.zip')).rejects.toThrow(/nest:choose-pack-destination refused/);
    await expect(s.handle.get(IPC.choosePackDestination)!(event('app://nest/'), '../../.bashrc')).rejects.toThrow(/argument 0: must be a plain file name/);
    await expect(s.handle.get(IPC.choosePackToVerify)!(event('app://nest/'), 'extra')).rejects.toThrow(/nest:choose-pack-to-verify/);
    expect(s.shown).toEqual([]);
  });
});
