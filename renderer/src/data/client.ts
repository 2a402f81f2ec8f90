/**
 * The renderer's connection to the data service: typed RPC calls (types derived from the
 * contract in shared/rpc), pushed events, and doc replicas kept in sync with y-protocols.
 * When the transport drops (browser mode: the host restarted), it reconnects with backoff and
 * re-syncs every open doc; edits made meanwhile stay in the replicas and merge on resync.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { FRAME, decodeFrame, encodeFrame, type DocStatus } from '../../../shared/protocol/frames';
import type { Transport } from '../../../shared/protocol/transport';
import type { RpcEventName, RpcEvents, RpcMethod, RpcParams, RpcResult } from '../../../shared/rpc/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { RpcError } from './rpc-error';
import { t } from '../../../shared/messages';

/**
 * Connection state shown in the UI. `disconnected`: the transport closed and cannot be reopened
 * from here (Electron: the data service's port closed; reloading the window asks for a new one).
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'disconnected';

/** A renderer replica of one doc. Release it when the view closes. */
export interface DocReplica {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** True once the first sync with the data service completed. */
  readonly synced: boolean;
  /** The last status the data service sent (read-only, refused, error, rejected). */
  readonly status: DocStatus | null;
  /**
   * True once the data service rejected a change made in this replica (status `rejected`): the
   * replica holds a change the service does not and is detached; its users open the doc again
   * for a fresh replica (useDocView does so on the change notification).
   */
  readonly retired: boolean;
  /** Resolves when first synced. */
  whenSynced(): Promise<void>;
  /** Subscribes to synced/status changes. */
  onChange(fn: () => void): () => void;
  /** Drops this user of the replica (the last one closes it). */
  release(): void;
}

interface ReplicaState {
  name: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  synced: boolean;
  status: DocStatus | null;
  users: number;
  listeners: Set<() => void>;
  waiters: (() => void)[];
  retired: boolean;
  /** Stops sending this replica's updates and presence (after a rejection). */
  detach: () => void;
  dispose: () => void;
}

const REMOTE = Symbol('remote');

/** The data-service client. */
export class DataClient {
  private transport: Transport | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly eventListeners = new Map<string, Set<(p: unknown) => void>>();
  private readonly replicas = new Map<string, ReplicaState>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private readonly rejectionListeners = new Set<(doc: string, status: DocStatus) => void>();
  private _state: ConnectionState = 'connecting';
  private _reconnects = 0;
  private readonly reconnect: (() => Promise<Transport>) | null;

  /** @param reconnect opens a fresh transport after a drop (browser mode); null when drops are final. */
  constructor(transport: Transport, reconnect: (() => Promise<Transport>) | null = null) {
    this.reconnect = reconnect;
    this.attach(transport);
  }

  /** The connection state. */
  get state(): ConnectionState {
    return this._state;
  }

  /** Subscribes to connection state changes. */
  onState(fn: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  private setState(s: ConnectionState): void {
    this._state = s;
    for (const l of this.stateListeners) l(s);
  }

  /** How many times the connection came back after a drop (a notice shows each one). */
  get reconnects(): number {
    return this._reconnects;
  }

  private attach(t: Transport): void {
    if (this._state === 'reconnecting') this._reconnects++;
    this.transport = t;
    t.onmessage = (bytes) => {
      if (this.transport === t) this.receive(bytes);
    };
    t.onclose = () => this.dropped(t);
    // Re-open every doc before telling listeners: live queries refetch on 'open' and must see the docs' new sessions.
    for (const r of this.replicas.values()) this.sendOpen(r);
    this.setState('open');
  }

  /**
   * Drops the current transport as if it had closed, then reconnects through `reconnect`. For a
   * shell that learns of a restart before (or instead of) the old transport closing — Electron's
   * `DATA_SERVICE_RESTARTED_MESSAGE`. Does nothing while already disconnected.
   */
  drop(): void {
    const t = this.transport;
    if (!t) return;
    this.dropped(t);
    t.close();
  }

  private dropped(from: Transport): void {
    if (from !== this.transport) return; // a transport already replaced or dropped
    this.transport = null;
    for (const [id, p] of this.pending) {
      p.reject(new RpcError({ code: 'internal', message: t('data.connection-lost'), messageId: 'data.connection-lost' }));
      this.pending.delete(id);
    }
    for (const r of this.replicas.values()) r.synced = false;
    if (!this.reconnect) {
      this.setState('disconnected');
      return;
    }
    this.setState('reconnecting');
    let delay = 250;
    const retry = (): void => {
      this.reconnect!()
        .then((t) => this.attach(t))
        .catch(() => {
          delay = Math.min(delay * 2, 5000);
          setTimeout(retry, delay);
        });
    };
    setTimeout(retry, delay);
  }

  private send(frame: Parameters<typeof encodeFrame>[0]): void {
    this.transport?.postMessage(encodeFrame(frame));
  }

  /**
   * Calls an RPC method.
   * @throws RpcError with the service's code, message and field issues.
   */
  call<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResult<M>> {
    if (!this.transport) return Promise.reject(new RpcError({ code: 'internal', message: t('data.not-connected'), messageId: 'data.not-connected' }));
    const id = this.nextId++;
    return new Promise<RpcResult<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ type: FRAME.RPC_REQUEST, id, method, params });
    });
  }

  /** Subscribes to a pushed event. */
  on<E extends RpcEventName>(name: E, fn: (payload: RpcEvents[E]) => void): () => void {
    let set = this.eventListeners.get(name);
    if (!set) this.eventListeners.set(name, (set = new Set()));
    set.add(fn as (p: unknown) => void);
    return () => set.delete(fn as (p: unknown) => void);
  }

  /** Hears each change the data service rejected (doc name and its `rejected` status, whose message says why). */
  onRejected(fn: (doc: string, status: DocStatus) => void): () => void {
    this.rejectionListeners.add(fn);
    return () => this.rejectionListeners.delete(fn);
  }

  /** Opens (or shares) the replica of doc `name`. */
  openDoc(name: string): DocReplica {
    let r = this.replicas.get(name);
    if (!r) r = this.createReplica(name);
    r.users++;
    const state = r;
    let released = false;
    return {
      name,
      doc: state.doc,
      awareness: state.awareness,
      get synced() {
        return state.synced;
      },
      get status() {
        return state.status;
      },
      get retired() {
        return state.retired;
      },
      whenSynced: () => (state.synced ? Promise.resolve() : new Promise<void>((res) => state.waiters.push(res))),
      onChange: (fn) => {
        state.listeners.add(fn);
        return () => state.listeners.delete(fn);
      },
      release: () => {
        if (released) return;
        released = true;
        state.users--;
        if (state.users === 0) this.closeReplica(state);
      },
    };
  }

  private createReplica(name: string): ReplicaState {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    const r: ReplicaState = { name, doc, awareness, synced: false, status: null, users: 0, listeners: new Set(), waiters: [], retired: false, detach: () => undefined, dispose: () => undefined };
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin === REMOTE) return;
      const enc = encoding.createEncoder();
      syncProtocol.writeUpdate(enc, update);
      this.send({ type: FRAME.DOC_SYNC, doc: name, payload: encoding.toUint8Array(enc) });
    };
    const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
      if (origin === REMOTE) return;
      const changed = [...added, ...updated, ...removed];
      this.send({ type: FRAME.DOC_AWARENESS, doc: name, payload: awarenessProtocol.encodeAwarenessUpdate(awareness, changed) });
    };
    doc.on('update', onUpdate);
    awareness.on('update', onAwareness);
    r.detach = () => {
      doc.off('update', onUpdate);
      if (awareness.getLocalState() !== null) awareness.setLocalState(null); // tells the others this presence left
      awareness.off('update', onAwareness);
    };
    r.dispose = () => {
      r.detach();
      awarenessProtocol.removeAwarenessStates(awareness, [doc.clientID], 'close');
      awareness.destroy();
      doc.destroy();
    };
    this.replicas.set(name, r);
    this.sendOpen(r);
    return r;
  }

  private sendOpen(r: ReplicaState): void {
    if (!this.transport) return;
    this.send({ type: FRAME.DOC_OPEN, doc: r.name });
    this.sendHandshake(r);
  }

  /** Sends sync step 1 and this window's presence for an opened doc. */
  private sendHandshake(r: ReplicaState): void {
    const enc = encoding.createEncoder();
    syncProtocol.writeSyncStep1(enc, r.doc);
    this.send({ type: FRAME.DOC_SYNC, doc: r.name, payload: encoding.toUint8Array(enc) });
    if (r.awareness.getLocalState() !== null) {
      this.send({ type: FRAME.DOC_AWARENESS, doc: r.name, payload: awarenessProtocol.encodeAwarenessUpdate(r.awareness, [r.doc.clientID]) });
    }
  }

  private closeReplica(r: ReplicaState): void {
    if (this.replicas.get(r.name) === r) this.replicas.delete(r.name);
    if (this.transport && r.awareness.getLocalState() !== null) {
      r.awareness.setLocalState(null);
    }
    // A retired replica's successor shares the service's channel: closing it would close theirs.
    if (!this.replicas.has(r.name)) this.send({ type: FRAME.DOC_CLOSE, doc: r.name });
    r.dispose();
  }

  /**
   * The service rejected a change made in `r` (status `rejected`): `r` holds what the service does
   * not, so it stops sending and leaves the map; the next {@link openDoc} of the name syncs a fresh
   * replica from the service's state. Its users are notified (useDocView reopens).
   */
  private retire(r: ReplicaState, status: DocStatus): void {
    this.replicas.delete(r.name);
    r.detach();
    r.retired = true;
    r.status = status;
    for (const w of r.waiters.splice(0)) w();
    this.notify(r);
    for (const l of this.rejectionListeners) l(r.name, status);
  }

  private notify(r: ReplicaState): void {
    for (const l of r.listeners) l();
  }

  private receive(bytes: Uint8Array): void {
    let f;
    try {
      f = decodeFrame(bytes);
    } catch {
      return; // the service never sends malformed frames; ignore rather than crash the UI
    }
    switch (f.type) {
      case FRAME.RPC_RESPONSE: {
        const p = this.pending.get(f.id);
        if (!p) return;
        this.pending.delete(f.id);
        if (f.ok) p.resolve(f.body);
        else p.reject(new RpcError(f.body as ErrorInfo));
        return;
      }
      case FRAME.EVENT:
        for (const l of this.eventListeners.get(f.name) ?? []) l(f.payload);
        return;
      case FRAME.DOC_SYNC: {
        const r = this.replicas.get(f.doc);
        if (!r) return;
        const dec = decoding.createDecoder(f.payload);
        const enc = encoding.createEncoder();
        const type = syncProtocol.readSyncMessage(dec, enc, r.doc, REMOTE);
        if (encoding.length(enc) > 0) this.send({ type: FRAME.DOC_SYNC, doc: f.doc, payload: encoding.toUint8Array(enc) });
        if (type === syncProtocol.messageYjsSyncStep2 && !r.synced) {
          r.synced = true;
          for (const w of r.waiters.splice(0)) w();
          this.notify(r);
        }
        return;
      }
      case FRAME.DOC_AWARENESS: {
        const r = this.replicas.get(f.doc);
        if (r) awarenessProtocol.applyAwarenessUpdate(r.awareness, f.payload, REMOTE);
        return;
      }
      case FRAME.DOC_STATUS: {
        const r = this.replicas.get(f.doc);
        if (!r) return;
        if (f.status.state === 'rejected') {
          this.retire(r, f.status);
          return;
        }
        const wasWaiting = r.status?.state === 'waiting';
        r.status = f.status;
        // The doc arrived and the service opened it: start the handshake it could not answer before.
        if (wasWaiting && f.status.state !== 'waiting') this.sendHandshake(r);
        this.notify(r);
        return;
      }
      default:
        return;
    }
  }
}
