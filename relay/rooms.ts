/**
 * The loaded rooms: loads a doc from storage when first needed, keeps it while anyone holds it,
 * and unloads it after it has been idle (nobody holding it) for `idleUnloadMs`, compacting its
 * update log first. Compaction also runs whenever a doc has `compactThreshold` updates pending.
 * Compaction works on the stored log only (storage orders it after every append issued before
 * it), so it may run at any time, also while appends are in flight.
 */
import type { Logger } from '../node/log';
import { requireDocName } from '../shared/docs/names';
import type { Connection } from './connection';
import { Room, type RoomListener } from './room';
import type { RelayStorage } from './storage/relay-storage';

/** Options of {@link RoomRegistry}. */
export interface RoomOptions {
  /** ms a doc stays loaded after its last holder left. */
  idleUnloadMs: number;
  /** Compact a doc once this many updates wait to be merged into its snapshot (default 500). */
  compactThreshold: number;
}

/** The loaded rooms. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room<Connection>>();
  private readonly loading = new Map<string, Promise<Room<Connection>>>();

  constructor(
    private readonly storage: RelayStorage,
    private readonly listener: RoomListener<Connection>,
    private readonly opts: RoomOptions,
    private readonly log: Logger,
  ) {}

  /** How many docs are loaded. */
  get size(): number {
    return this.rooms.size;
  }

  /** The loaded room of `name`, or undefined. */
  get(name: string): Room<Connection> | undefined {
    return this.rooms.get(name);
  }

  /** Every loaded room. */
  all(): IterableIterator<Room<Connection>> {
    return this.rooms.values();
  }

  /**
   * The room of `name`, loaded if needed, with one more hold (give it back with {@link release}).
   * @throws the storage error when the doc cannot be read; NestError('invalid-params') for a bad name.
   */
  async acquire(name: string): Promise<Room<Connection>> {
    let room = this.rooms.get(name);
    if (!room) {
      let p = this.loading.get(name);
      if (!p) {
        p = this.load(name);
        this.loading.set(name, p);
        p.finally(() => this.loading.delete(name)).catch(() => undefined);
      }
      room = await p;
    }
    room.holds++;
    if (room.idleTimer) {
      clearTimeout(room.idleTimer);
      room.idleTimer = null;
    }
    return room;
  }

  /** Gives back one hold; the room unloads after `idleUnloadMs` without holders. */
  release(room: Room<Connection>): void {
    room.holds = Math.max(0, room.holds - 1);
    if (room.holds === 0 && this.rooms.get(room.name) === room && !room.idleTimer) {
      room.idleTimer = setTimeout(() => {
        room.idleTimer = null;
        this.unload(room).catch((err: unknown) => this.log.error({ doc: room.name, err: errorName(err) }, 'unloading failed'));
      }, this.opts.idleUnloadMs);
    }
  }

  /** Queues a compaction of `room` when it has `compactThreshold` updates pending. */
  maybeCompact(room: Room<Connection>): void {
    if (room.pending < this.opts.compactThreshold || room.compacting) return;
    room.compacting = true;
    this.compact(room).finally(() => {
      room.compacting = false;
    });
  }

  /** Drops a room without compacting (after a storage failure: memory may hold unstored updates). */
  evict(room: Room<Connection>): void {
    if (this.rooms.get(room.name) !== room) return; // already gone
    this.rooms.delete(room.name);
    room.destroy();
  }

  /** Compacts and unloads every room (at shutdown, once no append is in flight). */
  async unloadAll(): Promise<void> {
    for (const room of [...this.rooms.values()]) {
      if (room.pending > 0) await this.compact(room);
      this.rooms.delete(room.name);
      room.destroy();
    }
  }

  private async load(name: string): Promise<Room<Connection>> {
    const ref = requireDocName(name);
    const stored = await this.storage.read(name);
    const room = new Room<Connection>(name, ref, stored, this.listener);
    this.rooms.set(name, room);
    this.log.debug({ doc: name, pending: room.pending }, 'doc loaded');
    return room;
  }

  private async unload(room: Room<Connection>): Promise<void> {
    if (room.holds > 0 || this.rooms.get(room.name) !== room) return;
    if (room.pending > 0) await this.compact(room);
    if (room.holds > 0) return;
    this.rooms.delete(room.name);
    room.destroy();
    this.log.debug({ doc: room.name }, 'doc unloaded');
  }

  private async compact(room: Room<Connection>): Promise<void> {
    try {
      const t0 = performance.now();
      const r = await this.storage.compact(room.name);
      room.pending = Math.max(0, room.pending - r.merged);
      this.log.debug({ doc: room.name, outcome: r.outcome, merged: r.merged, bytes: r.snapshotBytes, ms: Math.round(performance.now() - t0) }, 'doc compacted');
    } catch (err) {
      this.log.error({ doc: room.name, err: errorName(err) }, 'compaction failed');
    }
  }
}

/** An error's class and code, never its message (which could quote data). */
export function errorName(err: unknown): string {
  if (err instanceof Error) return (err as { code?: string }).code ? `${err.name}:${(err as { code?: string }).code}` : err.name;
  return typeof err;
}
