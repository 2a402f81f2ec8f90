/**
 * The presence (awareness) side of one relay link: sends this machine's windows' awareness
 * states to the relay, applies the other machines' states it receives, never echoes those back,
 * and forgets them when the link drops (without the relay, their presence is unknown: better
 * shown as gone than stale). Split from relay-doc-link.ts, which owns the socket.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import { encodeAwareness } from '../../shared/protocol/relay';

/** What the presence side needs from its link. */
export interface PresenceLink {
  /** The awareness of the doc's windows; absent for background syncs (then everything is a no-op). */
  awareness?: awarenessProtocol.Awareness;
  /** Sends one message if the socket is open. */
  send: (bytes: Uint8Array) => void;
  isOpen: () => boolean;
  /** The transaction origin marking states that came from the relay. */
  origin: unknown;
}

/** Presence of one link. */
export class LinkPresence {
  /** Awareness clients that came from the relay (other machines): never echoed or removed by us. */
  private readonly remoteClients = new Set<number>();
  private readonly onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === this.l.origin) {
      for (const c of [...added, ...updated]) this.remoteClients.add(c);
      for (const c of removed) this.remoteClients.delete(c);
      return;
    }
    const aw = this.l.awareness;
    if (!aw || !this.l.isOpen()) return;
    const changed = [...added, ...updated, ...removed].filter((c) => !this.remoteClients.has(c));
    if (changed.length) this.l.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(aw, changed)));
  };

  constructor(private readonly l: PresenceLink) {
    l.awareness?.on('update', this.onAwareness);
  }

  /** Applies an awareness update from the relay. */
  applyRemote(update: Uint8Array): void {
    if (this.l.awareness) awarenessProtocol.applyAwarenessUpdate(this.l.awareness, update, this.l.origin);
  }

  /** Sends the presence of this machine's windows (on connect, and when the relay asks). */
  sendLocal(): void {
    const aw = this.l.awareness;
    const clients = this.localClients();
    if (aw && clients.length > 0) this.l.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(aw, clients)));
  }

  /** The link dropped: other machines' presence is unknown now. */
  forgetRemote(): void {
    const aw = this.l.awareness;
    if (aw && this.remoteClients.size) awarenessProtocol.removeAwarenessStates(aw, [...this.remoteClients], this.l.origin);
    this.remoteClients.clear();
  }

  /** The link stops: tells the others this machine's windows left, and stops listening. */
  stop(): void {
    const aw = this.l.awareness;
    aw?.off('update', this.onAwareness);
    if (aw && this.l.isOpen()) {
      const local = this.localClients();
      if (local.length) this.l.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(aw, local, new Map())));
    }
  }

  /** Awareness clients of this machine's windows (not those received from the relay). */
  private localClients(): number[] {
    return [...(this.l.awareness?.getStates().keys() ?? [])].filter((c) => !this.remoteClients.has(c));
  }
}
