/**
 * Which of a client's writes the relay acknowledged, for the `kill -9` tests: the wrapped client
 * writes numbered keys and, after each batch, sends a sync step 1, which the relay answers only
 * once the connection's earlier updates are stored.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { TestClient } from '../helpers';

/**
 * Writes numbered keys through a client and learns which were acknowledged: after each batch it
 * sends a sync step 1, which the relay answers only once the connection's earlier updates are
 * stored. Pending probes are forgotten when the connection drops (their answers will never come,
 * and the new connection's own sync must not be taken for one).
 */
export function probing(c: TestClient, tag: string): { write(n: number): void; probe(): void; acked(): string[]; written(): number } {
  const probes: number[] = [];
  let written = 0;
  let ackedUpTo = 0;
  let live = c.provider.synced;
  c.provider.on('status', (e: { status: string }) => {
    if (e.status === 'connected') return;
    live = false;
    probes.length = 0;
  });
  c.provider.on('sync', (s: boolean) => (live = s));
  const original = c.provider.messageHandlers[0]!;
  c.provider.messageHandlers[0] = (enc, dec, provider, emitSynced, messageType) => {
    const sub = decoding.peekVarUint(dec);
    const wasLive = live;
    original(enc, dec, provider, emitSynced, messageType);
    if (sub === syncProtocol.messageYjsSyncStep2 && wasLive && probes.length) ackedUpTo = Math.max(ackedUpTo, probes.shift()!);
  };
  return {
    write(n) {
      const m = c.doc.getMap<number>('m');
      c.doc.transact(() => {
        for (let k = 0; k < n; k++) m.set(`${tag}:${written + k}`, written + k);
      });
      written += n;
    },
    probe() {
      const sock = c.provider.ws;
      if (!live || !sock || sock.readyState !== 1) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, c.doc);
      probes.push(written);
      sock.send(encoding.toUint8Array(e));
    },
    acked: () => Array.from({ length: ackedUpTo }, (_, i) => `${tag}:${i}`),
    written: () => written,
  };
}
