/**
 * The MessagePort adapter of {@link Transport} on the data-service side (Electron): the
 * utilityProcess receives one Electron `MessagePortMain` per window from the main process.
 * Typed structurally so this file needs no `electron` import.
 */
import { portTransport } from '../../shared/protocol/port-transport';
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
  return portTransport(port, (onData, onClose) => {
    port.on('message', (e) => onData(e.data));
    port.on('close', onClose);
  });
}
