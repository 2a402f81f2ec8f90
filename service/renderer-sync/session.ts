/**
 * One renderer connection to the data service, over any {@link Transport}. Decodes frames,
 * routes doc frames to the sync hub and RPC requests to the handlers, and sends responses and
 * events. A malformed frame is answered (RPC) or reported (doc) and never closes the service;
 * it only ever affects this connection.
 */
import type { Logger } from '../../node/log';
import { FRAME, decodeFrame, encodeFrame, type Frame } from '../../shared/protocol/frames';
import type { Transport } from '../../shared/protocol/transport';
import { NestError, toErrorInfo } from '../../shared/errors';
import type { RpcEventName, RpcEvents } from '../../shared/rpc/contract';
import type { HubPeer } from './sync-hub';
import { t } from '../../shared/messages';

/** What a session needs from the data service. */
export interface SessionHost {
  readonly logger: Logger;
  /** Runs an RPC call (validates params; throws NestError). */
  call(method: string, params: unknown, session: Session | null): Promise<unknown>;
  /**
   * Opens a doc for the session (checks the name and access). Returns the access granted, or
   * `waiting` when the doc is not on this computer yet: the host then calls
   * {@link Session.docArrived} when it arrives.
   * @throws NestError (bad name, unknown workspace, forbidden).
   */
  openDoc(session: Session, name: string): 'write' | 'read' | 'waiting';
  /** Routes a doc frame (sync / awareness / close). */
  docFrame(session: Session, frame: Extract<Frame, { doc: string }>): void;
  /** Forgets a closed session. */
  detach(session: Session): void;
}

let nextSessionId = 1;

/** How many refused doc names a session remembers (each a window's open case or list). */
const MAX_REFUSED = 256;

/** Adds `doc` to a bounded set of names, forgetting the oldest past {@link MAX_REFUSED}. */
function remember(set: Set<string>, doc: string): void {
  set.delete(doc);
  set.add(doc);
  if (set.size > MAX_REFUSED) set.delete(set.values().next().value as string);
}

/** One connected renderer. */
export class Session {
  /** A small number naming the session in logs. */
  readonly id = nextSessionId++;
  private readonly transport: Transport;
  private readonly host: SessionHost;
  private closed = false;
  /** Per-workspace hub peers, so attribution is right when a window uses several workspaces. */
  private readonly peers = new Map<string, HubPeer>();
  /**
   * Docs this session was refused (no access). The client keeps sending sync and presence frames
   * for them until it closes the doc; answering those with "not open" would replace the refusal
   * with an error status, so they are dropped instead. Bounded so a window cannot grow it forever.
   */
  private readonly refused = new Set<string>();
  /**
   * Docs this session opened before they existed here (a case created on another desktop that the
   * relay has not delivered yet). Their frames are dropped like a refused doc's until the doc
   * arrives and is opened ({@link docArrived}). Bounded like {@link refused}.
   */
  private readonly waiting = new Set<string>();

  /**
   * True for Electron main's own connection (it calls trusted-only methods such as
   * `files.addFromPath` with the path its native dialog returned); false for every window.
   */
  readonly trusted: boolean;

  constructor(transport: Transport, host: SessionHost, opts: { trusted?: boolean } = {}) {
    this.transport = transport;
    this.host = host;
    this.trusted = opts.trusted === true;
    transport.onmessage = (bytes) => this.receive(bytes);
    transport.onclose = () => this.close();
  }

  /** The hub peer of this session in a workspace, writing as `memberId`. */
  peerFor(workspaceId: string, memberId: string): HubPeer {
    let p = this.peers.get(workspaceId);
    if (!p || p.memberId !== memberId) {
      p = { memberId, send: (f) => this.send(f) };
      this.peers.set(workspaceId, p);
    }
    return p;
  }

  /** All hub peers of this session. */
  allPeers(): HubPeer[] {
    return [...this.peers.values()];
  }

  /** Sends raw frame bytes (dropped after close). */
  send(frame: Uint8Array): void {
    if (!this.closed) this.transport.postMessage(frame);
  }

  /** Pushes an event. */
  emit<E extends RpcEventName>(name: E, payload: RpcEvents[E]): void {
    this.send(encodeFrame({ type: FRAME.EVENT, name, payload }));
  }

  private receive(bytes: Uint8Array): void {
    let frame: Frame;
    try {
      frame = decodeFrame(bytes);
    } catch (err) {
      const info = toErrorInfo(err);
      this.host.logger.warn({ session: this.id, code: info.code, bytes: bytes.byteLength }, 'bad frame from renderer');
      this.send(encodeFrame({ type: FRAME.EVENT, name: 'protocol.error', payload: info }));
      return;
    }
    switch (frame.type) {
      case FRAME.RPC_REQUEST:
        void this.handleRpc(frame.id, frame.method, frame.params);
        return;
      case FRAME.DOC_OPEN:
        this.open(frame.doc);
        return;
      case FRAME.DOC_SYNC:
      case FRAME.DOC_AWARENESS:
      case FRAME.DOC_CLOSE:
        if (this.refused.has(frame.doc) || this.waiting.has(frame.doc)) {
          // The refusal (or the wait) stands until the window closes the doc; its frames are not errors.
          if (frame.type === FRAME.DOC_CLOSE) {
            this.refused.delete(frame.doc);
            this.waiting.delete(frame.doc);
          }
          return;
        }
        try {
          this.host.docFrame(this, frame);
        } catch (err) {
          const info = toErrorInfo(err);
          this.host.logger.warn({ session: this.id, code: info.code }, 'doc frame refused');
          this.send(encodeFrame({ type: FRAME.DOC_STATUS, doc: frame.doc, status: { state: 'error', message: info.message } }));
        }
        return;
      default:
        this.send(encodeFrame({ type: FRAME.EVENT, name: 'protocol.error', payload: new NestError('bad-frame', { id: 'service.frame.not-from-renderer', values: { type: frame.type } }).toInfo() }));
    }
  }

  /** Opens `doc` for this window and tells it the outcome as a doc status (never throws). */
  private open(doc: string): void {
    try {
      const access = this.host.openDoc(this, doc);
      this.refused.delete(doc);
      if (access === 'waiting') {
        remember(this.waiting, doc);
        this.send(encodeFrame({ type: FRAME.DOC_STATUS, doc, status: { state: 'waiting', message: t('service.doc.waiting') } }));
        return;
      }
      // A read-only open was announced by the hub; a writable one after a wait is announced here.
      if (this.waiting.delete(doc) && access === 'write') this.send(encodeFrame({ type: FRAME.DOC_STATUS, doc, status: { state: 'open' } }));
    } catch (err) {
      const info = toErrorInfo(err);
      this.waiting.delete(doc);
      if (info.code === 'forbidden') remember(this.refused, doc);
      this.send(encodeFrame({ type: FRAME.DOC_STATUS, doc, status: { state: info.code === 'forbidden' ? 'refused' : 'error', message: info.message } }));
    }
  }

  /**
   * A doc this session waits for now exists on this computer: opens it (the window resends its
   * sync step 1 when it hears the new status). Does nothing when the window stopped waiting.
   */
  docArrived(doc: string): void {
    if (!this.closed && this.waiting.has(doc)) this.open(doc);
  }

  /** The docs this session waits for (see {@link waiting}). */
  waitingFor(): string[] {
    return [...this.waiting];
  }

  private async handleRpc(id: number, method: string, params: unknown): Promise<void> {
    try {
      const result = await this.host.call(method, params, this);
      this.send(encodeFrame({ type: FRAME.RPC_RESPONSE, id, ok: true, body: result }));
    } catch (err) {
      const info = toErrorInfo(err);
      if (info.code === 'internal') this.host.logger.error({ session: this.id, method, err: err instanceof Error ? err.stack : String(err) }, 'rpc failed');
      this.send(encodeFrame({ type: FRAME.RPC_RESPONSE, id, ok: false, body: info }));
    }
  }

  /** Closes the session and its transport. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.host.detach(this);
    this.transport.close();
  }
}
