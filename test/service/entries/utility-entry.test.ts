/**
 * The data service's utilityProcess entry (service/entries/utility-entry.ts), with a real
 * DataService on a temporary folder and real MessagePorts (node:worker_threads) standing in for
 * Electron's MessagePortMain: windows connect and call RPC over their ports, malformed messages
 * from main are refused (and their ports closed), and shutdown closes the service and exits 0.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../node/log';
import { DataService } from '../../../service/data-service';
import { parseMainMessage, serveParentPort, type ParentMessageEvent, type ParentPortLike } from '../../../service/entries/utility-entry';
import type { MessagePortMainLike } from '../../../service/entries/message-port-transport';
import { portRpc } from '../../electron/helpers/port-rpc';
import { waitFor } from '../../electron/helpers/wait-for';

/** Electron's MessagePortMain shape over a Node MessagePort: message events carry `{ data }`. */
function portMain(p: MessagePort): MessagePortMainLike {
  return {
    postMessage: (m) => p.postMessage(m),
    on(event: 'message' | 'close', listener: ((e: { data: unknown }) => void) | (() => void)) {
      if (event === 'message') p.on('message', (data: unknown) => (listener as (e: { data: unknown }) => void)({ data }));
      else p.on('close', listener as () => void);
      return this;
    },
    start: () => p.start(),
    close: () => p.close(),
  };
}

/** A parent port we drive: `send` plays main, `posted` records what the entry told main. */
function parent() {
  let listener: ((e: ParentMessageEvent) => void) | null = null;
  const posted: unknown[] = [];
  const port: ParentPortLike = {
    on: (_event, l) => (listener = l),
    postMessage: (m) => posted.push(m),
  };
  return { port, posted, send: (data: unknown, ports: unknown[] = []) => listener!({ data, ports }) };
}

let dir: string;
let service: DataService;
const exits: number[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-utility-entry-'));
  service = DataService.open({ dataDir: dir, mode: 'electron', version: '9.8.7', logger: createLogger('test', 'silent') });
  exits.length = 0;
});

afterEach(() => {
  service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('parseMainMessage', () => {
  const port = portMain(new MessageChannel().port1);
  it('accepts connect with one port and shutdown with none', () => {
    expect(parseMainMessage({ data: { type: 'connect' }, ports: [port] })).toEqual({ type: 'connect', port, trusted: false });
    expect(parseMainMessage({ data: { type: 'connect', trusted: true }, ports: [port] })).toEqual({ type: 'connect', port, trusted: true });
    expect(parseMainMessage({ data: { type: 'connect', trusted: false }, ports: [port] })).toEqual({ type: 'connect', port, trusted: false });
    expect(parseMainMessage({ data: { type: 'shutdown' }, ports: [] })).toEqual({ type: 'shutdown' });
  });

  it('refuses anything else, saying why', () => {
    expect(parseMainMessage({ data: { type: 'connect' }, ports: [] })).toEqual({ refused: 'connect carries 0 ports instead of 1' });
    expect(parseMainMessage({ data: { type: 'connect' }, ports: [port, port] })).toEqual({ refused: 'connect carries 2 ports instead of 1' });
    expect(parseMainMessage({ data: { type: 'connect' }, ports: [{}] })).toEqual({ refused: 'connect carries something that is not a MessagePort' });
    expect(parseMainMessage({ data: { type: 'shutdown' }, ports: [port] })).toEqual({ refused: 'shutdown carries 1 unexpected ports' });
    for (const data of [null, 'connect', { type: 'exec', cmd: 'rm -rf /' }, { type: 'connect', extra: 1 }, { type: 'connect', trusted: 'yes' }]) {
      expect(parseMainMessage({ data, ports: [] })).toEqual({ refused: 'not a { type: "connect" | "shutdown" } message' });
    }
  });
});

describe('serveParentPort', () => {
  it('tells main it is ready and serves each connected window over its own port', async () => {
    const p = parent();
    serveParentPort(p.port, { service, logger: service.logger, exit: (c) => exits.push(c) });
    expect(p.posted).toEqual([{ type: 'ready' }]);

    const a = new MessageChannel();
    const b = new MessageChannel();
    p.send({ type: 'connect' }, [portMain(a.port1)]);
    p.send({ type: 'connect' }, [portMain(b.port1)]);
    const winA = portRpc(a.port2);
    const winB = portRpc(b.port2);
    await expect(winA.call('app.info')).resolves.toMatchObject({ version: '9.8.7', mode: 'electron', dataDir: dir });
    await expect(winB.call('workspaces.list')).resolves.toEqual([]);
    expect(service.sessionCount()).toBe(2);

    winA.close();
    await winA.closed;
    await waitFor(() => service.sessionCount() === 1, 'the closed window’s session to end');
    winB.close();
  });

  it('refuses malformed messages, closes their ports and keeps serving', async () => {
    const p = parent();
    serveParentPort(p.port, { service, logger: service.logger, exit: (c) => exits.push(c) });
    const stray = new MessageChannel();
    const strayRpc = portRpc(stray.port2);
    p.send({ type: 'connect', extra: true }, [portMain(stray.port1)]);
    await strayRpc.closed;
    p.send({ type: 'connect' }, []);
    p.send('garbage');
    expect(service.sessionCount()).toBe(0);

    const ok = new MessageChannel();
    p.send({ type: 'connect' }, [portMain(ok.port1)]);
    await expect(portRpc(ok.port2).call('app.info')).resolves.toMatchObject({ mode: 'electron' });
    expect(exits).toEqual([]);
    ok.port2.close();
  });

  it('on shutdown closes the service (data kept on disk), closes the windows’ ports and exits 0', async () => {
    const p = parent();
    const entry = serveParentPort(p.port, { service, logger: service.logger, exit: (c) => exits.push(c) });
    const ch = new MessageChannel();
    p.send({ type: 'connect' }, [portMain(ch.port1)]);
    const win = portRpc(ch.port2);
    await win.call('identity.create', { name: 'Ana Lima', agency: 'IBAMA', role: 'admin' });
    const ws = (await win.call('workspaces.create', { name: 'Amazon timber', casePrefix: 'AMZ', reportingCurrency: 'USD' })) as { id: string };

    p.send({ type: 'shutdown' });
    await expect(entry.stopped).resolves.toBe(0);
    expect(exits).toEqual([0]);
    await win.closed;
    p.send({ type: 'shutdown' });
    expect(exits).toEqual([0]);

    // A port arriving after shutdown is closed, not served.
    const late = new MessageChannel();
    const lateRpc = portRpc(late.port2);
    p.send({ type: 'connect' }, [portMain(late.port1)]);
    await lateRpc.closed;

    const again = DataService.open({ dataDir: dir, mode: 'electron', logger: createLogger('test', 'silent') });
    try {
      expect(again.listWorkspaces()).toMatchObject([{ id: ws.id, name: 'Amazon timber', casePrefix: 'AMZ', role: 'admin' }]);
    } finally {
      again.close();
    }
  });
});
