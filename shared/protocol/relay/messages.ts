/**
 * The y-websocket wire protocol as the relay and the desktop's relay client speak it (byte layout
 * in docs/relay.md, "Protocol"). One
 * WebSocket binary message = one protocol message, lib0-encoded:
 *
 *   varUint messageType, then
 *   0 sync       varUint syncType (0 step 1 | 1 step 2 | 2 update), varUint8Array payload
 *                (step 1: a state vector; step 2 and update: a Yjs update, v1 encoding)
 *   1 awareness  varUint8Array awareness update (y-protocols/awareness)
 *   2 auth       varUint 0 (permission denied), varString reason        (relay -> client only)
 *   3 query-awareness  (no payload: "send me every awareness state")
 *   16 query-stored    (client -> relay, no payload: "tell me what you have stored")       NEST
 *   17 stored          (relay -> client, varUint8Array Yjs snapshot v1: state vector + delete
 *                      set of the stored doc, sent only after everything before it is stored) NEST
 *
 * Types 16 and 17 are NEST's acknowledgement by state (docs/relay.md, "Acknowledgement"). The relay
 * sends `stored` only in answer to `query-stored`, which a stock y-websocket client never sends,
 * so a stock client never sees a type it does not know (it would log "Unable to compute message"
 * and otherwise ignore it).
 *
 * These are the constants and framing of y-websocket and y-protocols, so a stock y-websocket
 * client works unchanged. One decoder per direction ({@link decodeClientMessage} on the relay,
 * {@link decodeRelayMessage} on the desktop); decoding is strict: anything else is a
 * {@link NestError}('bad-frame').
 * Isomorphic (lib0, y-protocols, yjs).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { NestError } from '../../errors';

/** Top-level message types (y-websocket's numbering; never renumber). */
export const MESSAGE = { SYNC: 0, AWARENESS: 1, AUTH: 2, QUERY_AWARENESS: 3, QUERY_STORED: 16, STORED: 17 } as const;

/** Sync sub-types (y-protocols/sync). */
export const SYNC = { STEP1: 0, STEP2: 1, UPDATE: 2 } as const;

/** The reason sent with the auth "permission denied" message to a client that may only read. */
export const READ_ONLY_REASON = 'read-only';

/** A decoded message from a client. */
export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'auth' }
  | { kind: 'query-awareness' }
  | { kind: 'query-stored' };

/**
 * Decodes one client message. Only the framing is checked here; the update and awareness
 * payloads are validated when applied.
 * @throws NestError('bad-frame') for a truncated message, a bad varint or an unknown type.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    switch (type) {
      case MESSAGE.SYNC: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === SYNC.STEP1) return { kind: 'sync-step1', stateVector: payload };
        if (sub === SYNC.STEP2) return { kind: 'sync-step2', update: payload };
        if (sub === SYNC.UPDATE) return { kind: 'sync-update', update: payload };
        throw new NestError('bad-frame', { id: 'protocol.relay.unknown-sync-type', values: { type: sub } });
      }
      case MESSAGE.AWARENESS:
        return { kind: 'awareness', update: decoding.readVarUint8Array(d) };
      case MESSAGE.AUTH:
        return { kind: 'auth' };
      case MESSAGE.QUERY_AWARENESS:
        return { kind: 'query-awareness' };
      case MESSAGE.QUERY_STORED:
        return { kind: 'query-stored' };
      default:
        throw new NestError('bad-frame', { id: 'protocol.relay.unknown-type', values: { type } });
    }
  } catch (err) {
    if (err instanceof NestError) throw err;
    throw new NestError('bad-frame', { id: 'protocol.relay.truncated' });
  }
}

/** A decoded message from the relay (what a client receives). */
export type RelayMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'permission-denied'; reason: string }
  | { kind: 'query-awareness' }
  | { kind: 'stored'; snapshot: Uint8Array };

/**
 * Decodes one message from the relay (the client side of {@link decodeClientMessage}): the auth
 * message carries its reason (e.g. {@link READ_ONLY_REASON}).
 * @throws NestError('bad-frame') for a truncated message, a bad varint, an unknown type or an
 *   auth message other than "permission denied".
 */
export function decodeRelayMessage(data: Uint8Array): RelayMessage {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE.AUTH) {
      const sub = decoding.readVarUint(d);
      if (sub !== authProtocol.messagePermissionDenied) throw new NestError('bad-frame', { id: 'protocol.relay.unknown-auth-type', values: { type: sub } });
      return { kind: 'permission-denied', reason: decoding.readVarString(d) };
    }
    if (type === MESSAGE.AWARENESS) return { kind: 'awareness', update: decoding.readVarUint8Array(d) };
    if (type === MESSAGE.STORED) return { kind: 'stored', snapshot: decoding.readVarUint8Array(d) };
  } catch (err) {
    if (err instanceof NestError) throw err;
    throw new NestError('bad-frame', { id: 'protocol.relay.truncated' });
  }
  // Sync and query-awareness are framed the same both ways.
  const m = decodeClientMessage(data);
  if (m.kind === 'auth' || m.kind === 'query-stored') throw new NestError('bad-frame', { id: 'protocol.relay.unexpected', values: { kind: m.kind } });
  return m;
}

/** Sync step 1: the state vector of `doc` (the peer answers with what the sender lacks). */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/**
 * Sync step 2: everything in `doc` that a peer with `stateVector` lacks.
 * @throws Error when `stateVector` is not a valid encoded state vector.
 */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.SYNC);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

/** A sync update message carrying one Yjs update. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** The client's "what have you stored?" query (answered by {@link encodeStored} once stored). */
export function encodeQueryStored(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.QUERY_STORED);
  return encoding.toUint8Array(e);
}

/**
 * The relay's acknowledgement by state: a Yjs snapshot (v1 encoding of state vector + delete
 * set, `Y.encodeSnapshot(Y.snapshot(doc))`) of `doc`. Deletions do not advance a state vector,
 * so the delete set travels too: without it a lost deletion could never be noticed.
 */
export function encodeStored(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.STORED);
  encoding.writeVarUint8Array(e, Y.encodeSnapshot(Y.snapshot(doc)));
  return encoding.toUint8Array(e);
}

/** An awareness message carrying one awareness update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.AWARENESS);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** An auth "permission denied" message with `reason` (a stock client logs it; ours reads it). */
export function encodePermissionDenied(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.AUTH);
  authProtocol.writePermissionDenied(e, reason);
  return encoding.toUint8Array(e);
}

/**
 * True when `update` holds structs that `doc` does not have yet (a read-only client trying to
 * write), judged by clock ranges (`Y.parseUpdateMeta`); deletions alone are not detected.
 * @throws Error when `update` is not a valid Yjs update.
 */
export function updateAddsContent(doc: Y.Doc, update: Uint8Array): boolean {
  const { to } = Y.parseUpdateMeta(update);
  const ours = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of to) if (clock > (ours.get(client) ?? 0)) return true;
  return false;
}

/** One client's entry in an awareness update: its id, clock and state (JSON text; "null" = removed). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text, as on the wire. */
  state: string;
}

/**
 * The entries of an awareness update (y-protocols/awareness layout: varUint count, then per
 * client varUint id, varUint clock, varString JSON state), without parsing the JSON.
 * @throws NestError('bad-frame') when the update is truncated or has trailing bytes.
 */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      entries.push({ clientId, clock, state: decoding.readVarString(d) });
    }
    if (decoding.hasContent(d)) throw new Error('trailing bytes');
    return entries;
  } catch {
    throw new NestError('bad-frame', { id: 'protocol.relay.bad-awareness' });
  }
}

/** Encodes awareness entries back into an awareness update. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientId);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, x.state);
  }
  return encoding.toUint8Array(e);
}
