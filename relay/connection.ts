/**
 * One client's WebSocket to one doc: who it is, what it may do, and its inbound queue. The hub
 * drains the queues fairly (relay/hub/scheduler.ts); a connection whose queue passes the high-water mark is
 * paused (ws stops reading its TCP socket, so the client's sends back up) until it drains.
 */
import type { WebSocket } from 'ws';
import type { ActingMember, DocAccess } from './access';
import type { InvitationClaims } from '../shared/auth/tokens';
import type { Room } from './room';

/** Inbound queue limits of one connection. */
export interface InboxLimits {
  /** Pause reading when this many messages wait (resume below half). */
  highWaterMessages: number;
  /** Pause reading when this many bytes wait (resume below half). */
  highWaterBytes: number;
}

let nextId = 1;

/** A client connection to one doc. */
export class Connection {
  /** Process-unique id, for logs. */
  readonly id = nextId++;
  /** The socket. */
  readonly socket: WebSocket;
  /** The doc's room. */
  readonly room: Room<Connection>;
  /** The room of the workspace doc (the same room for a workspace-doc connection), held for authorisation. */
  readonly workspaceRoom: Room<Connection>;
  /** The verified token's claims. */
  readonly claims: InvitationClaims;
  /** The key that verified the token (the connection closes when it is removed). */
  readonly kid: string;
  /** The member as authorised from the workspace doc. */
  member: ActingMember;
  /** What the connection may do; re-decided whenever the workspace doc changes. */
  access: DocAccess;
  /** True once closed (cleanup done; queued messages are dropped). */
  closed = false;
  /** True while reading is paused because the inbox is full. */
  paused = false;
  /** False after a ping until the pong arrives. */
  alive = true;
  /** When the client was last told that a write of its was dropped (ms since epoch). */
  lastReadOnlyNotice = 0;
  /** Fires at the token's expiry. */
  expiryTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: Uint8Array[] = [];
  private head = 0;
  private bytes = 0;

  constructor(init: {
    socket: WebSocket;
    room: Room<Connection>;
    workspaceRoom: Room<Connection>;
    claims: InvitationClaims;
    kid: string;
    member: ActingMember;
    access: DocAccess;
  }) {
    this.socket = init.socket;
    this.room = init.room;
    this.workspaceRoom = init.workspaceRoom;
    this.claims = init.claims;
    this.kid = init.kid;
    this.member = init.member;
    this.access = init.access;
  }

  /** Messages waiting. */
  get queued(): number {
    return this.queue.length - this.head;
  }

  /** Bytes waiting. */
  get queuedBytes(): number {
    return this.bytes;
  }

  /** Queues an inbound message; pauses reading past the high-water mark. */
  push(data: Uint8Array, limits: InboxLimits): void {
    this.queue.push(data);
    this.bytes += data.byteLength;
    if (!this.paused && (this.queued >= limits.highWaterMessages || this.bytes >= limits.highWaterBytes)) {
      this.paused = true;
      this.socket.pause();
    }
  }

  /** Takes the oldest queued message, or undefined. */
  shift(): Uint8Array | undefined {
    if (this.head >= this.queue.length) return undefined;
    const data = this.queue[this.head]!;
    this.queue[this.head++] = EMPTY;
    this.bytes -= data.byteLength;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return data;
  }

  /** Resumes reading once the inbox is below half the high-water marks. */
  maybeResume(limits: InboxLimits): void {
    if (this.paused && !this.closed && this.queued < limits.highWaterMessages / 2 && this.bytes < limits.highWaterBytes / 2) {
      this.paused = false;
      this.socket.resume();
    }
  }

  /** Drops everything queued. */
  clearQueue(): void {
    this.queue = [];
    this.head = 0;
    this.bytes = 0;
  }
}

const EMPTY = new Uint8Array(0);
