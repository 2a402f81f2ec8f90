/**
 * IPC: the sender checks (main frame of our own window, on app://nest/), the zod payload checks,
 * and the endpoints themselves driven through a recording ipcMain — a refused message has no
 * effect (no port, no dialog, no file) and says why.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { IPC } from '../../shared/desktop-api';
import { NestError } from '../../shared/errors';
import { registerIpc, writeTextFile, type IpcEvent, type IpcMainLike, type PostingFrame } from '../../electron/main/ipc-handlers';
import { MAX_SAVE_BYTES, checkArgs, checkSender, ipcArgs, type FrameLike } from '../../electron/main/ipc-validation';

/** A recorded port (stands in for MessagePortMain). */
class Port {
  closed = false;
  constructor(readonly name: string) {}
  close(): void {
    this.closed = true;
  }
}

interface TestFrame extends PostingFrame<Port> {
  posted: { channel: string; message: unknown; transfer?: Port[] }[];
}

function frame(url: string, opts: { parent?: FrameLike | null; id?: number; detached?: boolean } = {}): TestFrame {
  const posted: TestFrame['posted'] = [];
  return {
    url,
    parent: opts.parent ?? null,
    frameTreeNodeId: opts.id ?? 1,
    detached: opts.detached ?? false,
    posted,
    postMessage(channel, message, transfer) {
      posted.push({ channel, message, transfer });
    },
  };
}

function event(senderFrame: TestFrame | null, opts: { webContentsId?: number; mainFrame?: FrameLike; ports?: unknown[] } = {}): IpcEvent<Port> {
  const main = opts.mainFrame ?? senderFrame ?? frame('app://nest/index.html');
  return { sender: { id: opts.webContentsId ?? 7, mainFrame: main }, senderFrame, ports: opts.ports ?? [] };
}

const ours = new Set([7]);

describe('checkSender', () => {
  it('accepts the main frame of our window on app://nest/', () => {
    const f = frame('app://nest/index.html#/cases');
    expect(checkSender(event(f), ours)).toEqual({ ok: true, value: f });
  });

  it('refuses a window that is not ours', () => {
    expect(checkSender(event(frame('app://nest/index.html'), { webContentsId: 99 }), ours)).toEqual({ ok: false, reason: 'webContents 99 is not an app window' });
  });

  it('refuses a destroyed or detached frame', () => {
    expect(checkSender(event(null, { mainFrame: frame('app://nest/') }), ours)).toEqual({ ok: false, reason: 'the sending frame no longer exists (navigated or destroyed)' });
    expect(checkSender(event(frame('app://nest/', { detached: true })), ours)).toEqual({ ok: false, reason: 'the sending frame is detached' });
  });

  it('refuses a subframe, even one on app://nest/', () => {
    const top = frame('app://nest/index.html', { id: 1 });
    const sub = frame('app://nest/index.html', { id: 2, parent: top });
    expect(checkSender(event(sub, { mainFrame: top }), ours)).toEqual({ ok: false, reason: 'the sender is a subframe, not the main frame' });
  });

  it('refuses a foreign page, naming only its scheme and host', () => {
    expect(checkSender(event(frame('https://evil.example/steal?case=secret')), ours)).toEqual({ ok: false, reason: 'the sending page is not an app://nest/ page (https://evil.example)' });
    expect(checkSender(event(frame('app://nest.evil/')), ours)).toMatchObject({ ok: false });
    expect(checkSender(event(frame('file:///etc/passwd')), ours)).toMatchObject({ ok: false });
  });

  it('refuses MessagePorts sent along', () => {
    expect(checkSender(event(frame('app://nest/'), { ports: [{}] }), ours)).toEqual({ ok: false, reason: '1 unexpected MessagePort(s) attached' });
  });
});

describe('payload schemas', () => {
  it('requestDataPort takes no arguments', () => {
    expect(checkArgs(ipcArgs.requestDataPort, [])).toEqual({ ok: true, value: [] });
    expect(checkArgs(ipcArgs.requestDataPort, ['x'])).toEqual({ ok: false, reason: 'arguments: takes no arguments' });
  });

  it('saveFile accepts a plain name and string content', () => {
    expect(checkArgs(ipcArgs.saveFile, ['seizures 2026-03.csv', 'a,b\n1,2\n'])).toEqual({ ok: true, value: ['seizures 2026-03.csv', 'a,b\n1,2\n'] });
    expect(checkArgs(ipcArgs.saveFile, ['Beschlagnahmen-Übersicht.csv', ''])).toMatchObject({ ok: true });
    expect(checkArgs(ipcArgs.saveFile, ['x'.repeat(255), ''])).toMatchObject({ ok: true });
  });

  it('saveFile refuses names with folders, reserved or control characters, or too long', () => {
    const reason = (name: unknown) => {
      const r = checkArgs(ipcArgs.saveFile, [name, 'x']);
      return r.ok ? 'accepted' : r.reason;
    };
    const plain = 'argument 0: must be a plain file name without / \\ < > : " | ? * or control characters';
    expect(reason('../etc/passwd')).toBe(plain);
    expect(reason('/tmp/x.csv')).toBe(plain);
    expect(reason('..\\win.ini')).toBe(plain);
    expect(reason('C:x.csv')).toBe(plain);
    expect(reason('a\u0000.csv')).toBe(plain);
    expect(reason('a\nb.csv')).toBe(plain);
    expect(reason('..')).toBe('argument 0: must not be made only of dots and spaces');
    expect(reason('')).toBe('argument 0: must not be empty');
    expect(reason('x'.repeat(256))).toBe('argument 0: must be at most 255 characters; argument 0: must be at most 255 bytes in UTF-8');
    expect(reason('é'.repeat(200))).toBe('argument 0: must be at most 255 bytes in UTF-8');
    expect(reason(42)).toBe('argument 0: must be a string');
  });

  it('saveFile refuses non-string or oversized content and wrong argument counts', () => {
    expect(checkArgs(ipcArgs.saveFile, ['a.csv', { toString: () => 'x' }])).toEqual({ ok: false, reason: 'argument 1: must be a string' });
    expect(checkArgs(ipcArgs.saveFile, ['a.csv', 'x'.repeat(MAX_SAVE_BYTES + 1)])).toEqual({ ok: false, reason: 'argument 1: must be at most 104857600 bytes (100 MiB) in UTF-8' });
    // 100 MiB of characters is allowed only while its UTF-8 stays within 100 MiB.
    expect(checkArgs(ipcArgs.saveFile, ['a.csv', 'é'.repeat(MAX_SAVE_BYTES / 2 + 1)])).toMatchObject({ ok: false });
    expect(checkArgs(ipcArgs.saveFile, ['a.csv'])).toMatchObject({ ok: false });
    expect(checkArgs(ipcArgs.saveFile, ['a.csv', 'x', 'extra'])).toMatchObject({ ok: false });
  });
});

describe('registerIpc', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-ipc-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function setup(opts: { serviceUp?: boolean; savePath?: string | null; picked?: string[] } = {}) {
    const on = new Map<string, (e: IpcEvent<Port>, ...a: unknown[]) => void>();
    const handle = new Map<string, (e: IpcEvent<Port>, ...a: unknown[]) => Promise<unknown>>();
    const ipcMain: IpcMainLike<Port> = {
      on: (c, l) => on.set(c, l),
      handle: (c, l) => void handle.set(c, l),
    };
    const toService: Port[] = [];
    const toWindow: Port[] = [];
    const dialogs: { id: number; name: string }[] = [];
    const opened: number[] = [];
    const intake: { workspaceId: string; caseId: string; file: string }[] = [];
    let n = 0;
    registerIpc<Port>({
      ipcMain,
      ourWebContentsIds: ours,
      createChannel: () => {
        const pair = { port1: new Port(`service-${++n}`), port2: new Port(`window-${n}`) };
        toWindow.push(pair.port2);
        return pair;
      },
      connectDataService: (p) => {
        if (opts.serviceUp === false) {
          p.close();
          return false;
        }
        toService.push(p);
        return true;
      },
      showSaveDialog: async (id, name) => {
        dialogs.push({ id, name });
        return opts.savePath === undefined ? path.join(dir, name) : opts.savePath;
      },
      showOpenFilesDialog: async (id) => {
        opened.push(id);
        return opts.picked ?? [];
      },
      addFileFromPath: async (workspaceId, caseId, file) => {
        intake.push({ workspaceId, caseId, file });
        if (file.endsWith('huge.bin')) throw new NestError('too-large', { id: 'file.too-large', values: { size: 3, max: 2 } });
        return { id: `f${intake.length}`, hash: 'a'.repeat(64), size: 1, mediaType: 'image/png', name: path.basename(file), addedBy: 'm', addedAt: 1, deleted: false };
      },
      logger: createLogger('test', 'silent'),
    });
    return { on, handle, toService, toWindow, dialogs, opened, intake };
  }

  it('registers exactly the three renderer channels', () => {
    const s = setup();
    expect([...s.on.keys()]).toEqual([IPC.requestDataPort]);
    expect([...s.handle.keys()]).toEqual([IPC.saveFile, IPC.addFiles]);
  });

  it('hands one end of a new channel to the data service and the other to the asking frame', () => {
    const s = setup();
    const f = frame('app://nest/index.html');
    s.on.get(IPC.requestDataPort)!(event(f));
    s.on.get(IPC.requestDataPort)!(event(f));
    expect(s.toService.map((p) => p.name)).toEqual(['service-1', 'service-2']);
    expect(f.posted.map((m) => ({ channel: m.channel, message: m.message, ports: m.transfer?.map((p) => p.name) }))).toEqual([
      { channel: IPC.dataPort, message: null, ports: ['window-1'] },
      { channel: IPC.dataPort, message: null, ports: ['window-2'] },
    ]);
  });

  it('gives no port to a foreign frame or a request with a payload', () => {
    const s = setup();
    const evil = frame('https://evil.example/');
    s.on.get(IPC.requestDataPort)!(event(evil));
    const f = frame('app://nest/');
    s.on.get(IPC.requestDataPort)!(event(f), { sneaky: true });
    expect(s.toService).toEqual([]);
    expect(evil.posted).toEqual([]);
    expect(f.posted).toEqual([]);
  });

  it('still answers the page when the data service is down, with a port whose other end is closed', () => {
    const s = setup({ serviceUp: false });
    const f = frame('app://nest/');
    s.on.get(IPC.requestDataPort)!(event(f));
    expect(f.posted).toHaveLength(1);
  });

  it('drops the channel when the frame is gone by the time the port is sent', () => {
    const s = setup();
    const f = frame('app://nest/');
    f.postMessage = () => {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    };
    expect(() => s.on.get(IPC.requestDataPort)!(event(f))).not.toThrow();
    expect(s.toWindow.map((p) => p.closed)).toEqual([true]);
  });

  it('saves a file where the user chose and returns its path', async () => {
    const s = setup();
    const file = await s.handle.get(IPC.saveFile)!(event(frame('app://nest/')), 'export.csv', 'id,kg\n1,2.5\n');
    expect(file).toBe(path.join(dir, 'export.csv'));
    expect(fs.readFileSync(path.join(dir, 'export.csv'), 'utf8')).toBe('id,kg\n1,2.5\n');
    expect(s.dialogs).toEqual([{ id: 7, name: 'export.csv' }]);
    expect(fs.readdirSync(dir).filter((f) => f.includes('nest-tmp'))).toEqual([]);
  });

  it('returns null and writes nothing when the user cancels', async () => {
    const s = setup({ savePath: null });
    expect(await s.handle.get(IPC.saveFile)!(event(frame('app://nest/')), 'cancelled.csv', 'x')).toBeNull();
    expect(fs.existsSync(path.join(dir, 'cancelled.csv'))).toBe(false);
  });

  it('rejects a foreign sender or a bad payload before any dialog, saying why', async () => {
    const s = setup();
    await expect(s.handle.get(IPC.saveFile)!(event(frame('https://evil.example/x')), 'a.csv', 'x')).rejects.toThrow('nest:save-file refused: the sending page is not an app://nest/ page (https://evil.example)');
    await expect(s.handle.get(IPC.saveFile)!(event(frame('app://nest/')), '../../.bashrc', 'x')).rejects.toThrow('nest:save-file: argument 0: must be a plain file name');
    await expect(s.handle.get(IPC.saveFile)!(event(frame('app://nest/')), 'a.csv', 12)).rejects.toThrow('nest:save-file: argument 1: must be a string');
    expect(s.dialogs).toEqual([]);
  });

  it('reports a failed write as export-failed and leaves no temporary file', async () => {
    const s = setup({ savePath: path.join(dir, 'no-such-folder', 'x.csv') });
    await expect(s.handle.get(IPC.saveFile)!(event(frame('app://nest/')), 'x.csv', 'x')).rejects.toThrow('could not write x.csv: ENOENT');
  });

  const WS = '11111111-1111-4111-8111-111111111111';
  const CASE = '22222222-2222-4222-8222-222222222222';

  it('adds exactly the files chosen in the native dialog, in order', async () => {
    const s = setup({ picked: ['/home/me/a.png', '/home/me/b.pdf'] });
    const r = await s.handle.get(IPC.addFiles)!(event(frame('app://nest/')), WS, CASE);
    expect(s.opened).toEqual([7]);
    expect(s.intake).toEqual([
      { workspaceId: WS, caseId: CASE, file: '/home/me/a.png' },
      { workspaceId: WS, caseId: CASE, file: '/home/me/b.pdf' },
    ]);
    expect(r).toMatchObject({ added: [{ name: 'a.png' }, { name: 'b.pdf' }], error: null });
  });

  it('adds nothing when the dialog is cancelled', async () => {
    const s = setup({ picked: [] });
    expect(await s.handle.get(IPC.addFiles)!(event(frame('app://nest/')), WS, CASE)).toEqual({ added: [], error: null });
    expect(s.intake).toEqual([]);
  });

  it('stops at a refused file and reports its error with the files added before it', async () => {
    const s = setup({ picked: ['/x/a.png', '/x/huge.bin', '/x/c.png'] });
    const r = (await s.handle.get(IPC.addFiles)!(event(frame('app://nest/')), WS, CASE)) as { added: { name: string }[]; error: { code: string; messageId: string } };
    expect(r.added.map((f) => f.name)).toEqual(['a.png']);
    expect(r.error).toMatchObject({ code: 'too-large', messageId: 'file.too-large' });
    expect(s.intake.map((i) => path.basename(i.file))).toEqual(['a.png', 'huge.bin']);
  });

  it('refuses a foreign sender, a path or extra arguments before showing any dialog', async () => {
    const s = setup({ picked: ['/x/a.png'] });
    await expect(s.handle.get(IPC.addFiles)!(event(frame('https://evil.example/')), WS, CASE)).rejects.toThrow('nest:add-files refused');
    await expect(s.handle.get(IPC.addFiles)!(event(frame('app://nest/')), WS, CASE, '/etc/passwd')).rejects.toThrow('nest:add-files: ');
    await expect(s.handle.get(IPC.addFiles)!(event(frame('app://nest/')), '/etc/passwd', CASE)).rejects.toThrow('argument 0: must be a UUID');
    expect(s.opened).toEqual([]);
    expect(s.intake).toEqual([]);
  });

});

describe('writeTextFile', () => {
  it('replaces an existing file whole', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-write-'));
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'old content that is longer');
    await writeTextFile(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
