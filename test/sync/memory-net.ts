/**
 * A deterministic network for the convergence property: the REAL relay hub (relay/hub/: rooms,
 * ticks, durable-before-visible fan-out, access decisions, compaction) on the REAL relay storage
 * (SqliteRelayStorage, i.e. the SqliteDocStore on a synchronous=FULL SQLite file), reached
 * through in-memory connections whose two directions are ordered queues the test drains when
 * and as far as it chooses. Only the socket is simulated; every byte is a real y-websocket
 * message (sync step 1 / step 2 / update, auth, awareness).
 *
 * The desktop end of a connection is {@link LinkModel}, a line-by-line model of
 * service/relay-sync/relay-doc-link.ts without its timers (the 20 ms acknowledgement probe
 * becomes {@link LinkModel.probeDue}, sent at the replica's next delivery) and without the
 * socket (RelayDocLink constructs a `ws` WebSocket itself). It uses the real RELAY_ORIGIN, so the
 * DocHost and projections treat relay updates exactly as in the app.
 *
 * The upgrade step of relay/server.ts (acquire the workspace room, decide, acquire the doc room,
 * decide again, attach) is repeated in {@link MemoryRelay.connect}; token verification is left
 * out (the claims are given), it is tested in test/relay/.
 */
import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { Logger } from '../../node/log';
import { parseDocName, workspaceDocName } from '../../shared/docs/names';
import type { InvitationClaims } from '../../shared/auth/tokens';
import { hubTuning } from '../../relay/config';
import { Hub } from '../../relay/hub/hub';
import { decodeRelayMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../shared/protocol/relay';
import { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { RELAY_ORIGIN } from '../../service/relay-sync/relay-doc-link';

/** One connection: two ordered queues of whole WebSocket messages. Closing drops what is in flight. */
export class Pipe {
  /** Desktop → relay, oldest first. */
  readonly up: Uint8Array[] = [];
  /** Relay → desktop, oldest first. */
  readonly down: Uint8Array[] = [];
  /** The relay's end (what the hub sees as its `ws` WebSocket). */
  readonly socket: FakeServerSocket;
  private isOpen = true;

  constructor() {
    this.socket = new FakeServerSocket(this);
  }

  /** True until either end closed it. */
  get open(): boolean {
    return this.isOpen;
  }

  /** The desktop sends a message (lost when the pipe is closed). */
  send(data: Uint8Array): void {
    if (this.isOpen) this.up.push(data);
  }

  /** Hands up to `n` queued desktop messages to the hub, in order; returns how many. */
  deliverUp(n: number): number {
    let k = 0;
    while (k < n && this.isOpen && this.up.length > 0) {
      const data = this.up.shift()!;
      this.socket.emit('message', Buffer.from(data), true);
      k++;
    }
    return k;
  }

  /** Takes the oldest relay message, or undefined. */
  takeDown(): Uint8Array | undefined {
    return this.isOpen ? this.down.shift() : undefined;
  }

  /** The desktop closes (or loses) the connection: in-flight messages are lost, the hub hears `close`. */
  close(): void {
    if (!this.isOpen) return;
    this.drop();
    this.socket.emit('close', 1006, Buffer.alloc(0));
  }

  /** Marks the pipe closed and drops its queues. */
  drop(): void {
    this.isOpen = false;
    this.up.length = 0;
    this.down.length = 0;
  }
}

/** The relay's end of a {@link Pipe}: the part of ws's WebSocket the hub uses. */
export class FakeServerSocket extends EventEmitter {
  /** Nothing is ever buffered: the pipe's queue is the buffer. */
  readonly bufferedAmount = 0;
  constructor(private readonly pipe: Pipe) {
    super();
  }
  /** Queues a relay message for the desktop. */
  send(data: Uint8Array): void {
    if (this.pipe.open) this.pipe.down.push(new Uint8Array(data));
  }
  /** The relay closes: the desktop's link drops; ws would then emit `close` on this side too. */
  close(code = 1000): void {
    if (!this.pipe.open) return;
    this.pipe.drop();
    queueMicrotask(() => this.emit('close', code, Buffer.alloc(0)));
  }
  /** Same as {@link close} here. */
  terminate(): void {
    this.close(1006);
  }
  /** Back-pressure is not simulated. */
  pause(): void {}
  /** Back-pressure is not simulated. */
  resume(): void {}
  /** Answers at once. */
  ping(): void {
    queueMicrotask(() => this.emit('pong'));
  }
}

/** Options of a {@link MemoryRelay}. */
export interface MemoryRelayOptions {
  /** The relay database file. */
  file: string;
  log: Logger;
  /** Compact a doc on the relay after this many stored updates (the CLI's default is 500). */
  compactThreshold: number;
}

/** The real relay hub and storage, reachable through {@link Pipe}s. */
export class MemoryRelay {
  private storageImpl: SqliteRelayStorage;
  private hubImpl: Hub;
  private readonly o: MemoryRelayOptions;

  constructor(o: MemoryRelayOptions) {
    this.o = o;
    this.storageImpl = SqliteRelayStorage.open(o.file);
    this.hubImpl = this.newHub();
  }

  private newHub(): Hub {
    const tuning = hubTuning({
      host: '127.0.0.1',
      port: 0,
      dataDir: '',
      maxMessageBytes: 16 * 1024 * 1024,
      idleUnloadMs: 3_600_000, // rooms unload only at a relay restart, a command of its own
      keyCheckMs: 3_600_000,
      pingIntervalMs: 3_600_000,
      compactThreshold: this.o.compactThreshold,
    });
    // maxTickMs: no time budget, so that how messages are grouped into ticks does not depend on the machine's speed.
    return new Hub(this.storageImpl, { ...tuning, maxTickMs: 1e9, now: Date.now }, this.o.log);
  }

  /** The relay's storage (for reading what it acknowledged). */
  get storage(): SqliteRelayStorage {
    return this.storageImpl;
  }

  /** The hub (its loaded rooms). */
  get hub(): Hub {
    return this.hubImpl;
  }

  /**
   * Opens a connection of the member `claims` to doc `name`, as relay/server.ts does after the
   * token verified: resolves with the pipe (the hub has already queued its sync step 1), or with
   * the refusal reason.
   */
  async connect(claims: InvitationClaims, name: string): Promise<Pipe | { refused: string }> {
    const ref = parseDocName(name);
    if (!ref) return { refused: 'bad-doc-name' };
    const hub = this.hubImpl;
    const wsRoom = await hub.rooms.acquire(workspaceDocName(ref.workspaceId));
    const first = hub.decide(wsRoom, ref, claims);
    if (!first.ok) {
      hub.rooms.release(wsRoom);
      return { refused: first.reason };
    }
    const room = await hub.rooms.acquire(name);
    const decision = hub.decide(wsRoom, ref, claims);
    if (!decision.ok) {
      hub.rooms.release(room);
      hub.rooms.release(wsRoom);
      return { refused: decision.reason };
    }
    const pipe = new Pipe();
    hub.attach(pipe.socket as unknown as WebSocket, { room, workspaceRoom: wsRoom, claims, kid: 'test-key', decision });
    return pipe;
  }

  /** Lets the hub finish its ticks: apply, append (settled promises) and deliver. */
  async settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Restarts the relay: closes every connection (1001), compacts and unloads rooms, reopens the database. */
  async restart(): Promise<void> {
    await this.hubImpl.shutdown();
    await this.storageImpl.close();
    this.storageImpl = SqliteRelayStorage.open(this.o.file);
    this.hubImpl = this.newHub();
  }

  /** Names of the docs the relay has stored whose name starts with `prefix`. */
  async docNames(prefix: string): Promise<string[]> {
    return (await this.storageImpl.changedSince(0, prefix)).heads.map((h) => h.docName).sort();
  }

  /** A fresh Y.Doc holding what the relay has stored of `name`. */
  async storedDoc(name: string): Promise<Y.Doc> {
    const stored = await this.storageImpl.read(name);
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
    });
    return doc;
  }

  /** Shuts the hub down and closes the storage. */
  async close(): Promise<void> {
    await this.hubImpl.shutdown();
    await this.storageImpl.close();
  }
}

/**
 * The desktop end of one doc's connection, modelled on RelayDocLink: step 1 on open, every local
 * (non-relay) update sent as it happens, relay messages applied with RELAY_ORIGIN and step 1
 * answered with step 2, a step 1 "probe" after local updates (RelayDocLink sends it 20 ms later;
 * here at the replica's next delivery), read-only after an auth "permission denied".
 */
export class LinkModel {
  /** The doc name. */
  readonly name: string;
  /** The desktop's doc (retained from its DocHost for as long as the link lives). */
  readonly doc: Y.Doc;
  /** The connection. */
  readonly pipe: Pipe;
  /** True once the relay said this member may only read. */
  readOnly = false;
  /** A step 1 is due (after local updates were sent, or after answering the relay's step 1). */
  probeDue = false;
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === RELAY_ORIGIN || this.readOnly) return;
    if (!this.pipe.open) return;
    this.pipe.send(encodeUpdate(update));
    this.probeDue = true;
  };

  constructor(name: string, doc: Y.Doc, pipe: Pipe) {
    this.name = name;
    this.doc = doc;
    this.pipe = pipe;
    doc.on('update', this.onUpdate);
    pipe.send(encodeSyncStep1(doc));
  }

  /** Handles one relay message, as RelayDocLink.receive does. */
  receive(bytes: Uint8Array): void {
    const m = decodeRelayMessage(bytes);
    if (m.kind === 'sync-step1') {
      this.pipe.send(encodeSyncStep2(this.doc, m.stateVector));
      if (!this.readOnly) this.probeDue = true;
    } else if (m.kind === 'sync-step2' || m.kind === 'sync-update') {
      Y.applyUpdate(this.doc, m.update, RELAY_ORIGIN);
    } else if (m.kind === 'permission-denied') {
      this.readOnly = true;
    } else if (m.kind !== 'awareness') {
      throw new Error(`${this.name}: unexpected ${m.kind} message from the relay`);
    }
  }

  /** Sends the due step 1 probe, if any. */
  flushProbe(): void {
    if (!this.probeDue || !this.pipe.open) return;
    this.probeDue = false;
    this.pipe.send(encodeSyncStep1(this.doc));
  }

  /** Stops listening to the doc and closes the connection. */
  stop(): void {
    this.doc.off('update', this.onUpdate);
    this.pipe.close();
  }
}
