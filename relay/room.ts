/**
 * A room: one doc loaded in memory with its awareness and the connections that have it open.
 * The room does not persist anything itself; the hub (relay/hub.ts) appends every update the
 * doc emits before it sends it anywhere. A workspace room also offers its doc as a
 * {@link WorkspaceDoc}, which the relay reads to authorise connections.
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { StoredDoc } from '../node/store/doc-store';
import type { DocRef } from '../shared/docs/names';
import { WorkspaceDoc } from '../shared/docs/workspace-doc';

/** Listeners a room reports to (the hub). */
export interface RoomListener<C> {
  /** The doc emitted `update` in a transaction with `origin` (a connection, or anything else). */
  onDocUpdate(room: Room<C>, update: Uint8Array, origin: unknown): void;
  /** Awareness states of `changed` clients changed; `origin` is the connection that sent them, or null. */
  onAwarenessUpdate(room: Room<C>, changed: number[], origin: unknown): void;
}

/** One loaded doc. `C` is the connection type. */
export class Room<C> {
  /** The doc name, e.g. "<workspaceId>/case/<caseId>". */
  readonly name: string;
  /** The parsed doc name. */
  readonly ref: DocRef;
  /** The doc: exactly the stored state plus the updates of the tick in progress. */
  readonly doc: Y.Doc;
  /** Presence of the connected clients (never stored). */
  readonly awareness: Awareness;
  /** The workspace doc view, for workspace rooms. */
  readonly workspace: WorkspaceDoc | null;
  /** Open connections, each with the awareness client ids it controls. */
  readonly conns = new Map<C, Set<number>>();
  /** How many holders (connections, HTTP requests, connections of the workspace's other docs) keep it loaded. */
  holds = 0;
  /** Stored updates not yet merged into the snapshot. */
  pending: number;
  /** Updates applied in a row that left the doc with missing dependencies (reset when none are missing). */
  pendingApplies = 0;
  /** Set while a compaction is queued or running. */
  compacting = false;
  /** Timer that unloads the room once nobody has held it for a while. */
  idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(name: string, ref: DocRef, stored: StoredDoc, listener: RoomListener<C>) {
    this.name = name;
    this.ref = ref;
    this.doc = new Y.Doc();
    Y.transact(this.doc, () => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(this.doc, u);
    });
    this.pending = stored.updates.length;
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.workspace = ref.kind === 'workspace' ? new WorkspaceDoc(this.doc) : null;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => listener.onDocUpdate(this, update, origin));
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const conn = this.conns.get(origin as C);
      if (conn) {
        for (const id of added) conn.add(id);
        for (const id of removed) conn.delete(id);
      }
      listener.onAwarenessUpdate(this, [...added, ...updated, ...removed], origin);
    });
  }

  /** Frees the doc and the awareness timer. */
  destroy(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
