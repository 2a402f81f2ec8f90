/**
 * Serves docs to renderer sessions with the y-protocols sync and awareness protocols, like a
 * y-websocket server does for its clients: a session opens a doc (the hub sends sync step 1 and
 * the current awareness), sync messages are answered, every update of a loaded doc is fanned
 * out to the other sessions on it, awareness states are relayed and removed when a session leaves.
 * Presence follows the relay's policy (shared/protocol/relay/presence.ts): a window sets only its
 * own awareness client ids, with the same limits.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { FRAME, encodeFrame, type DocStatus } from '../../shared/protocol/frames';
import { NestError } from '../../shared/errors';
import { maxPresenceUpdateBytes, ownPresenceUpdate, PRESENCE_LIMITS, type PresenceOwnership } from '../../shared/protocol/relay';
import { judgeErasure, summariseDeletions, type DeletionRefusal } from '../../shared/permissions';
import type { MemberRole } from '../../shared/domain/codes';
import { t } from '../../shared/messages';

/** Largest sync message a window may send for one doc (bytes): a whole case with a long history is ~15 MB. */
export const MAX_SYNC_BYTES = 32 * 1024 * 1024;
/** Largest presence update a window may send (bytes): what the presence policy's limits allow. */
export const MAX_AWARENESS_BYTES = maxPresenceUpdateBytes(PRESENCE_LIMITS);

/** What the hub needs from a session. */
export interface HubPeer {
  /** Sends a frame to the renderer. */
  send(frame: Uint8Array): void;
  /** The member id this peer writes as in the doc's workspace (transaction origin carries it). */
  readonly memberId: string;
}

/** Loads and releases docs for the hub (the workspace's DocHost). */
export interface DocSource {
  retain(name: string): Y.Doc;
  release(name: string): void;
}

interface Channel {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  peers: Map<HubPeer, { clients: Set<number>; readOnly: boolean }>;
  source: DocSource;
  dispose: () => void;
}

/** The origin of updates a peer sends: carries the member id for attribution. */
export interface PeerOrigin {
  kind: 'peer';
  peer: HubPeer;
  memberId: string;
}

/** Hears when a doc gets its first renderer peer and loses its last (the sync engine keeps such docs live with the relay). */
export interface ChannelListener {
  opened(name: string, doc: Y.Doc, awareness: awarenessProtocol.Awareness): void;
  closed(name: string): void;
}

/** Fans docs out to renderer peers. */
export class SyncHub {
  private readonly channels = new Map<string, Channel>();
  private readonly listeners = new Set<ChannelListener>();

  /** Adds a channel listener (told about channels already open); returns its remover. */
  listen(l: ChannelListener): () => void {
    this.listeners.add(l);
    for (const [name, ch] of this.channels) l.opened(name, ch.doc, ch.awareness);
    return () => this.listeners.delete(l);
  }

  /** Names of docs with at least one peer. */
  openDocs(): string[] {
    return [...this.channels.keys()];
  }

  /** Opens `name` for `peer` (idempotent) and starts the sync handshake. `readOnly` peers' updates are dropped. */
  open(peer: HubPeer, name: string, source: DocSource, readOnly: boolean): void {
    let ch = this.channels.get(name);
    if (!ch) ch = this.createChannel(name, source);
    if (ch.peers.has(peer)) return;
    ch.peers.set(peer, { clients: new Set(), readOnly });
    if (readOnly) this.status(peer, name, { state: 'read-only', message: 'You have read-only access to this document.' });
    const enc = encoding.createEncoder();
    syncProtocol.writeSyncStep1(enc, ch.doc);
    peer.send(encodeFrame({ type: FRAME.DOC_SYNC, doc: name, payload: encoding.toUint8Array(enc) }));
    const states = [...ch.awareness.getStates().keys()];
    if (states.length) peer.send(encodeFrame({ type: FRAME.DOC_AWARENESS, doc: name, payload: awarenessProtocol.encodeAwarenessUpdate(ch.awareness, states) }));
  }

  private createChannel(name: string, source: DocSource): Channel {
    const doc = source.retain(name);
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null); // the service itself has no presence
    const ch: Channel = { doc, awareness, peers: new Map(), source, dispose: () => undefined };
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      const enc = encoding.createEncoder();
      syncProtocol.writeUpdate(enc, update);
      const frame = encodeFrame({ type: FRAME.DOC_SYNC, doc: name, payload: encoding.toUint8Array(enc) });
      const from = isPeerOrigin(origin) ? origin.peer : null;
      for (const p of ch.peers.keys()) if (p !== from) p.send(frame);
    };
    const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
      const changed = [...added, ...updated, ...removed];
      const from = origin as HubPeer | null;
      const entry = from ? ch.peers.get(from) : undefined;
      if (entry) {
        for (const c of added) entry.clients.add(c);
        for (const c of removed) entry.clients.delete(c);
      }
      const frame = encodeFrame({ type: FRAME.DOC_AWARENESS, doc: name, payload: awarenessProtocol.encodeAwarenessUpdate(ch.awareness, changed) });
      for (const p of ch.peers.keys()) if (p !== from) p.send(frame);
    };
    doc.on('update', onUpdate);
    awareness.on('update', onAwareness);
    ch.dispose = () => {
      doc.off('update', onUpdate);
      awareness.off('update', onAwareness);
      awareness.destroy();
    };
    this.channels.set(name, ch);
    for (const l of this.listeners) l.opened(name, doc, awareness);
    return ch;
  }

  /**
   * Handles a DOC_SYNC payload from `peer`, a window writing as a member with `role`. An update
   * that would erase what the deletion rules protect (an append-only entry such as a custody
   * hand-over, or a whole record the member may not purge) is refused whole before it is applied:
   * nothing is stored, the window is sent a `rejected` status and reloads the doc (see
   * {@link deletionRefusal}).
   * @throws NestError('bad-frame') when the doc is not open for the peer or the message is malformed.
   */
  sync(peer: HubPeer, name: string, payload: Uint8Array, role: MemberRole): void {
    const ch = this.requireOpen(peer, name);
    const entry = ch.peers.get(peer)!;
    if (payload.byteLength > MAX_SYNC_BYTES) throw new NestError('too-large', { id: 'service.sync-msg.too-large', values: { bytes: payload.byteLength, name, max: MAX_SYNC_BYTES } });
    const dec = decoding.createDecoder(payload);
    let type: number;
    let body: Uint8Array;
    try {
      type = decoding.readVarUint(dec);
      body = decoding.readVarUint8Array(dec);
    } catch (err) {
      throw new NestError('bad-frame', { id: 'service.sync-msg.bad', values: { name, detail: err instanceof Error ? err.message : String(err) } });
    }
    if (type === syncProtocol.messageYjsSyncStep1) {
      const enc = encoding.createEncoder();
      syncProtocol.writeSyncStep2(enc, ch.doc, body);
      peer.send(encodeFrame({ type: FRAME.DOC_SYNC, doc: name, payload: encoding.toUint8Array(enc) }));
      return;
    }
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) throw new NestError('bad-frame', { id: 'service.sync-msg.unknown-type', values: { type, name } });
    if (entry.readOnly) {
      this.status(peer, name, { state: 'read-only', message: 'Your change was not saved: you have read-only access.' });
      return;
    }
    // Decode the whole update before applying it: a truncated or corrupt update must be refused
    // outright, never half-applied (Yjs can integrate part of an update before failing).
    try {
      Y.decodeUpdate(body);
    } catch (err) {
      throw new NestError('bad-frame', { id: 'service.sync-msg.corrupt', values: { name, detail: err instanceof Error ? err.message : String(err) } });
    }
    const refusal = deletionRefusal(ch.doc, body, role);
    if (refusal) {
      this.status(peer, name, { state: 'rejected', message: t(`service.sync-msg.rejected.${refusal}`), reason: refusal });
      return;
    }
    const origin: PeerOrigin = { kind: 'peer', peer, memberId: peer.memberId };
    try {
      Y.applyUpdate(ch.doc, body, origin);
    } catch (err) {
      throw new NestError('bad-frame', { id: 'service.sync-msg.not-applied', values: { name, detail: err instanceof Error ? err.message : String(err) } });
    }
  }

  /**
   * Handles a DOC_AWARENESS payload from `peer` under the presence policy: entries for client ids
   * another window or another machine owns are dropped; the rest is applied.
   * @throws NestError('bad-frame') when the doc is not open for the peer or the update is malformed;
   *   NestError('too-large') when the update is over {@link MAX_AWARENESS_BYTES}, a state is over the
   *   policy's limit, or the window would own more client ids than the policy allows (nothing is applied).
   */
  awareness(peer: HubPeer, name: string, payload: Uint8Array): void {
    const ch = this.requireOpen(peer, name);
    if (payload.byteLength > MAX_AWARENESS_BYTES) throw new NestError('too-large', { id: 'service.presence.too-large', values: { bytes: payload.byteLength, max: MAX_AWARENESS_BYTES } });
    let own: ReturnType<typeof ownPresenceUpdate>;
    try {
      own = ownPresenceUpdate(payload, ownership(ch, peer), PRESENCE_LIMITS);
    } catch (err) {
      throw new NestError('bad-frame', { id: 'service.presence.bad', values: { name, detail: err instanceof Error ? err.message : String(err) } });
    }
    if (own.tooLarge) throw new NestError('too-large', { id: 'service.presence.state-too-large', values: { max: PRESENCE_LIMITS.maxStateBytes } });
    // A window claiming more ids than the limit is broken or hostile: refuse the whole update
    // (the relay, serving stock clients, keeps the first ones instead).
    if (own.overLimit > 0) throw new NestError('too-large', { id: 'service.presence.too-many', values: { max: PRESENCE_LIMITS.maxClientsPerConn } });
    if (!own.update) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(ch.awareness, own.update, peer);
    } catch (err) {
      throw new NestError('bad-frame', { id: 'service.presence.bad', values: { name, detail: err instanceof Error ? err.message : String(err) } });
    }
  }

  /** Closes `name` for `peer`: removes its presence, releases the doc when no peer is left. */
  close(peer: HubPeer, name: string): void {
    const ch = this.channels.get(name);
    const entry = ch?.peers.get(peer);
    if (!ch || !entry) return;
    ch.peers.delete(peer);
    if (entry.clients.size) awarenessProtocol.removeAwarenessStates(ch.awareness, [...entry.clients], null);
    if (ch.peers.size === 0) {
      for (const l of this.listeners) l.closed(name);
      ch.dispose();
      this.channels.delete(name);
      ch.source.release(name);
    }
  }

  /** Closes every doc of `peer` (its transport closed). */
  closeAll(peer: HubPeer): void {
    for (const [name, ch] of [...this.channels]) if (ch.peers.has(peer)) this.close(peer, name);
  }

  /** Closes all channels of docs whose name starts with `prefix` (a workspace being closed). */
  closePrefix(prefix: string): void {
    for (const [name, ch] of [...this.channels]) {
      if (!name.startsWith(prefix)) continue;
      for (const p of [...ch.peers.keys()]) {
        this.status(p, name, { state: 'error', message: 'The workspace was closed.' });
        this.close(p, name);
      }
    }
  }

  /** Sends a doc status to a peer. */
  status(peer: HubPeer, name: string, status: DocStatus): void {
    peer.send(encodeFrame({ type: FRAME.DOC_STATUS, doc: name, status }));
  }

  private requireOpen(peer: HubPeer, name: string): Channel {
    const ch = this.channels.get(name);
    if (!ch || !ch.peers.has(peer)) throw new NestError('bad-frame', { id: 'service.doc.not-open', values: { name: name.slice(0, 120) } });
    return ch;
  }
}

/**
 * Who owns which awareness client id in `ch`, for `peer`: its own ids, and as foreign every id
 * another window owns or that has a state the peer does not own (another machine's presence,
 * applied by the relay link).
 */
function ownership(ch: Channel, peer: HubPeer): PresenceOwnership {
  const mine = ch.peers.get(peer)!.clients;
  return {
    mine,
    isForeign: (id) => {
      if (ch.awareness.getStates().has(id)) return true;
      for (const [p, e] of ch.peers) if (p !== peer && e.clients.has(id)) return true;
      return false;
    },
  };
}

/**
 * Why a window's `update` may not be applied to `doc` under the deletion rules
 * (shared/permissions/deletion-rules.ts `judgeErasure`), or null when it may. The mass-deletion
 * limit stays the relay's (it counts across a member's desktops and raises the admins' alert).
 * @throws Error when `update` is not a valid Yjs update (callers decode it first).
 */
export function deletionRefusal(doc: Y.Doc, update: Uint8Array, role: MemberRole): Exclude<DeletionRefusal, 'mass-deletion'> | null {
  return judgeErasure(role, summariseDeletions(doc, update));
}

function isPeerOrigin(o: unknown): o is PeerOrigin {
  return !!o && typeof o === 'object' && (o as { kind?: unknown }).kind === 'peer';
}
