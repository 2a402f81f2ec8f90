/**
 * The one MessagePort adapter of {@link Transport}, for both ends: the renderer's DOM MessagePort
 * and the data service's Electron MessagePortMain differ only in how they deliver messages and
 * closes, which each side passes as `listen`. Binary frames only: anything else is ignored.
 */
import type { Transport } from './transport';

/** What the adapter needs of a port (DOM MessagePort and Electron MessagePortMain both have it). */
export interface PortLike {
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

/**
 * Wraps `port` as a Transport. `listen(onData, onClose)` subscribes to the port's messages (their
 * `data`) and to its close (the other end went away), in the port's own event style.
 */
export function portTransport(port: PortLike, listen: (onData: (data: unknown) => void, onClose: () => void) => void): Transport {
  let closed = false;
  const t: Transport = {
    onmessage: null,
    onclose: null,
    postMessage(frame) {
      if (!closed) port.postMessage(frame);
    },
    close() {
      if (closed) return;
      closed = true;
      port.close();
      t.onclose?.();
    },
  };
  listen(
    (d) => {
      if (d instanceof Uint8Array) t.onmessage?.(d);
      else if (d instanceof ArrayBuffer) t.onmessage?.(new Uint8Array(d));
    },
    () => {
      if (closed) return;
      closed = true;
      t.onclose?.();
    },
  );
  port.start();
  return t;
}
