/**
 * The supervisor's policy, with small in-memory processes: ports wait for a restarting process,
 * an unexpected exit restarts it (and windows are told), restarts are bounded, a process that
 * reports `fatal` is not restarted, and shutdown asks first and kills only after the timeout.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { DataServiceSupervisor, parseServiceMessage, type ServiceProcess } from '../../electron/main/data-service-supervisor';
import { waitFor } from './helpers/wait-for';

class Port {
  closed = false;
  constructor(readonly name: string) {}
  close(): void {
    this.closed = true;
  }
}

/** A process that records what main posts and exits when told to. */
class FakeProcess extends EventEmitter implements ServiceProcess<Port> {
  readonly posted: { message: unknown; ports: string[] }[] = [];
  killed = false;
  constructor(private readonly obeysShutdown = true) {
    super();
  }
  postMessage(message: unknown, transfer: Port[] = []): void {
    this.posted.push({ message, ports: transfer.map((p) => p.name) });
    if ((message as { type: string }).type === 'shutdown' && this.obeysShutdown) setImmediate(() => this.emit('exit', 0));
  }
  kill(): boolean {
    this.killed = true;
    setImmediate(() => this.emit('exit', 143));
    return true;
  }
  crash(code = 1): void {
    this.emit('exit', code);
  }
}

function setup(opts: { obeysShutdown?: boolean; maxRestarts?: number } = {}) {
  const procs: FakeProcess[] = [];
  const events: string[] = [];
  const sup = new DataServiceSupervisor<Port>({
    fork: () => {
      const p = new FakeProcess(opts.obeysShutdown ?? true);
      procs.push(p);
      return p;
    },
    onRestarted: () => events.push('restarted'),
    onGiveUp: (reason) => events.push(`gave up: ${reason}`),
    logger: createLogger('test', 'silent'),
    backoffMs: 1,
    maxRestarts: opts.maxRestarts ?? 3,
  });
  return { sup, procs, events };
}

describe('DataServiceSupervisor', () => {
  it('posts each window’s port to the running process', () => {
    const { sup, procs } = setup();
    sup.start();
    expect(sup.connect(new Port('w1'))).toBe(true);
    expect(procs[0]!.posted).toEqual([{ message: { type: 'connect' }, ports: ['w1'] }]);
    expect(sup.connect(new Port('main'), { trusted: true })).toBe(true);
    expect(procs[0]!.posted[1]).toEqual({ message: { type: 'connect', trusted: true }, ports: ['main'] });
  });

  it('restarts after an unexpected exit, tells the windows, and delivers ports that arrived meanwhile', async () => {
    const { sup, procs, events } = setup();
    sup.start();
    procs[0]!.crash(1);
    expect(sup.running).toBe(false);
    sup.connect(new Port('during-restart'));
    sup.connect(new Port('main-during-restart'), { trusted: true });
    await waitFor(() => events.includes('restarted'), 'the restart');
    expect(procs).toHaveLength(2);
    expect(procs[1]!.posted).toEqual([
      { message: { type: 'connect' }, ports: ['during-restart'] },
      { message: { type: 'connect', trusted: true }, ports: ['main-during-restart'] },
    ]);
  });

  it('gives up after maxRestarts within the window and closes ports from then on', async () => {
    const { sup, procs, events } = setup({ maxRestarts: 2 });
    sup.start();
    for (let i = 0; i < 3; i++) {
      const n = procs.length;
      procs[n - 1]!.crash(i + 1);
      if (i < 2) await waitFor(() => procs.length === n + 1, `restart ${i + 1}`);
    }
    expect(events).toEqual(['restarted', 'restarted', 'gave up: The data service stopped 3 times within 60 s (last exit code 3).']);
    expect(sup.failure).toContain('stopped 3 times');
    const late = new Port('late');
    expect(sup.connect(late)).toBe(false);
    expect(late.closed).toBe(true);
  });

  it('does not restart a process that reported it cannot start', () => {
    const { sup, procs, events } = setup();
    sup.start();
    procs[0]!.emit('message', { type: 'fatal', reason: 'SQLite (better-sqlite3) could not be loaded' });
    procs[0]!.crash(1);
    expect(procs).toHaveLength(1);
    expect(events).toEqual(['gave up: The data service cannot start: SQLite (better-sqlite3) could not be loaded']);
  });

  it('shuts down cleanly when the process obeys', async () => {
    const { sup, procs } = setup();
    sup.start();
    await expect(sup.shutdown(5_000)).resolves.toBe('clean');
    expect(procs[0]!.posted.at(-1)).toEqual({ message: { type: 'shutdown' }, ports: [] });
    expect(procs[0]!.killed).toBe(false);
    expect(procs).toHaveLength(1);
  });

  it('kills a process that does not exit within the timeout, and does not restart it', async () => {
    const { sup, procs, events } = setup({ obeysShutdown: false });
    sup.start();
    await expect(sup.shutdown(20)).resolves.toBe('killed');
    expect(procs[0]!.killed).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(procs).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it('cancels a pending restart on shutdown and closes waiting ports', async () => {
    const { sup, procs } = setup();
    sup.start();
    procs[0]!.crash(1);
    const waiting = new Port('waiting');
    sup.connect(waiting);
    await expect(sup.shutdown()).resolves.toBe('not-running');
    expect(waiting.closed).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(procs).toHaveLength(1);
  });
});

describe('parseServiceMessage', () => {
  it('knows ready and fatal, nothing else', () => {
    expect(parseServiceMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseServiceMessage({ type: 'fatal', reason: 'x' })).toEqual({ type: 'fatal', reason: 'x' });
    for (const m of [null, 'ready', { type: 'fatal' }, { type: 'other' }]) expect(parseServiceMessage(m)).toBeNull();
  });
});
