/**
 * Two connected in-memory {@link Transport}s (a real, small implementation for tests): frames
 * posted on one arrive asynchronously (next microtask, or with `{ macrotask: true }` on a later
 * turn of the event loop, as a socket's or a MessagePort's do) on the other, in order, copied like
 * a MessagePort would.
 */
import type { Transport } from '../../shared/protocol/transport';

/** Creates a connected pair [a, b]; `macrotask`: frames arrive only when the event loop turns (a peer that never yields receives nothing). */
export function transportPair(o: { macrotask?: boolean } = {}): [Transport, Transport] {
  const later = o.macrotask ? (fn: () => void): void => void setImmediate(fn) : queueMicrotask;
  const make = (): Transport & { peer?: Transport & { closedFlag?: boolean }; closedFlag?: boolean } => ({
    onmessage: null,
    onclose: null,
    postMessage(frame) {
      const peer = this.peer;
      if (this.closedFlag || !peer) return;
      const copy = frame.slice();
      later(() => {
        if (!peer.closedFlag) peer.onmessage?.(copy);
      });
    },
    close() {
      if (this.closedFlag) return;
      this.closedFlag = true;
      const peer = this.peer!;
      queueMicrotask(() => {
        this.onclose?.();
        if (!peer.closedFlag) {
          peer.closedFlag = true;
          peer.onclose?.();
        }
      });
    },
  });
  const a = make();
  const b = make();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
