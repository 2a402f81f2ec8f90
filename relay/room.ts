/**
 * A room: one doc loaded in memory (a {@link LoadedDoc} of the shared doc registry) with its
 * awareness and the connections that have it open. The room does not persist anything itself;
 * the hub (relay/hub.ts) appends every update the doc emits before it sends it anywhere. A
 * workspace room also offers its doc as a {@link WorkspaceDoc}, which the relay reads to
 * authorise connections.
 */
import { Awareness } from 'y-protocols/awareness';
import { LoadedDoc } from '../node/store/doc-registry';
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

/**
 * One loaded doc (name e.g. "<workspaceId>/case/<caseId>"; its doc is exactly the stored state
 * plus the updates of the tick in progress; `holds`, `pending`, `compacting` and `idleTimer` are
 * the registry's bookkeeping). `C` is the connection type.
 */
export class Room<C> extends LoadedDoc {
  /** The parsed doc name. */
  readonly ref: DocRef;
  /** Presence of the connected clients (never stored). */
  readonly awareness: Awareness;
  /** The workspace doc view, for workspace rooms. */
  readonly workspace: WorkspaceDoc | null;
  /** Open connections, each with the awareness client ids it controls. */
  readonly conns = new Map<C, Set<number>>();
  /** Updates applied in a row that left the doc with missing dependencies (reset when none are missing). */
  pendingApplies = 0;
  /**
   * Builds the doc from `stored`. Doc updates reach `listener` through the registry's update
   * hook (relay/rooms.ts); awareness updates directly.
   */
  constructor(name: string, ref: DocRef, stored: StoredDoc, listener: RoomListener<C>) {
    super(name, stored);
    this.ref = ref;
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.workspace = ref.kind === 'workspace' ? new WorkspaceDoc(this.doc) : null;
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const conn = this.conns.get(origin as C);
      if (conn) {
        for (const id of added) conn.add(id);
        for (const id of removed) conn.delete(id);
      }
      listener.onAwarenessUpdate(this, [...added, ...updated, ...removed], origin);
    });
  }

  /** Frees the awareness timer, the doc and the registry's timers. */
  override destroy(): void {
    this.awareness.destroy();
    super.destroy();
  }
}
