/**
 * `nest:save-png` (electron/main/save-png-ipc.ts): the link chart's PNG written as binary through
 * "Save as", after the sender check and the payload check (a .png name, a Uint8Array with the PNG
 * signature, at most 50 MiB). A refused call shows no dialog and writes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { IPC } from '../../shared/desktop-api';
import type { IpcEvent } from '../../electron/main/ipc-handlers';
import type { FrameLike } from '../../electron/main/ipc-validation';
import { MAX_PNG_BYTES, PNG_SIGNATURE, registerSavePng, savePngArgs } from '../../electron/main/save-png-ipc';
import { checkArgs } from '../../electron/main/ipc-validation';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-png-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function frame(url: string, parent: FrameLike | null = null): FrameLike & { postMessage(): void } {
  return { url, parent, frameTreeNodeId: parent ? 2 : 1, detached: false, postMessage: () => undefined };
}

function event(url: string, opts: { webContentsId?: number; sub?: boolean } = {}): IpcEvent<never> {
  const main = frame('app://nest/index.html');
  const sender = opts.sub ? frame(url, main) : frame(url);
  return { sender: { id: opts.webContentsId ?? 7, mainFrame: opts.sub ? main : sender }, senderFrame: sender, ports: [] };
}

/** A small real PNG-looking payload: the signature and some bytes including NUL and 0xff. */
const png = Uint8Array.from([...PNG_SIGNATURE, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00, 0x80]);

function setup(answer: (name: string) => string | null) {
  const handlers = new Map<string, (e: IpcEvent<never>, ...a: unknown[]) => Promise<unknown>>();
  const dialogs: string[] = [];
  registerSavePng({
    ipcMain: { handle: (c, l) => void handlers.set(c, l) },
    ourWebContentsIds: new Set([7]),
    showSaveDialog: (_id, name) => {
      dialogs.push(name);
      return Promise.resolve(answer(name));
    },
    logger: createLogger('test', 'silent'),
  });
  return { call: (e: IpcEvent<never>, ...args: unknown[]) => handlers.get(IPC.savePng)!(e, ...args), handlers, dialogs };
}

describe('nest:save-png', () => {
  it('writes the exact bytes to the chosen file and returns its path', async () => {
    const target = path.join(dir, 'SGNEST-2026-0001-link-chart.png');
    const s = setup(() => target);
    expect([...s.handlers.keys()]).toEqual([IPC.savePng]);
    await expect(s.call(event('app://nest/index.html#/w/x'), 'SGNEST-2026-0001-link-chart.png', png)).resolves.toBe(target);
    expect(s.dialogs).toEqual(['SGNEST-2026-0001-link-chart.png']);
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(png);
    expect(fs.readdirSync(dir).filter((f) => f.includes('nest-tmp'))).toEqual([]);
  });

  it('returns null and writes nothing when the dialog is cancelled', async () => {
    const s = setup(() => null);
    const before = fs.readdirSync(dir);
    await expect(s.call(event('app://nest/'), 'chart.png', png)).resolves.toBeNull();
    expect(fs.readdirSync(dir)).toEqual(before);
  });

  it('refuses a foreign page, a subframe or another window before any dialog', async () => {
    const s = setup(() => path.join(dir, 'never.png'));
    await expect(s.call(event('https://evil.example/x'), 'a.png', png)).rejects.toThrow('nest:save-png refused: the sending page is not an app://nest/ page (https://evil.example)');
    await expect(s.call(event('app://nest/', { sub: true }), 'a.png', png)).rejects.toThrow('nest:save-png refused: the sender is a subframe, not the main frame');
    await expect(s.call(event('app://nest/', { webContentsId: 99 }), 'a.png', png)).rejects.toThrow('nest:save-png refused: webContents 99 is not an app window');
    expect(s.dialogs).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'never.png'))).toBe(false);
  });

  it('refuses a bad name, text instead of bytes, bytes that are not a PNG, or a wrong argument count', async () => {
    const s = setup(() => path.join(dir, 'never.png'));
    await expect(s.call(event('app://nest/'), '../../.bashrc', png)).rejects.toThrow('nest:save-png: argument 0: must be a plain file name');
    await expect(s.call(event('app://nest/'), 'run.sh', png)).rejects.toThrow('nest:save-png: argument 0: must end in .png');
    await expect(s.call(event('app://nest/'), 'a.png', 'iVBORw0KGgo=')).rejects.toThrow('nest:save-png: argument 1: must be a Uint8Array');
    await expect(s.call(event('app://nest/'), 'a.png', Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4]))).rejects.toThrow('argument 1: must be a PNG image (no PNG signature)');
    await expect(s.call(event('app://nest/'), 'a.png')).rejects.toThrow('nest:save-png:');
    expect(s.dialogs).toEqual([]);
  });

  it('caps the size at 50 MiB', () => {
    const big = new Uint8Array(MAX_PNG_BYTES + 1);
    big.set(PNG_SIGNATURE);
    const r = checkArgs(savePngArgs, ['big.png', big]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('must be at most 52428800 bytes (50 MiB)');
    const ok = new Uint8Array(MAX_PNG_BYTES);
    ok.set(PNG_SIGNATURE);
    expect(checkArgs(savePngArgs, ['ok.PNG', ok]).ok).toBe(true);
  });

  it('reports a failed write without leaving a temporary file', async () => {
    const s = setup(() => path.join(dir, 'missing-folder', 'x.png'));
    await expect(s.call(event('app://nest/'), 'x.png', png)).rejects.toThrow('could not write x.png: ENOENT');
    expect(fs.readdirSync(dir).filter((f) => f.includes('nest-tmp'))).toEqual([]);
  });
});
