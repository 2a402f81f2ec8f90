/**
 * The WebSocket adapter of {@link Transport} on the data-service side (browser mode): one
 * binary WebSocket message per frame.
 */
import type { WebSocket } from 'ws';
import type { Transport } from '../../shared/protocol/transport';

/** Wraps a server-side `ws` socket as a Transport. Text messages are ignored (the protocol is binary). */
export function wsTransport(socket: WebSocket): Transport {
  const t: Transport = {
    onmessage: null,
    onclose: null,
    postMessage(frame) {
      if (socket.readyState === socket.OPEN) socket.send(frame, { binary: true });
    },
    close() {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(1000);
    },
  };
  socket.binaryType = 'nodebuffer';
  socket.on('message', (data, isBinary) => {
    if (!isBinary) return;
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    t.onmessage?.(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  });
  socket.on('close', () => t.onclose?.());
  socket.on('error', () => socket.terminate());
  return t;
}
