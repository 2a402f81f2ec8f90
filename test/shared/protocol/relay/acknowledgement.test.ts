/**
 * shared/protocol/relay/acknowledgement.ts and the query-stored / stored messages: the relay's
 * stored snapshot covers a local doc only when it holds every struct and every deletion.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeClientMessage,
  decodeRelayMessage,
  decodeStoredSnapshot,
  encodeQueryStored,
  encodeStored,
  MESSAGE,
  missingFrom,
  storedCovers,
} from '../../../../shared/protocol/relay';
import { NestError } from '../../../../shared/errors';

function pair(): { local: Y.Doc; relay: Y.Doc } {
  const local = new Y.Doc();
  local.getMap('m').set('a', 1);
  local.getArray<number>('list').push([1, 2, 3, 4]);
  const relay = new Y.Doc();
  Y.applyUpdate(relay, Y.encodeStateAsUpdate(local));
  return { local, relay };
}

const storedOf = (relay: Y.Doc): Y.Snapshot => {
  const m = decodeRelayMessage(encodeStored(relay));
  if (m.kind !== 'stored') throw new Error(`decoded ${m.kind}`);
  return decodeStoredSnapshot(m.snapshot);
};

describe('query-stored and stored messages', () => {
  it('frame as types 16 and 17, each only in its direction', () => {
    expect([...encodeQueryStored()]).toEqual([MESSAGE.QUERY_STORED]);
    expect(decodeClientMessage(encodeQueryStored())).toEqual({ kind: 'query-stored' });
    const { relay } = pair();
    expect(encodeStored(relay)[0]).toBe(MESSAGE.STORED);
    expect(() => decodeRelayMessage(encodeQueryStored())).toThrow(NestError);
    expect(() => decodeClientMessage(encodeStored(relay))).toThrow(NestError);
    expect(() => decodeStoredSnapshot(Uint8Array.of(200, 1))).toThrow(NestError);
  });
});

describe('storedCovers', () => {
  it('is true for an identical copy and for a relay that holds more', () => {
    const { local, relay } = pair();
    expect(storedCovers(storedOf(relay), Y.snapshot(local))).toBe(true);
    relay.getMap('m').set('b', 2);
    expect(storedCovers(storedOf(relay), Y.snapshot(local))).toBe(true);
  });

  it('is false while the relay lacks a local insertion, true once the missing update is applied', () => {
    const { local, relay } = pair();
    local.getMap('m').set('seizure', 'ivory');
    const stored = storedOf(relay);
    expect(storedCovers(stored, Y.snapshot(local))).toBe(false);
    Y.applyUpdate(relay, missingFrom(local, stored));
    expect(relay.getMap('m').get('seizure')).toBe('ivory');
    expect(storedCovers(storedOf(relay), Y.snapshot(local))).toBe(true);
  });

  it('is false while the relay lacks a local deletion (which does not change the state vector)', () => {
    const { local, relay } = pair();
    local.getArray('list').delete(1, 2);
    expect(Y.encodeStateVector(local)).toEqual(Y.encodeStateVector(relay));
    const stored = storedOf(relay);
    expect(storedCovers(stored, Y.snapshot(local))).toBe(false);
    Y.applyUpdate(relay, missingFrom(local, stored));
    expect(relay.getArray('list').toArray()).toEqual([1, 4]);
    expect(storedCovers(storedOf(relay), Y.snapshot(local))).toBe(true);
  });

  it('accepts a deletion covered by several adjacent ranges on the relay', () => {
    const { local, relay } = pair();
    relay.getArray('list').delete(1, 1);
    relay.getArray('list').delete(1, 1);
    Y.applyUpdate(local, Y.encodeStateAsUpdate(relay));
    expect(storedCovers(storedOf(relay), Y.snapshot(local))).toBe(true);
  });
});
