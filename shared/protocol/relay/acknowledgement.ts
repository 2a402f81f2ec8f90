/**
 * Acknowledgement by state (docs/relay.md, "Acknowledgement"): the relay answers a client's
 * `query-stored` message, once everything before it is stored, with a Yjs snapshot of its stored
 * doc (state vector + delete set). The client compares it with a snapshot of its own doc: the
 * doc is acknowledged ("synced") only when the relay's snapshot covers every struct and every
 * deletion the client has. What is missing is re-sent (`Y.encodeStateAsUpdate(doc, relay sv)`,
 * which carries the whole delete set too).
 * Isomorphic (yjs).
 */
import * as Y from 'yjs';
import { NestError } from '../../errors';

/**
 * Decodes the payload of a `stored` message.
 * @throws NestError('bad-frame') when it is not an encoded Yjs snapshot (v1).
 */
export function decodeStoredSnapshot(payload: Uint8Array): Y.Snapshot {
  try {
    return Y.decodeSnapshot(payload);
  } catch {
    throw new NestError('bad-frame', { id: 'protocol.relay.bad-stored-snapshot' });
  }
}

/** The clock ranges [clock, clock + len) of one client in a delete set, sorted by clock. */
type Ranges = readonly { clock: number; len: number }[];

/** True when the union of `have` (sorted by clock) contains [clock, clock + len). */
function rangeCovered(have: Ranges, clock: number, len: number): boolean {
  let from = clock;
  const end = clock + len;
  for (const r of have) {
    if (r.clock > from) return false; // a gap before the next range
    if (r.clock + r.len > from) from = r.clock + r.len;
    if (from >= end) return true;
  }
  return from >= end;
}

/**
 * True when `stored` (the relay's snapshot) holds everything in `local`: for every client, the
 * relay's clock is at least ours, and every range we deleted is deleted there too.
 */
export function storedCovers(stored: Y.Snapshot, local: Y.Snapshot): boolean {
  for (const [client, clock] of local.sv) if ((stored.sv.get(client) ?? 0) < clock) return false;
  for (const [client, ranges] of local.ds.clients) {
    const have = [...(stored.ds.clients.get(client) ?? [])].sort((a, b) => a.clock - b.clock);
    for (const r of ranges) if (r.len > 0 && !rangeCovered(have, r.clock, r.len)) return false;
  }
  return true;
}

/**
 * What `doc` has that the relay's `stored` snapshot lacks, as one Yjs update (structs past the
 * relay's state vector, and the whole delete set); apply-safe when nothing is missing.
 */
export function missingFrom(doc: Y.Doc, stored: Y.Snapshot): Uint8Array {
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(stored.sv));
}
