/**
 * Issue 10 item 3, desktop side: the utility process opens the data service only after main's
 * `{ type: 'unlock', key }` (the key main unwrapped through safeStorage), with the data folder
 * encrypted by that key. Messages before it are refused and their ports closed; a malformed
 * unlock is refused without echoing the key.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { isClearDatabaseFile, openDatabase } from '../../../node/store/sqlite';
import { parseUnlockMessage, startFromEnvironment, type ParentMessageEvent, type ParentPortLike } from '../../../service/entries/utility-entry';
import type { MessagePortMainLike } from '../../../service/entries/message-port-transport';
import { portRpc } from '../../electron/helpers/port-rpc';
import { tempDir } from '../../helpers/temp-dir';

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

/** A parent port with several listeners, like Electron's parentPort (an EventEmitter). */
function parent() {
  const listeners: ((e: ParentMessageEvent) => void)[] = [];
  const posted: unknown[] = [];
  const port: ParentPortLike = { on: (_event, l) => listeners.push(l), postMessage: (m) => posted.push(m) };
  return { port, posted, send: (data: unknown, ports: unknown[] = []) => [...listeners].forEach((l) => l({ data, ports })) };
}

describe('parseUnlockMessage', () => {
  it('accepts exactly a 32-byte key with no ports, and names no key bytes when refusing', () => {
    const key = randomBytes(32);
    expect(parseUnlockMessage({ data: { type: 'unlock', key: new Uint8Array(key) }, ports: [] })).toEqual(new Uint8Array(key));
    const short = parseUnlockMessage({ data: { type: 'unlock', key: new Uint8Array(16) }, ports: [] });
    expect(short).toEqual({ refused: 'unlock carries no 32-byte key' });
    expect(parseUnlockMessage({ data: { type: 'unlock', key: key.toString('hex') }, ports: [] })).toEqual({ refused: 'unlock carries no 32-byte key' });
    expect(parseUnlockMessage({ data: { type: 'unlock', key, extra: 1 }, ports: [] })).toEqual({ refused: 'not a { type: "unlock", key } message' });
    expect(parseUnlockMessage({ data: { type: 'unlock', key }, ports: [{}] })).toEqual({ refused: 'unlock carries 1 unexpected ports' });
    expect(parseUnlockMessage({ data: { type: 'connect' }, ports: [] })).toEqual({ refused: 'not a { type: "unlock", key } message' });
  });
});

describe('startFromEnvironment', () => {
  it('waits for the key, refuses windows before it, then serves with every workspace database encrypted', async () => {
    const dataDir = tempDir();
    const p = parent();
    const exits: number[] = [];
    const started = startFromEnvironment(p.port, { NEST_DATA_DIR: dataDir }, (c) => exits.push(c));
    const early = new MessageChannel();
    const earlyRpc = portRpc(early.port2);
    p.send({ type: 'connect' }, [portMain(early.port1)]);
    await earlyRpc.closed;
    expect(p.posted).toEqual([]);

    const key = randomBytes(32);
    p.send({ type: 'unlock', key: new Uint8Array(key) });
    const entry = await started;
    expect(entry).not.toBeNull();
    expect(p.posted).toEqual([{ type: 'ready' }]);
    const ch = new MessageChannel();
    p.send({ type: 'connect' }, [portMain(ch.port1)]);
    const win = portRpc(ch.port2);
    await win.call('identity.create', { name: 'Ana Lima', agency: 'IBAMA', role: 'admin' });
    const ws = (await win.call('workspaces.create', { name: 'Amazon timber', casePrefix: 'AMZ', reportingCurrency: 'USD' })) as { id: string };
    p.send({ type: 'shutdown' });
    await expect(entry!.stopped).resolves.toBe(0);
    await win.closed;

    const file = path.join(dataDir, 'workspaces', ws.id, 'workspace.sqlite');
    expect(isClearDatabaseFile(file)).toBe(false);
    const db = openDatabase(file, { key, readonly: true });
    expect(db.prepare("SELECT value FROM local_settings WHERE key = 'local'").pluck().get()).toContain('"role":"admin"');
    db.close();
  });
});
