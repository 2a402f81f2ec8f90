/**
 * service/renderer-sync/sync-hub.ts: presence under the relay's presence policy
 * (shared/protocol/relay/presence.ts). Real SyncHub, real Y.Docs and y-protocols Awareness
 * instances as the windows' replicas; frames go through the real frame codec.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { NestError } from '../../../shared/errors';
import { decodeFrame, FRAME } from '../../../shared/protocol/frames';
import { PRESENCE_LIMITS } from '../../../shared/protocol/relay';
import { SyncHub, type DocSource, type HubPeer } from '../../../service/renderer-sync/sync-hub';

const NAME = '00000000-0000-4000-8000-000000000001/case/00000000-0000-4000-8000-000000000002';

/** A window: a replica doc and awareness fed by the frames the hub sends it. */
class Window implements HubPeer {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  constructor(readonly memberId: string) {}
  send(bytes: Uint8Array): void {
    const f = decodeFrame(bytes);
    if (f.type === FRAME.DOC_AWARENESS) applyAwarenessUpdate(this.awareness, f.payload, 'hub');
  }
  /** The awareness update this window sends for its own state. */
  own(): Uint8Array {
    return encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
  }
}

function source(): DocSource {
  const doc = new Y.Doc();
  return { retain: () => doc, release: () => undefined };
}

/** An awareness update claiming `states` for arbitrary client ids (clock `clock`), as a hostile window would craft it. */
function forged(states: Map<number, Record<string, unknown> | null>, clock: number): Uint8Array {
  const aw = new Awareness(new Y.Doc());
  for (const id of states.keys()) aw.meta.set(id, { clock, lastUpdated: Date.now() });
  const update = encodeAwarenessUpdate(aw, [...states.keys()], states as Map<number, Record<string, unknown>>);
  aw.destroy();
  return update;
}

/** The names in the presence states a window received (its own local state left out). */
function names(aw: Awareness): string[] {
  return [...aw.getStates()].filter(([id]) => id !== aw.clientID).map(([, s]) => (s as { user?: { name?: string } }).user?.name ?? '?').sort();
}

describe('SyncHub presence', () => {
  it("ignores a window setting or removing another window's presence, and keeps its own", () => {
    const hub = new SyncHub();
    const src = source();
    const ana = new Window('m-ana');
    const bo = new Window('m-bo');
    const watcher = new Window('m-cy');
    for (const w of [ana, bo, watcher]) hub.open(w, NAME, src, false);
    ana.awareness.setLocalStateField('user', { name: 'Ana' });
    hub.awareness(ana, NAME, ana.own());
    expect(names(watcher.awareness)).toEqual(['Ana']);

    // Bo replaces Ana's state (newer clock) and, in a second update, removes it: both ignored.
    const anaId = ana.doc.clientID;
    hub.awareness(bo, NAME, forged(new Map([[anaId, { user: { name: 'Ana (forged by Bo)' } }]]), 99));
    hub.awareness(bo, NAME, forged(new Map([[anaId, null]]), 100));
    expect(names(watcher.awareness)).toEqual(['Ana']);

    // In one update with his own state, only his own entry is applied.
    bo.awareness.setLocalStateField('user', { name: 'Bo' });
    const mixed = forged(new Map<number, Record<string, unknown> | null>([[anaId, { user: { name: 'Ana (forged)' } }], [bo.doc.clientID, { user: { name: 'Bo' } }]]), 101);
    hub.awareness(bo, NAME, mixed);
    expect(names(watcher.awareness)).toEqual(['Ana', 'Bo']);

    // Ana can still change her own state; when she leaves, her state goes.
    ana.awareness.setLocalStateField('user', { name: 'Ana 2' });
    hub.awareness(ana, NAME, ana.own());
    expect(names(watcher.awareness)).toEqual(['Ana 2', 'Bo']);
    hub.close(ana, NAME);
    expect(names(watcher.awareness)).toEqual(['Bo']);
  });

  it("ignores a window setting the presence of another machine (applied by the relay link)", () => {
    const hub = new SyncHub();
    let channel: Awareness | null = null;
    hub.listen({ opened: (_n, _d, aw) => (channel = aw), closed: () => undefined });
    const bo = new Window('m-bo');
    const watcher = new Window('m-cy');
    hub.open(bo, NAME, source(), false);
    hub.open(watcher, NAME, source(), false);
    applyAwarenessUpdate(channel!, forged(new Map([[777, { user: { name: 'Remote Dee' } }]]), 1), Symbol('relay'));
    expect(names(watcher.awareness)).toEqual(['Remote Dee']);
    hub.awareness(bo, NAME, forged(new Map([[777, { user: { name: 'Dee (forged)' } }]]), 50));
    expect(names(watcher.awareness)).toEqual(['Remote Dee']);
  });

  it('applies the same limits as the relay: client ids per window and bytes per state', () => {
    const hub = new SyncHub();
    const bo = new Window('m-bo');
    const watcher = new Window('m-cy');
    hub.open(bo, NAME, source(), false);
    hub.open(watcher, NAME, source(), false);
    const n = PRESENCE_LIMITS.maxClientsPerConn;
    const many = new Map<number, Record<string, unknown>>(Array.from({ length: n + 1 }, (_, i) => [5000 + i, { user: { name: `tab ${i}` } }]));
    expect(() => hub.awareness(bo, NAME, forged(many, 1))).toThrow(new NestError('too-large', { id: 'service.presence.too-many', values: { max: n } }));
    expect(() => hub.awareness(bo, NAME, forged(many, 3))).toThrow(`a window may show at most ${n} presences`);
    expect(names(watcher.awareness)).toEqual([]);
    many.delete(5000 + n);
    hub.awareness(bo, NAME, forged(many, 1));
    expect(names(watcher.awareness)).toHaveLength(n);
    const big = { user: { name: 'x'.repeat(PRESENCE_LIMITS.maxStateBytes) } };
    expect(() => hub.awareness(bo, NAME, forged(new Map([[5000, big]]), 2))).toThrow(/at most 65536 bytes/);
    expect(names(watcher.awareness)).toContain('tab 0');
  });
});
