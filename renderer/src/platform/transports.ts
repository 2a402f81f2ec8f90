/**
 * Renderer-side adapters of the one {@link Transport} interface: a DOM MessagePort (Electron,
 * handed over by the preload) and a WebSocket to the browser-mode host.
 */
import { portTransport } from '../../../shared/protocol/port-transport';
import type { Transport } from '../../../shared/protocol/transport';

/** Wraps a DOM MessagePort received from the Electron preload. */
export function messagePortTransport(port: MessagePort): Transport {
  return portTransport(port, (onData, onClose) => {
    port.onmessage = (e: MessageEvent) => onData(e.data);
    // Electron (and Chromium 123+) fire `close` on a port whose other end went away: the data service died.
    port.addEventListener('close', onClose);
  });
}

/** Subprotocols offered to the browser-mode host: the protocol id and the token. */
export function wsProtocols(token: string): string[] {
  return ['nest-desk.v1', `nest-token.${token}`];
}

/**
 * Opens a WebSocket transport to the browser-mode host at `url` (ws://127.0.0.1:PORT/rpc).
 * Resolves once open; rejects when the host refuses (wrong token, foreign origin) or is down.
 */
export function openWebSocketTransport(url: string, token: string): Promise<Transport> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, wsProtocols(token));
    ws.binaryType = 'arraybuffer';
    let opened = false;
    const t: Transport = {
      onmessage: null,
      onclose: null,
      postMessage(frame) {
        if (ws.readyState === WebSocket.OPEN) ws.send(frame);
      },
      close() {
        ws.close();
      },
    };
    ws.onopen = () => {
      opened = true;
      resolve(t);
    };
    ws.onmessage = (e: MessageEvent) => {
      if (e.data instanceof ArrayBuffer) t.onmessage?.(new Uint8Array(e.data));
    };
    ws.onclose = () => {
      if (!opened) reject(new Error('The NEST Desk data service refused the connection or is not running.'));
      else t.onclose?.();
    };
  });
}
