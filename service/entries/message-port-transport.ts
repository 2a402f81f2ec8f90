/**
 * The MessagePort adapter of {@link Transport} on the data-service side (Electron): the
 * utilityProcess receives one Electron `MessagePortMain` per window from the main process.
 * Typed structurally so this file needs no `electron` import.
 */
import type { Transport } from '../../shared/protocol/transport';

/** The part of Electron's MessagePortMain this adapter uses. */
export interface MessagePortMainLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

/** Wraps a MessagePortMain as a Transport. Messages that are not binary are ignored. */
export function messagePortTransport(port: MessagePortMainLike): Transport {
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
  port.on('message', (e) => {
    const d = e.data;
    if (d instanceof Uint8Array) t.onmessage?.(d);
    else if (d instanceof ArrayBuffer) t.onmessage?.(new Uint8Array(d));
  });
  port.on('close', () => {
    if (closed) return;
    closed = true;
    t.onclose?.();
  });
  port.start();
  return t;
}
