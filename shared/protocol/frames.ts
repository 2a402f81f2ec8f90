/**
 * The wire protocol between a renderer and the data service (see docs/protocol.md for the byte
 * layout). One frame = one binary message on the transport (MessagePort or WebSocket):
 *
 *   varUint type, then type-specific fields (lib0 encoding: varUint, varString, varUint8Array)
 *
 * Doc frames carry a doc name (see `shared/docs/names.ts`) and a y-protocols message unchanged,
 * so the sync logic is stock y-protocols. RPC frames carry JSON validated against the contract.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { NestError } from '../errors';

/** Frame type constants (never renumber; only add). */
export const FRAME = {
  /** renderer ↔ service: varString doc, varUint8Array y-protocols sync message. */
  DOC_SYNC: 0,
  /** renderer ↔ service: varString doc, varUint8Array y-protocols awareness update. */
  DOC_AWARENESS: 1,
  /** renderer → service: varString doc. Subscribe; the service answers with sync step 1. */
  DOC_OPEN: 2,
  /** renderer → service: varString doc. Unsubscribe. */
  DOC_CLOSE: 3,
  /** service → renderer: varString doc, varString JSON {@link DocStatus}. */
  DOC_STATUS: 4,
  /** renderer → service: varUint id, varString method, varString JSON params. */
  RPC_REQUEST: 10,
  /** service → renderer: varUint id, varUint ok (1/0), varString JSON result or ErrorInfo. */
  RPC_RESPONSE: 11,
  /** service → renderer: varString event name, varString JSON payload. */
  EVENT: 12,
} as const;

/** Largest frame accepted, in bytes (64 MiB: room for an imported file of tens of thousands of rows). */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** Status of one open doc, as told to the renderer. `refused`: no access; `error`: could not be opened. */
export interface DocStatus {
  /**
   * `rejected`: one update the window sent was refused and not applied (it would erase what the
   * deletion rules protect); the window's copy holds a change the service does not, so the window
   * reloads the doc. `waiting`: the doc is not on this computer yet (a case created elsewhere
   * that the relay has not delivered); the service opens it and sends `open` or `read-only` the
   * moment it arrives. The others describe the doc's opening.
   */
  state: 'open' | 'refused' | 'error' | 'read-only' | 'rejected' | 'waiting';
  message?: string;
  /** For `rejected`: the deletion rule's code (`append-only`, `record-removal-denied`). */
  reason?: string;
}

/** A decoded frame. */
export type Frame =
  | { type: typeof FRAME.DOC_SYNC; doc: string; payload: Uint8Array }
  | { type: typeof FRAME.DOC_AWARENESS; doc: string; payload: Uint8Array }
  | { type: typeof FRAME.DOC_OPEN; doc: string }
  | { type: typeof FRAME.DOC_CLOSE; doc: string }
  | { type: typeof FRAME.DOC_STATUS; doc: string; status: DocStatus }
  | { type: typeof FRAME.RPC_REQUEST; id: number; method: string; params: unknown }
  | { type: typeof FRAME.RPC_RESPONSE; id: number; ok: boolean; body: unknown }
  | { type: typeof FRAME.EVENT; name: string; payload: unknown };

/** Encodes a frame to bytes. */
export function encodeFrame(f: Frame): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, f.type);
  switch (f.type) {
    case FRAME.DOC_SYNC:
    case FRAME.DOC_AWARENESS:
      encoding.writeVarString(e, f.doc);
      encoding.writeVarUint8Array(e, f.payload);
      break;
    case FRAME.DOC_OPEN:
    case FRAME.DOC_CLOSE:
      encoding.writeVarString(e, f.doc);
      break;
    case FRAME.DOC_STATUS:
      encoding.writeVarString(e, f.doc);
      encoding.writeVarString(e, JSON.stringify(f.status));
      break;
    case FRAME.RPC_REQUEST:
      encoding.writeVarUint(e, f.id);
      encoding.writeVarString(e, f.method);
      encoding.writeVarString(e, JSON.stringify(f.params ?? null));
      break;
    case FRAME.RPC_RESPONSE:
      encoding.writeVarUint(e, f.id);
      encoding.writeVarUint(e, f.ok ? 1 : 0);
      encoding.writeVarString(e, JSON.stringify(f.body ?? null));
      break;
    case FRAME.EVENT:
      encoding.writeVarString(e, f.name);
      encoding.writeVarString(e, JSON.stringify(f.payload ?? null));
      break;
  }
  return encoding.toUint8Array(e);
}

/**
 * Decodes bytes into a frame.
 * @throws NestError('too-large') above {@link MAX_FRAME_BYTES}; NestError('bad-frame') for an
 * unknown type, truncated fields, invalid JSON or trailing bytes.
 */
export function decodeFrame(bytes: Uint8Array): Frame {
  if (bytes.byteLength > MAX_FRAME_BYTES) throw new NestError('too-large', { id: 'protocol.frame.too-large', values: { bytes: bytes.byteLength, max: MAX_FRAME_BYTES } });
  try {
    const d = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(d);
    let f: Frame;
    switch (type) {
      case FRAME.DOC_SYNC:
      case FRAME.DOC_AWARENESS:
        f = { type, doc: decoding.readVarString(d), payload: decoding.readVarUint8Array(d) };
        break;
      case FRAME.DOC_OPEN:
      case FRAME.DOC_CLOSE:
        f = { type, doc: decoding.readVarString(d) };
        break;
      case FRAME.DOC_STATUS:
        f = { type, doc: decoding.readVarString(d), status: JSON.parse(decoding.readVarString(d)) as DocStatus };
        break;
      case FRAME.RPC_REQUEST:
        f = { type, id: decoding.readVarUint(d), method: decoding.readVarString(d), params: JSON.parse(decoding.readVarString(d)) };
        break;
      case FRAME.RPC_RESPONSE:
        f = { type, id: decoding.readVarUint(d), ok: decoding.readVarUint(d) === 1, body: JSON.parse(decoding.readVarString(d)) };
        break;
      case FRAME.EVENT:
        f = { type, name: decoding.readVarString(d), payload: JSON.parse(decoding.readVarString(d)) };
        break;
      default:
        throw new NestError('bad-frame', { id: 'protocol.frame.unknown-type', values: { type } });
    }
    if (decoding.hasContent(d)) throw new NestError('bad-frame', { id: 'protocol.frame.trailing', values: { type } });
    return f;
  } catch (err) {
    if (err instanceof NestError) throw err;
    throw new NestError('bad-frame', { id: 'protocol.frame.malformed', values: { detail: err instanceof Error ? err.message : String(err) } });
  }
}
