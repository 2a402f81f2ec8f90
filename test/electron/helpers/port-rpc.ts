/**
 * Test helper: plays the page's side of the data-service protocol over a Node MessagePort
 * (node:worker_threads), which stands in for the DOM MessagePort the preload hands the page.
 */
import type { MessagePort } from 'node:worker_threads';
import { FRAME, decodeFrame, encodeFrame } from '../../../shared/protocol/frames';

/** A minimal RPC client on one port. */
export interface PortRpc {
  call(method: string, params?: unknown): Promise<unknown>;
  /** Resolves when the port closes (the other end went away). */
  readonly closed: Promise<void>;
  close(): void;
}

/** Wraps `port`: RPC responses resolve or reject (with the error's code and message) the calls. */
export function portRpc(port: MessagePort): PortRpc {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let onClosed: () => void = () => {};
  const closed = new Promise<void>((r) => (onClosed = r));
  port.on('message', (data: unknown) => {
    if (!(data instanceof Uint8Array)) return;
    const f = decodeFrame(data);
    if (f.type !== FRAME.RPC_RESPONSE) return;
    const p = pending.get(f.id);
    if (!p) return;
    pending.delete(f.id);
    if (f.ok) p.resolve(f.body);
    else {
      const info = f.body as { code: string; message: string };
      p.reject(new Error(`${info.code}: ${info.message}`));
    }
  });
  port.on('close', () => {
    for (const p of pending.values()) p.reject(new Error('port closed'));
    pending.clear();
    onClosed();
  });
  return {
    call(method, params = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        port.postMessage(encodeFrame({ type: FRAME.RPC_REQUEST, id, method, params }));
      });
    },
    closed,
    close: () => port.close(),
  };
}
