/**
 * Two connected in-memory {@link Transport}s (a real, small implementation for tests): frames
 * posted on one arrive asynchronously (next microtask) on the other, in order, copied like a
 * MessagePort would.
 */
import type { Transport } from '../../shared/protocol/transport';

/** Creates a connected pair [a, b]. */
export function transportPair(): [Transport, Transport] {
  const make = (): Transport & { peer?: Transport & { closedFlag?: boolean }; closedFlag?: boolean } => ({
    onmessage: null,
    onclose: null,
    postMessage(frame) {
      const peer = this.peer;
      if (this.closedFlag || !peer) return;
      const copy = frame.slice();
      queueMicrotask(() => {
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
