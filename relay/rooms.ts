/**
 * The loaded rooms, on the shared doc registry (node/store/doc-registry.ts): a doc is loaded
 * from storage when first needed, kept while anyone holds it, and unloaded after it has been
 * idle (nobody holding it) for `idleUnloadMs`, compacting its update log first. Compaction also
 * runs whenever a doc has `compactThreshold` updates pending. Compaction works on the stored log
 * only (storage orders it after every append issued before it), so it may run at any time, also
 * while appends are in flight. What is the relay's own: rooms carry awareness and connections,
 * and the hub appends updates itself (batched per tick) before reporting them.
 */
import type { Logger } from '../node/log';
import { DocRegistry, errorName } from '../node/store/doc-registry';
import { requireDocName } from '../shared/docs/names';
import type { Connection } from './connection';
import { Room, type RoomListener } from './room';
import type { RelayStorage } from './storage/relay-storage';

export { errorName };

/** Options of {@link RoomRegistry}. */
export interface RoomOptions {
  /** ms a doc stays loaded after its last holder left. */
  idleUnloadMs: number;
  /** Compact a doc once this many updates wait to be merged into its snapshot (default 500). */
  compactThreshold: number;
}

/** The loaded rooms. The method names are the hub's API (relay/hub.ts). */
export class RoomRegistry {
  private readonly registry: DocRegistry<Room<Connection>>;

  constructor(storage: RelayStorage, listener: RoomListener<Connection>, opts: RoomOptions, log: Logger) {
    this.registry = new DocRegistry<Room<Connection>>(storage, {
      // A bad name throws NestError('invalid-params') before anything is read: see acquire.
      create: (name, stored) => new Room<Connection>(name, requireDocName(name), stored, listener),
      onUpdate: (room, update, origin) => listener.onDocUpdate(room, update, origin),
      idleUnloadMs: opts.idleUnloadMs,
      compactThreshold: opts.compactThreshold,
      logger: log,
    });
  }

  /** How many docs are loaded. */
  get size(): number {
    return this.registry.size;
  }

  /** The loaded room of `name`, or undefined. */
  get(name: string): Room<Connection> | undefined {
    return this.registry.get(name);
  }

  /** Every loaded room. */
  all(): IterableIterator<Room<Connection>> {
    return this.registry.all();
  }

  /**
   * The room of `name`, loaded if needed, with one more hold (give it back with {@link release}).
   * @throws NestError('invalid-params') for a bad name; the storage error when the doc cannot be read.
   */
  async acquire(name: string): Promise<Room<Connection>> {
    if (!this.registry.get(name)) requireDocName(name);
    return this.registry.retain(name);
  }

  /** Gives back one hold; the room unloads after `idleUnloadMs` without holders. */
  release(room: Room<Connection>): void {
    this.registry.release(room);
  }

  /** Queues a compaction of `room` when it has `compactThreshold` updates pending (the hub counted them in `room.pending`). */
  maybeCompact(room: Room<Connection>): void {
    this.registry.maybeCompact(room);
  }

  /** Drops a room without compacting (after a storage failure: memory may hold unstored updates). */
  evict(room: Room<Connection>): void {
    this.registry.evict(room);
  }

  /** Compacts and unloads every room (at shutdown, once no append is in flight). */
  async unloadAll(): Promise<void> {
    await this.registry.close();
  }
}
