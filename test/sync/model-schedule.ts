/**
 * The convergence property on the deterministic network (memory-net.ts): three replicas of one
 * workspace (two admins and an investigator, each a real WorkspaceStore + WorkspaceRuntime on
 * its own SQLite file), the real relay hub on the real relay storage, and a fast-check command
 * sequence of edits, disconnects, reconnects, restarts (clean or crash), partial deliveries,
 * dropped links, compactions and relay restarts. After the commands everyone reconnects, the
 * network is drained until quiet, and convergence-checks.ts asserts every invariant.
 *
 * Used by test/sync/convergence.test.ts and scripts/convergence-long.ts.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { workspaceDocName } from '../../shared/docs/names';
import type { InvitationClaims } from '../../shared/auth/tokens';
import { checkConverged, localDocNames, type DocCopy } from './convergence-checks';
import { editArb, Registry } from './edits';
import { LocalReplica } from './local-replica';
import { LinkModel, MemoryRelay } from './memory-net';
import { countCommand, defaultTmpRoot, EditCmd, ScheduleCmd, type ScheduleModel, foundWorkspace, newMembers, ROLES, runLogger, type ScheduleStats } from './schedule-support';

/** A replica on the memory network: its store stack, its relay links and whether it wants to be online. */
class NetReplica {
  readonly local: LocalReplica;
  readonly claims: InvitationClaims;
  online = true;
  readonly links = new Map<string, LinkModel>();

  constructor(local: LocalReplica, claims: InvitationClaims) {
    this.local = local;
    this.claims = claims;
  }

  /** Closes every link (in-flight messages are lost) and releases their docs. */
  unlink(): void {
    for (const [name, link] of this.links) {
      link.stop();
      if (this.local.isOpen) this.local.rt.host.release(name);
    }
    this.links.clear();
  }

  /** Closes one link. */
  unlinkOne(name: string): void {
    const link = this.links.get(name);
    if (!link) return;
    link.stop();
    this.links.delete(name);
    this.local.rt.host.release(name);
  }
}

/** One run's world: the relay, the replicas, the ids created, a trace of what happened. */
export class World {
  readonly dir: string;
  readonly workspaceId: string;
  readonly relay: MemoryRelay;
  readonly replicas: NetReplica[] = [];
  readonly registry = new Registry();
  readonly trace: string[] = [];
  readonly stats: ScheduleStats;

  private constructor(dir: string, relay: MemoryRelay, workspaceId: string, stats: ScheduleStats) {
    this.dir = dir;
    this.relay = relay;
    this.workspaceId = workspaceId;
    this.stats = stats;
  }

  /**
   * Creates the workspace on replica 0 (settings, founder, the two invited members, one case with
   * one seizure), uploads it to the relay, and opens replicas 1 and 2 empty, as after joining by
   * invitation; with `initialSync` they have synced once before the commands start, otherwise
   * they are connected but have received nothing yet.
   */
  static async create(o: { compactThreshold: number; initialSync: boolean; stats: ScheduleStats; tmpRoot: string }): Promise<World> {
    const dir = fs.mkdtempSync(path.join(o.tmpRoot, 'nest-convergence-'));
    const relay = new MemoryRelay({ file: path.join(dir, 'relay', 'relay.sqlite'), log: runLogger(), compactThreshold: o.compactThreshold });
    const world = new World(dir, relay, randomUUID(), o.stats);
    const members = newMembers();
    for (const [i, m] of members.entries()) {
      const local = new LocalReplica({ index: i, memberId: m.id, role: m.role, dataDir: path.join(dir, `replica-${i}`), workspaceId: world.workspaceId, logger: runLogger() });
      world.replicas.push(new NetReplica(local, { memberId: m.id, workspaceId: world.workspaceId, name: m.name, agency: m.agency, role: m.role, issuedAt: 0, expiresAt: Date.now() + 86_400_000 }));
    }
    await foundWorkspace(world.replicas[0]!.local, members, world.registry);
    await world.drain([0]);
    if (o.initialSync) await world.drain();
    else for (const r of world.replicas) await world.poll(r);
    return world;
  }

  /** Opens links for every doc of the workspace the replica or the relay has (the sync engine's round), when online. */
  async poll(r: NetReplica): Promise<number> {
    if (!r.online || !r.local.isOpen) return 0;
    const rt = r.local.rt;
    const names = new Set([workspaceDocName(this.workspaceId), ...localDocNames(rt), ...(await this.relay.docNames(`${this.workspaceId}/`))]);
    let opened = 0;
    for (const name of [...names].sort()) {
      const existing = r.links.get(name);
      if (existing?.pipe.open) continue;
      if (existing) r.unlinkOne(name);
      const doc = rt.host.retain(name);
      const pipe = await this.relay.connect(r.claims, name);
      if ('refused' in pipe) {
        rt.host.release(name);
        this.stats.refusals++;
        this.trace.push(`  r${r.local.index} ${name.slice(37)}: refused (${pipe.refused})`);
        continue;
      }
      r.links.set(name, new LinkModel(name, doc, pipe));
      opened++;
    }
    return opened;
  }

  /**
   * Delivers, for each link of replica `r` (in name order rotated by `rot`): its due probe, up to
   * `up` desktop messages to the relay; then, once the relay has processed them, up to `down`
   * relay messages to the desktop. Returns how many messages moved.
   */
  async deliver(r: NetReplica, up: number, down: number, rot: number): Promise<number> {
    await this.poll(r);
    const links = [...r.links.values()].sort((a, b) => a.name.localeCompare(b.name));
    const order = links.map((_, i) => links[(i + rot) % links.length]!);
    let moved = 0;
    for (const l of order) {
      l.flushProbe();
      moved += l.pipe.deliverUp(up);
    }
    await this.relay.settle();
    for (const l of order) {
      for (let k = 0; k < down; k++) {
        const msg = l.pipe.takeDown();
        if (!msg) break;
        l.receive(msg);
        moved++;
      }
    }
    return moved;
  }

  /** Delivers everything (of the replicas `which`, default all) until nothing moves; returns the rounds taken. */
  async drain(which?: number[]): Promise<number> {
    const rs = (which ?? this.replicas.map((_, i) => i)).map((i) => this.replicas[i]!);
    for (let round = 1; round <= 200; round++) {
      let moved = 0;
      for (const r of rs) moved += await this.poll(r);
      for (const r of rs) moved += await this.deliver(r, Infinity, Infinity, 0);
      if (moved === 0) return round;
    }
    throw new Error('the network did not become quiet within 200 rounds (a sync loop?)');
  }

  /** Reconnects everyone, drains, and checks every invariant. */
  async finish(): Promise<void> {
    for (const r of this.replicas) {
      if (!r.local.isOpen) r.local.open();
      r.online = true;
    }
    this.stats.drainRounds += await this.drain();
    const relay = this.relay;
    await checkConverged({
      workspaceId: this.workspaceId,
      runtimes: this.replicas.map((r) => r.local.rt),
      relayDocNames: () => relay.docNames(`${this.workspaceId}/`),
      relayCopies: async (name): Promise<DocCopy[]> => {
        const copies: DocCopy[] = [{ label: 'relay storage', doc: await relay.storedDoc(name) }];
        const room = relay.hub.rooms.get(name);
        if (room) copies.push({ label: 'relay room', doc: room.doc });
        return copies;
      },
    });
  }

  /** Closes everything and deletes the run's folder. */
  async dispose(): Promise<void> {
    for (const r of this.replicas) {
      r.unlink();
      if (r.local.isOpen) r.local.close(false);
    }
    await this.relay.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** Counts a command for the statistics. */
  count(kind: string): void {
    countCommand(this.stats, kind);
  }
}

type Model = ScheduleModel;
type Cmd = fc.AsyncCommand<Model, World>;

abstract class Base extends ScheduleCmd<World> {}

class DisconnectCmd extends Base {
  constructor(readonly r: number) {
    super();
  }
  async run(_m: Model, w: World): Promise<void> {
    w.count('disconnect');
    const rep = w.replicas[this.r]!;
    rep.online = false;
    rep.unlink();
    w.trace.push(String(this));
  }
  toString(): string {
    return `r${this.r}.disconnect`;
  }
}

class ReconnectCmd extends Base {
  constructor(readonly r: number) {
    super();
  }
  async run(_m: Model, w: World): Promise<void> {
    w.count('reconnect');
    const rep = w.replicas[this.r]!;
    rep.online = true;
    const n = await w.poll(rep);
    w.trace.push(`${this} -> ${n} links`);
  }
  toString(): string {
    return `r${this.r}.reconnect`;
  }
}

class RestartCmd extends Base {
  constructor(readonly r: number, readonly crash: boolean) {
    super();
  }
  async run(_m: Model, w: World): Promise<void> {
    w.count(this.crash ? 'crash' : 'restart');
    const rep = w.replicas[this.r]!;
    rep.unlink(); // the process ends: its sockets close
    rep.local.close(this.crash);
    rep.local.open();
    await w.poll(rep);
    w.trace.push(String(this));
  }
  toString(): string {
    return `r${this.r}.${this.crash ? 'crash+reopen' : 'restart'}`;
  }
}

class DeliverCmd extends Base {
  constructor(readonly r: number, readonly up: number, readonly down: number, readonly rot: number) {
    super();
  }
  async run(_m: Model, w: World): Promise<void> {
    w.count('deliver');
    const moved = await w.deliver(w.replicas[this.r]!, this.up, this.down, this.rot);
    w.trace.push(`${this} -> ${moved} messages`);
  }
  toString(): string {
    const n = (k: number): string => (k === Infinity ? 'all' : String(k));
    return `r${this.r}.deliver(up ${n(this.up)}, down ${n(this.down)} per link, from link #${this.rot})`;
  }
}

class DrainCmd extends Base {
  async run(_m: Model, w: World): Promise<void> {
    w.count('drain');
    await w.drain();
    w.trace.push(String(this));
  }
  toString(): string {
    return 'drainAll';
  }
}

class DropLinkCmd extends Base {
  constructor(readonly r: number, readonly pick: number) {
    super();
  }
  async run(_m: Model, w: World): Promise<void> {
    w.count('dropLink');
    const rep = w.replicas[this.r]!;
    const names = [...rep.links.keys()].sort();
    if (names.length === 0) return;
    const name = names[this.pick % names.length]!;
    rep.unlinkOne(name);
    w.trace.push(`${this} -> ${name.slice(37)}`);
  }
  toString(): string {
    return `r${this.r}.dropLink(#${this.pick})`;
  }
}

class CompactCmd extends Base {
  constructor(readonly r: number, readonly pick: number) {
    super();
  }
  async run(_m: Model, w: World): Promise<void> {
    w.count('compact');
    const rep = w.replicas[this.r]!;
    if (!rep.local.isOpen) return;
    const names = localDocNames(rep.local.rt);
    if (names.length === 0) return;
    rep.local.rt.host.compact(names[this.pick % names.length]!);
    w.trace.push(String(this));
  }
  toString(): string {
    return `r${this.r}.compact(#${this.pick})`;
  }
}

class RelayRestartCmd extends Base {
  async run(_m: Model, w: World): Promise<void> {
    w.count('relayRestart');
    await w.relay.restart();
    w.trace.push(String(this));
  }
  toString(): string {
    return 'relay.restart';
  }
}

class RelayCompactCmd extends Base {
  constructor(readonly pick: number) {
    super();
  }
  async run(_m: Model, w: World): Promise<void> {
    w.count('relayCompact');
    const names = await w.relay.docNames(`${w.workspaceId}/`);
    const name = names[this.pick % names.length]!;
    await w.relay.storage.compact(name);
    w.trace.push(`${this} -> ${name.slice(37)}`);
  }
  toString(): string {
    return `relay.compact(#${this.pick})`;
  }
}

const replicaArb = fc.nat(ROLES.length - 1);
/** Messages per link and direction a delivery moves: none, a few, or all. */
const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.constant(Infinity));

/** The command sequence: edits dominate; network events, restarts and compactions interleave. */
export const commandsArb = (maxCommands: number): fc.Arbitrary<Iterable<Cmd>> =>
  fc.commands(
    [
      fc.oneof(
        { weight: 12, arbitrary: fc.tuple(replicaArb, editArb).map(([r, e]): Cmd => new EditCmd<World>(r, e)) },
        { weight: 6, arbitrary: fc.tuple(replicaArb, count, count, fc.nat(5)).map(([r, up, down, rot]): Cmd => new DeliverCmd(r, up, down, rot)) },
        { weight: 1, arbitrary: fc.constant<Cmd>(new DrainCmd()) },
        { weight: 2, arbitrary: replicaArb.map((r): Cmd => new DisconnectCmd(r)) },
        { weight: 2, arbitrary: replicaArb.map((r): Cmd => new ReconnectCmd(r)) },
        { weight: 2, arbitrary: fc.tuple(replicaArb, fc.boolean()).map(([r, crash]): Cmd => new RestartCmd(r, crash)) },
        { weight: 1, arbitrary: fc.tuple(replicaArb, fc.nat(20)).map(([r, p]): Cmd => new DropLinkCmd(r, p)) },
        { weight: 1, arbitrary: fc.tuple(replicaArb, fc.nat(20)).map(([r, p]): Cmd => new CompactCmd(r, p)) },
        { weight: 1, arbitrary: fc.constant<Cmd>(new RelayRestartCmd()) },
        { weight: 1, arbitrary: fc.nat(20).map((p): Cmd => new RelayCompactCmd(p)) },
      ),
    ],
    { maxCommands, size: 'max' },
  );

/** How a run starts: the relay's compaction threshold (2: compacts all the time; 500: the default) and whether the members synced once before the commands. */
export interface Setup {
  relayCompactThreshold: number;
  initialSync: boolean;
}

const setupArb: fc.Arbitrary<Setup> = fc.record({ relayCompactThreshold: fc.constantFrom(2, 500), initialSync: fc.boolean() });

/** Options of {@link convergenceProperty}. */
export interface PropertyOptions {
  stats: ScheduleStats;
  /** Longest command sequence (default 40). */
  maxCommands?: number;
  /** Folder for the runs' temporary files (default {@link defaultTmpRoot}). */
  tmpRoot?: string;
}

/** The property: for any {@link Setup} and command sequence, all copies and projections are identical once everyone has synced. */
export function convergenceProperty(o: PropertyOptions): fc.IAsyncPropertyWithHooks<[Setup, Iterable<Cmd>]> {
  return fc.asyncProperty(setupArb, commandsArb(o.maxCommands ?? 40), async (setup, cmds) => {
    o.stats.runs++;
    const world = await World.create({ compactThreshold: setup.relayCompactThreshold, initialSync: setup.initialSync, stats: o.stats, tmpRoot: o.tmpRoot ?? defaultTmpRoot() });
    try {
      await fc.asyncModelRun(() => ({ model: {}, real: world }), cmds);
      await world.finish();
    } catch (err) {
      if (err instanceof Error) err.message = `${err.message}\n--- trace of the failing run (${JSON.stringify(setup)}) ---\n${world.trace.join('\n')}`;
      throw err;
    } finally {
      await world.dispose();
    }
  });
}
