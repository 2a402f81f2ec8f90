/**
 * Test helper: runs the bundled data service (dist/electron/data-service.cjs) in a worker thread
 * that plays Electron's utilityProcess. A small boot script gives the worker a
 * `process.parentPort` shaped like Electron's (message events with `{ data, ports }`, ports with
 * MessagePortMain's `on('message', e => e.data)`), so the bundle runs unchanged.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import type { ServiceProcess } from '../../../electron/main/data-service-supervisor';

const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
function portMain(p) {
  return {
    postMessage: (m) => p.postMessage(m),
    on(event, listener) {
      if (event === 'message') p.on('message', (data) => listener({ data, ports: [] }));
      else if (event === 'close') p.on('close', listener);
      return this;
    },
    start: () => p.start(),
    close: () => p.close(),
  };
}
process.parentPort = {
  on(event, listener) {
    if (event === 'message') parentPort.on('message', (m) => listener({ data: m.data, ports: (m.ports || []).map(portMain) }));
    return this;
  },
  postMessage: (m) => parentPort.postMessage(m),
};
require(workerData.entry);
`;

/** A worker-backed stand-in for Electron's UtilityProcess. */
export interface WorkerProcess extends ServiceProcess<MessagePort> {
  readonly worker: Worker;
  /** Everything the process posted to main, in order. */
  readonly messages: unknown[];
}

/** Starts `entry` (a bundled .cjs) in a worker with `env` as its environment. */
export function forkInWorker(entry: string, env: NodeJS.ProcessEnv): WorkerProcess {
  const worker = new Worker(BOOT, { eval: true, workerData: { entry }, env, stdout: false, stderr: false });
  const messages: unknown[] = [];
  worker.on('message', (m: unknown) => messages.push(m));
  const proc: WorkerProcess = {
    worker,
    messages,
    postMessage(message, transfer = []) {
      worker.postMessage({ data: message, ports: transfer }, transfer);
    },
    on(event: 'exit' | 'message', listener: (arg: never) => void) {
      worker.on(event, listener as (arg: unknown) => void);
      return proc;
    },
    kill() {
      void worker.terminate();
      return true;
    },
  };
  return proc;
}
