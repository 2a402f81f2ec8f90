/**
 * shared/protocol/relay/presence.ts: the one presence policy of the relay and the data service.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { NestError } from '../../../../shared/errors';
import { encodeAwarenessEntries, readAwarenessEntries, type AwarenessEntry } from '../../../../shared/protocol/relay/messages';
import { filterPresence, maxPresenceUpdateBytes, ownPresenceUpdate, PRESENCE_LIMITS, stateFits, type PresenceOwnership } from '../../../../shared/protocol/relay/presence';

const entry = (clientId: number, state: string, clock = 1): AwarenessEntry => ({ clientId, clock, state });
const owner = (mine: number[], foreign: number[]): PresenceOwnership => ({ mine: new Set(mine), isForeign: (id) => foreign.includes(id) });

describe('filterPresence', () => {
  it('keeps own ids, drops foreign ones, never removes an unowned state', () => {
    const f = filterPresence([entry(1, '{"a":1}'), entry(2, '{"b":2}'), entry(3, 'null'), entry(4, '{"c":3}')], owner([1], [2]));
    expect(f.kept.map((x) => x.clientId)).toEqual([1, 4]);
    expect(f).toMatchObject({ foreign: 1, unclaimedRemovals: 1, overLimit: 0, tooLarge: false });
  });

  it('lets a connection remove its own state', () => {
    expect(filterPresence([entry(1, 'null')], owner([1], [])).kept).toEqual([entry(1, 'null')]);
  });

  it('claims new ids only up to maxClientsPerConn, counting those already owned', () => {
    const limits = { maxClientsPerConn: 3, maxStateBytes: 100 };
    const f = filterPresence([10, 11, 12, 13].map((id) => entry(id, '{}')), owner([1], []), limits);
    expect(f.kept.map((x) => x.clientId)).toEqual([10, 11]);
    expect(f.overLimit).toBe(2);
    // An id claimed earlier in the same update is the connection's for its later entries.
    const again = filterPresence([entry(10, '{}', 1), entry(10, '{"x":1}', 2)], owner([], []), { maxClientsPerConn: 1, maxStateBytes: 100 });
    expect(again.kept).toHaveLength(2);
    expect(again.overLimit).toBe(0);
  });

  it('flags a kept state over maxStateBytes (UTF-8 bytes), not a dropped one', () => {
    const limits = { maxClientsPerConn: 4, maxStateBytes: 10 };
    expect(filterPresence([entry(1, '"éééé"')], owner([1], []), limits).tooLarge).toBe(false); // 10 bytes
    expect(filterPresence([entry(1, '"ééééé"')], owner([1], []), limits).tooLarge).toBe(true); // 12 bytes
    expect(filterPresence([entry(2, '"a very long foreign state"')], owner([1], [2]), limits).tooLarge).toBe(false);
  });

  it('defaults to 16 client ids and 64 KiB per state (the relay and the service alike)', () => {
    expect(PRESENCE_LIMITS).toEqual({ maxClientsPerConn: 16, maxStateBytes: 65536 });
    const f = filterPresence(Array.from({ length: 20 }, (_, i) => entry(i, '{}')), owner([], []));
    expect(f.kept).toHaveLength(16);
    expect(f.overLimit).toBe(4);
  });
});

describe('ownPresenceUpdate', () => {
  it('returns the original bytes when nothing is dropped, re-encoded entries otherwise, null when nothing is left', () => {
    const doc = new Y.Doc();
    const aw = new Awareness(doc);
    aw.setLocalState({ user: 'u' });
    const update = encodeAwarenessUpdate(aw, [doc.clientID]);
    expect(ownPresenceUpdate(update, owner([doc.clientID], [])).update).toBe(update);
    expect(ownPresenceUpdate(update, owner([], [doc.clientID])).update).toBeNull();
    const two = encodeAwarenessEntries([entry(1, '{"a":1}'), entry(2, '{"b":2}', 7)]);
    const own = ownPresenceUpdate(two, owner([2], [1]));
    expect(readAwarenessEntries(own.update!)).toEqual([entry(2, '{"b":2}', 7)]);
    aw.destroy();
  });

  it('throws bad-frame for a malformed update', () => {
    expect(() => ownPresenceUpdate(Uint8Array.of(2, 1), owner([], []))).toThrow(NestError);
  });
});

describe('stateFits', () => {
  it('counts UTF-8 bytes like an encoder, including surrogate pairs and lone surrogates', () => {
    for (const s of ['', 'abc', 'é'.repeat(40), '😀'.repeat(30), '\ud800x'.repeat(20), '€'.repeat(50)]) {
      const n = new TextEncoder().encode(s).byteLength;
      expect(stateFits(s, n)).toBe(true);
      if (n > 0) expect(stateFits(s, n - 1)).toBe(false);
    }
  });

  it('maxPresenceUpdateBytes covers a full update at the limits', () => {
    const limits = { maxClientsPerConn: 3, maxStateBytes: 50 };
    const full = encodeAwarenessEntries([1, 2, 3].map((id) => entry(2 ** 32 + id, 'x'.repeat(50), 2 ** 40)));
    expect(full.byteLength).toBeLessThanOrEqual(maxPresenceUpdateBytes(limits));
  });
});
