/**
 * One doc's link to the relay: a WebSocket to `<relay>/<doc name>` speaking the y-websocket
 * protocol (y-protocols sync + awareness + auth, y-websocket framing), with the member token in
 * the `Authorization` header of the upgrade — never in the URL.
 *
 * Acknowledgement by state (docs/relay.md, "Acknowledgement"): after local updates, and after
 * receiving the relay's state, the link sends `query-stored`; the relay answers, once stored,
 * with a snapshot (state vector + delete set) of its stored doc. The doc is `synced` only when
 * that snapshot covers every local update (ack-tracker.ts); what the relay lacks is re-sent.
 *
 * Resync on a timer and on suspicion: while open, every `resyncMs` the link re-sends its sync
 * step 1 (repairing a lost or reordered update from the relay) and then queries the stored state
 * (repairing one of ours); also at once when an update from the relay leaves a gap (missing
 * dependencies). A link that hears nothing from the relay for `stallMs` reconnects.
 *
 * Reconnects with exponential backoff (250 ms doubling to 30 s, with jitter). A refused upgrade
 * (401/403) or a close that refuses access (4401/4403, see shared/protocol/relay/close-codes.ts)
 * stops retrying and reports `refused`. So does a close with 4409 (the relay's deletion rules
 * refused an update): reconnecting would only re-send the refused update, so the link stays
 * closed, the local doc keeps everything, and `onUpdateRefused` tells the engine the reason. Every message is framed and read by the relay protocol
 * module (shared/protocol/relay/), the same one the relay uses.
 */
import * as Y from 'yjs';
import type * as awarenessProtocol from 'y-protocols/awareness';
import WebSocket from 'ws';
import type { Logger } from '../../node/log';
import {
  authorizationHeader,
  CLOSE,
  closeRefusesAccess,
  decodeRelayMessage,
  decodeStoredSnapshot,
  encodeQueryStored,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type BadMessageReason,
} from '../../shared/protocol/relay';
import { AckTracker } from './ack-tracker';
import { LinkPresence } from './link-presence';
import type { DocSyncState } from './sync-status';

/** Transaction origin of updates received from the relay (never sent back). */
export const RELAY_ORIGIN = Symbol('nest-relay');

/** The reason this client closes with when the relay sends something it cannot read. */
const BAD_FRAME: BadMessageReason = 'bad-frame';

/** Options of a {@link RelayDocLink}. */
export interface RelayDocLinkOptions {
  /** `<ws base>` of the relay (see relay-url.ts). */
  wsBase: string;
  name: string;
  doc: Y.Doc;
  /** Returns the current member token (read at each connect, so a renewed token is used). */
  token: () => string;
  /** Presence to exchange while a window has the doc open; absent for background syncs. */
  awareness?: awarenessProtocol.Awareness;
  logger: Logger;
  /** Called on every state change. */
  onState: (state: DocSyncState, detail?: string) => void;
  /** Called each time the relay's stored state is proven to cover every local update (sync health). */
  onAcked?: () => void;
  /**
   * Called once when the relay closes with 4409 (an update refused by its deletion rules), with
   * the reason code (`append-only`, `record-removal-denied`, `mass-deletion`), before the state
   * turns `refused`. The link does not reconnect on its own after it.
   */
  onUpdateRefused?: (reason: string) => void;
  /** Largest message accepted from the relay (bytes). */
  maxPayload?: number;
  /** ms between re-exchanges of state while open (default {@link DEFAULT_RESYNC_MS}). */
  resyncMs?: number;
  /** ms without any message from the relay after which the link reconnects (default 4 × resyncMs, at least 10 s). */
  stallMs?: number;
}

/** Default period of the state re-exchange: a lost frame is repaired within about two of them. */
export const DEFAULT_RESYNC_MS = 2_000;

/** A live or transient link of one doc. */
export class RelayDocLink {
  private readonly o: RelayDocLinkOptions;
  private ws: WebSocket | null = null;
  private stopped = false;
  private retryMs = 250;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private queryTimer: ReturnType<typeof setTimeout> | null = null;
  private resyncTimer: ReturnType<typeof setInterval> | null = null;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private _state: DocSyncState = 'offline';
  private receivedStep2 = false;
  /** Query the stored state when the next step 2 arrives (after connect and each resync). */
  private queryOnStep2 = true;
  private lastHeardAt = 0;
  private readonly ack = new AckTracker();
  private readonly resyncMs: number;
  private readonly stallMs: number;
  private readOnly = false;
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === RELAY_ORIGIN) return;
    if (this.readOnly) return;
    this.ack.noteLocalUpdate();
    if (this.isOpen()) {
      this.send(encodeUpdate(update));
      this.scheduleQuery();
    }
    if (this._state === 'synced') this.setState('syncing');
  };
  private readonly presence: LinkPresence;

  constructor(o: RelayDocLinkOptions) {
    this.o = o;
    this.resyncMs = o.resyncMs ?? DEFAULT_RESYNC_MS;
    this.stallMs = o.stallMs ?? Math.max(4 * this.resyncMs, 10_000);
    o.doc.on('update', this.onDocUpdate);
    this.presence = new LinkPresence({ awareness: o.awareness, send: (b) => this.send(b), isOpen: () => this.isOpen(), origin: RELAY_ORIGIN });
    this.connect();
  }

  /** The current state. */
  get state(): DocSyncState {
    return this._state;
  }

  /**
   * Resolves once the doc is synced with the relay and every local update is acknowledged;
   * rejects when the link is refused or stopped first, or after `timeoutMs`.
   */
  whenSynced(timeoutMs = 30_000): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`${this.o.name}: not synced within ${timeoutMs} ms (${this._state})`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ resolve: done, reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  }

  private isSettled(): boolean {
    return (this._state === 'synced' && this.ack.acked) || this._state === 'read-only';
  }

  private isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  private setState(s: DocSyncState, detail?: string): void {
    if (s === this._state && !detail) return;
    this._state = s;
    this.o.onState(s, detail);
    if (this.isSettled()) for (const w of this.waiters.splice(0)) w.resolve();
    else if (s === 'refused' || s === 'error') for (const w of this.waiters.splice(0)) w.reject(new Error(`${this.o.name}: ${s}${detail ? `: ${detail}` : ''}`));
  }

  private connect(): void {
    if (this.stopped) return;
    this.receivedStep2 = false;
    this.queryOnStep2 = true;
    this.ack.reset();
    const ws = new WebSocket(`${this.o.wsBase}/${this.o.name}`, {
      headers: { authorization: authorizationHeader(this.o.token()) },
      maxPayload: this.o.maxPayload ?? 64 * 1024 * 1024,
      handshakeTimeout: 15_000,
    });
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    this.setState('syncing');
    ws.on('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body = (body + d).slice(0, 200)));
      res.on('end', () => {
        ws.terminate();
        // The relay answers with a one-word reason (e.g. member-removed, unknown-workspace).
        const reason = /^[a-z-]{3,40}$/.test(body.trim()) ? body.trim() : '';
        if (status === 401 || status === 403) this.refuse(reason || (status === 401 ? 'the relay refused the token (missing, expired, or for another workspace)' : 'the relay refused access to this document'));
        else this.dropped(`HTTP ${status}`);
      });
    });
    ws.on('open', () => {
      this.retryMs = 250;
      this.lastHeardAt = Date.now();
      this.send(encodeSyncStep1(this.o.doc));
      this.presence.sendLocal();
      this.startResync(ws);
    });
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    ws.on('close', (code: number, reason: Buffer) => {
      if (this.ws !== ws) return;
      if (code === CLOSE.REFUSED) {
        const why = reason.toString() || 'deletion-refused';
        this.o.onUpdateRefused?.(why);
        this.refuse(`refused by the relay: ${why}`);
      } else if (closeRefusesAccess(code)) this.refuse(reason.toString() || (code === CLOSE.UNAUTHORIZED ? 'token expired or key removed' : 'access removed'));
      else this.dropped(`closed ${code}`);
    });
    ws.on('error', (err) => {
      this.o.logger.debug({ doc: this.o.name, err: err.message }, 'relay socket error');
    });
  }

  private receive(bytes: Uint8Array): void {
    this.lastHeardAt = Date.now();
    try {
      const m = decodeRelayMessage(bytes);
      switch (m.kind) {
        case 'sync-step1':
          this.send(encodeSyncStep2(this.o.doc, m.stateVector));
          // Our answer (step 2) carried local state the relay lacked: prove it stored it.
          this.scheduleQuery();
          return;
        case 'sync-step2':
          this.applyRemote(m.update);
          this.receivedStep2 = true;
          if (this.readOnly) this.setState('read-only');
          else if (this.queryOnStep2 || !this.ack.acked) this.query();
          else this.setState('synced');
          this.queryOnStep2 = false;
          return;
        case 'stored':
          this.onStored(m.snapshot);
          return;
        case 'sync-update':
          this.applyRemote(m.update);
          return;
        case 'awareness':
          this.presence.applyRemote(m.update);
          return;
        case 'permission-denied':
          this.readOnly = true;
          this.o.logger.info({ doc: this.o.name, reason: m.reason }, 'relay: read-only');
          if (this.receivedStep2) this.setState('read-only');
          return;
        case 'query-awareness':
          this.presence.sendLocal();
          return;
      }
    } catch (err) {
      this.o.logger.warn({ doc: this.o.name, err: err instanceof Error ? err.message : String(err) }, 'bad message from relay');
      this.ws?.close(CLOSE.BAD_MESSAGE, BAD_FRAME);
    }
  }

  /**
   * Applies an update from the relay. An error thrown by a doc observer (not by the update) is
   * logged and the link carries on, as y-protocols' readSyncMessage did.
   */
  private applyRemote(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.o.doc, update, RELAY_ORIGIN);
    } catch (err) {
      this.o.logger.error({ doc: this.o.name, err: err instanceof Error ? err.message : String(err) }, 'applying an update from the relay failed');
    }
    // A gap: an update from the relay arrived without one it depends on (lost or reordered).
    const store = this.o.doc.store;
    if ((store.pendingStructs || store.pendingDs) && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        this.resync();
      }, 50);
    }
  }

  /** Judges the relay's stored state: synced when it covers every local update, else re-send. */
  private onStored(payload: Uint8Array): void {
    if (this.readOnly) return;
    const verdict = this.ack.onStored(this.o.doc, decodeStoredSnapshot(payload));
    if (verdict.resend) {
      this.o.logger.debug({ doc: this.o.name }, 'relay lacks local updates: re-sending');
      this.send(encodeUpdate(verdict.resend));
    }
    if (verdict.acked) {
      this.o.onAcked?.();
      if (this.receivedStep2) this.setState('synced');
    } else if (this.ack.inFlight === 0) this.scheduleQuery();
  }

  /** Re-exchanges state: our step 1 now, and a stored-state query once its step 2 arrives. */
  private resync(): void {
    if (!this.isOpen()) return;
    this.send(encodeSyncStep1(this.o.doc));
    this.queryOnStep2 = true;
  }

  /** The periodic resync of an open socket, and the stall guard. */
  private startResync(ws: WebSocket): void {
    this.stopResync();
    this.resyncTimer = setInterval(() => {
      if (this.ws !== ws || !this.isOpen()) return;
      if (Date.now() - this.lastHeardAt > this.stallMs) {
        this.o.logger.info({ doc: this.o.name, ms: this.stallMs }, 'relay silent: reconnecting');
        this.dropped('stalled');
        return;
      }
      this.resync();
    }, this.resyncMs);
    this.resyncTimer.unref?.();
  }

  private stopResync(): void {
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    this.resyncTimer = null;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }

  /** Queries the relay's stored state shortly after local updates (batching a burst of them). */
  private scheduleQuery(): void {
    if (this.queryTimer || !this.isOpen() || this.readOnly) return;
    this.queryTimer = setTimeout(() => {
      this.queryTimer = null;
      this.query();
    }, 20);
  }

  /** Sends `query-stored` now; the answer is judged by {@link onStored}. */
  private query(): void {
    if (!this.isOpen() || this.readOnly) return;
    this.send(encodeQueryStored());
    this.ack.noteQuery(this.o.doc, Date.now());
  }

  private send(bytes: Uint8Array): void {
    if (this.isOpen()) this.ws!.send(bytes);
  }

  private refuse(detail: string): void {
    this.o.logger.warn({ doc: this.o.name, detail }, 'relay refused');
    this.closeSocket();
    this.presence.forgetRemote();
    this.setState('refused', detail);
  }

  private dropped(detail: string): void {
    this.closeSocket();
    this.presence.forgetRemote();
    if (this.stopped) return;
    this.setState('offline', detail);
    const delay = Math.min(this.retryMs, 30_000) * (0.75 + Math.random() / 2);
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
    this.retryTimer.unref?.();
  }

  /**
   * "Sync now": re-exchanges state at once when open (its acknowledgement follows through
   * {@link RelayDocLinkOptions.onAcked}), or reconnects now when not.
   */
  resyncNow(): void {
    if (this.isOpen()) this.resync();
    else this.reconnectNow();
  }

  /** Retries now (e.g. the relay came back, or the token was renewed). */
  reconnectNow(): void {
    if (this.stopped || this.isOpen()) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryMs = 250;
    this.closeSocket();
    this.connect();
  }

  private closeSocket(): void {
    if (this.queryTimer) clearTimeout(this.queryTimer);
    this.queryTimer = null;
    this.stopResync();
    this.ack.reset();
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState !== WebSocket.CLOSED) ws.terminate();
  }

  /** Stops for good: closes the socket and stops listening to the doc. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.o.doc.off('update', this.onDocUpdate);
    this.presence.stop();
    this.closeSocket();
    this.presence.forgetRemote();
    for (const w of this.waiters.splice(0)) w.reject(new Error(`${this.o.name}: link stopped`));
  }
}
