/**
 * shared/protocol/relay/messages.ts: the y-websocket framing, checked against y-protocols' own encoders.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeClientMessage,
  decodeRelayMessage,
  encodeAwareness,
  encodeAwarenessEntries,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MESSAGE,
  readAwarenessEntries,
  updateAddsContent,
} from '../../../../shared/protocol/relay/messages';
import { NestError } from '../../../../shared/errors';

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

function docWith(key: string, value: string): Y.Doc {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return d;
}

describe('decodeClientMessage', () => {
  it('reads what a stock y-websocket client sends', () => {
    const d = docWith('a', 'x');
    const sv = Y.encodeStateVector(d);
    const update = Y.encodeStateAsUpdate(d);
    expect(decodeClientMessage(frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, d))))).toEqual({ kind: 'sync-step1', stateVector: sv });
    expect(decodeClientMessage(frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, d))))).toEqual({ kind: 'sync-step2', update });
    expect(decodeClientMessage(frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, update))))).toEqual({ kind: 'sync-update', update });
    const aw = new awarenessProtocol.Awareness(d);
    aw.setLocalState({ user: 'u' });
    const awUpdate = awarenessProtocol.encodeAwarenessUpdate(aw, [d.clientID]);
    expect(decodeClientMessage(frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, awUpdate))))).toEqual({ kind: 'awareness', update: awUpdate });
    expect(decodeClientMessage(Uint8Array.of(3))).toEqual({ kind: 'query-awareness' });
    expect(decodeClientMessage(Uint8Array.of(2, 0))).toEqual({ kind: 'auth' });
    aw.destroy();
  });

  it.each([
    ['empty', []],
    ['varint past 53 bits', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]],
    ['unterminated varint', [0x80]],
    ['unknown type', [9]],
    ['unknown sync type', [0, 7, 0]],
    ['sync without payload', [0, 2]],
    ['payload shorter than its length', [0, 2, 5, 1, 2]],
    ['awareness without payload', [1]],
  ])('refuses %s as bad-frame', (_name, bytes) => {
    expect(() => decodeClientMessage(Uint8Array.from(bytes))).toThrow(NestError);
    try {
      decodeClientMessage(Uint8Array.from(bytes));
    } catch (err) {
      expect((err as NestError).code).toBe('bad-frame');
    }
  });
});

describe('encoders', () => {
  it('produce what a stock client reads: step 1/2, update, awareness, permission denied', () => {
    const relayDoc = docWith('k', 'v');
    const client = new Y.Doc();
    // step 1 from the relay -> the client answers with step 2 (what the relay lacks)
    const reply = encoding.createEncoder();
    const d1 = decoding.createDecoder(encodeSyncStep1(relayDoc));
    expect(decoding.readVarUint(d1)).toBe(MESSAGE.SYNC);
    syncProtocol.readSyncMessage(d1, reply, client, null);
    // step 2 to the client carries the relay's state
    const d2 = decoding.createDecoder(encodeSyncStep2(relayDoc, Y.encodeStateVector(client)));
    decoding.readVarUint(d2);
    syncProtocol.readSyncMessage(d2, encoding.createEncoder(), client, null);
    expect(client.getMap('m').get('k')).toBe('v');
    const u = Y.encodeStateAsUpdate(docWith('z', '1'));
    const d3 = decoding.createDecoder(encodeUpdate(u));
    decoding.readVarUint(d3);
    syncProtocol.readSyncMessage(d3, encoding.createEncoder(), client, null);
    expect(client.getMap('m').get('z')).toBe('1');
    const d4 = decoding.createDecoder(encodePermissionDenied('read-only'));
    expect(decoding.readVarUint(d4)).toBe(MESSAGE.AUTH);
    expect(decoding.readVarUint(d4)).toBe(0);
    expect(decoding.readVarString(d4)).toBe('read-only');
    expect(Array.from(encodeAwareness(Uint8Array.of(7, 8)))).toEqual([1, 2, 7, 8]);
  });

  it('encodeSyncStep2 throws on a garbage state vector', () => {
    expect(() => encodeSyncStep2(new Y.Doc(), Uint8Array.of(5, 1))).toThrow();
  });
});

describe('updateAddsContent', () => {
  it('is true only for structs the doc lacks', () => {
    const a = docWith('x', '1');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(updateAddsContent(b, Y.encodeStateAsUpdate(a))).toBe(false);
    a.getMap('m').set('y', '2');
    expect(updateAddsContent(b, Y.encodeStateAsUpdate(a))).toBe(true);
    expect(updateAddsContent(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(a)))).toBe(false);
    expect(() => updateAddsContent(b, Uint8Array.of(1, 2, 3))).toThrow();
  });
});

describe('decodeRelayMessage', () => {
  it('reads every message the relay sends, the auth reason included', () => {
    const d = docWith('a', 'x');
    const sv = Y.encodeStateVector(d);
    expect(decodeRelayMessage(encodeSyncStep1(d))).toEqual({ kind: 'sync-step1', stateVector: sv });
    expect(decodeRelayMessage(encodeSyncStep2(d, new Uint8Array([0])))).toEqual({ kind: 'sync-step2', update: Y.encodeStateAsUpdate(d) });
    const u = Y.encodeStateAsUpdate(d);
    expect(decodeRelayMessage(encodeUpdate(u))).toEqual({ kind: 'sync-update', update: u });
    expect(decodeRelayMessage(encodeAwareness(Uint8Array.of(0)))).toEqual({ kind: 'awareness', update: Uint8Array.of(0) });
    expect(decodeRelayMessage(encodePermissionDenied('read-only'))).toEqual({ kind: 'permission-denied', reason: 'read-only' });
    expect(decodeRelayMessage(Uint8Array.of(MESSAGE.QUERY_AWARENESS))).toEqual({ kind: 'query-awareness' });
  });

  it.each([
    ['auth without a reason', [2, 0]],
    ['auth of an unknown sub-type', [2, 1, 0]],
    ['unknown type', [9]],
    ['empty', []],
  ])('refuses %s as bad-frame', (_name, bytes) => {
    expect(() => decodeRelayMessage(Uint8Array.from(bytes))).toThrow(expect.objectContaining({ code: 'bad-frame' }));
  });
});

describe('awareness entries', () => {
  it('round-trip, and a truncated or padded update is bad-frame', () => {
    const entries = [{ clientId: 5, clock: 2, state: '{"user":"é"}' }, { clientId: 2 ** 40, clock: 9, state: 'null' }];
    const bytes = encodeAwarenessEntries(entries);
    expect(readAwarenessEntries(bytes)).toEqual(entries);
    expect(() => readAwarenessEntries(bytes.slice(0, -1))).toThrow(expect.objectContaining({ code: 'bad-frame' }));
    expect(() => readAwarenessEntries(Uint8Array.from([...bytes, 0]))).toThrow(expect.objectContaining({ code: 'bad-frame' }));
  });
});
