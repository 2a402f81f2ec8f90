/**
 * What both convergence properties share: the three members, the workspace the founder creates,
 * run statistics, the logger and where runs put their files.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import fc from 'fast-check';
import { createLogger, type Logger } from '../../node/log';
import { hubTuning, type ServeSettings } from '../../relay/config';
import { startRelay, type RelayServer } from '../../relay/server';
import type { SqliteRelayStorage } from '../../relay/storage/sqlite-relay-storage';
import { workspaceDocName } from '../../shared/docs/names';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import type { MemberRole } from '../../shared/domain/codes';
import type { Member } from '../../shared/domain/member';
import { newSeizureFields } from '../../shared/domain/seizure';
import { applyEdit, describeEdit, type Edit, type Registry } from './edits';
import type { LocalReplica } from './local-replica';

/** Roles of the three replicas: the founder admin, a second admin, an investigator. */
export const ROLES: readonly MemberRole[] = ['admin', 'admin', 'investigator'];

/** The three members of a run (fresh ids), in {@link ROLES} order. */
export function newMembers(): Member[] {
  return ROLES.map((role, i) => ({ id: randomUUID(), name: `Member ${i}`, agency: i === 2 ? 'NParks' : 'Customs', role, joinedAt: 1_767_225_600_000 }));
}

/**
 * What the founder does before anyone else has the workspace: initialise the workspace doc,
 * invite the other members (as `invitations.create` does), create one case with one seizure (so
 * that early edits have a target).
 */
export async function foundWorkspace(founder: LocalReplica, members: Member[], registry: Registry): Promise<void> {
  const rt = founder.rt;
  const ws = new WorkspaceDoc(rt.host.retainedDoc(workspaceDocName(rt.id)));
  const w = { memberId: founder.memberId, now: registry.now };
  ws.init({ id: rt.id, name: 'Task Force Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' }, members[0]!, w);
  for (const m of members.slice(1)) ws.upsertMember(m, w);
  const ed = { rt, memberId: founder.memberId, registry };
  await applyEdit(ed, { kind: 'createCase', title: 'Case 0', sector: 'wildlife', year: 2026 });
  await applyEdit(ed, { kind: 'addSeizure', casePick: 0, fields: { ...newSeizureFields('2026-02-01'), country: 'SG', commodity: 'elephant ivory', place: 'Tuas' } });
}

/** Counters over all runs of a property (asserted by the test, printed by the long script). */
export interface ScheduleStats {
  runs: number;
  /** Commands run, by kind (`edit.<kind>` for edits). */
  commands: Record<string, number>;
  /** Edits skipped because their target did not exist on that replica, by kind. */
  skippedEdits: Record<string, number>;
  /** Relay refusals seen by the deterministic network's links. */
  refusals: number;
  /** Rounds the deterministic network's final drain took, summed. */
  drainRounds: number;
  /** Faults the chaos proxy injected (end-to-end runs), by kind (chaos-proxy.ts ChaosStats). */
  faults: Record<string, number>;
}

/** Empty counters. */
export function newStats(): ScheduleStats {
  return { runs: 0, commands: {}, skippedEdits: {}, refusals: 0, drainRounds: 0, faults: {} };
}

/** Counts one command of `kind`. */
export function countCommand(stats: ScheduleStats, kind: string): void {
  stats.commands[kind] = (stats.commands[kind] ?? 0) + 1;
}

/** Counts one skipped edit of `kind`. */
export function countSkipped(stats: ScheduleStats, kind: string): void {
  stats.skippedEdits[kind] = (stats.skippedEdits[kind] ?? 0) + 1;
}

let logger: Logger | null = null;
/**
 * One logger for every run (a pino logger per run would open a stream per run): silent unless
 * NEST_CONVERGENCE_LOG names a level (e.g. `debug`, to watch the sync engines and the relay).
 */
export function runLogger(): Logger {
  return (logger ??= createLogger('convergence', process.env.NEST_CONVERGENCE_LOG ?? 'silent'));
}

/**
 * Where runs put their files: NEST_CONVERGENCE_TMP if set, else /dev/shm when there is one, else
 * the OS temp folder. The relay's storage runs with synchronous=FULL; with an fsync per relay tick
 * on this machine's disk a deterministic-network schedule took 158 ms instead of 106 ms (100
 * schedules, same seed), without testing anything more: a process crash loses nothing either way,
 * and power cuts are not simulated here.
 */
export function defaultTmpRoot(): string {
  return process.env.NEST_CONVERGENCE_TMP ?? (fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
}

/** Relay settings for these tests: long key checks and pings (no timers firing mid-schedule), small limits elsewhere as given. */
export function testRelaySettings(port: number, over: { idleUnloadMs?: number; compactThreshold?: number } = {}): ServeSettings {
  return { host: '127.0.0.1', port, dataDir: '', maxMessageBytes: 16 * 1024 * 1024, idleUnloadMs: over.idleUnloadMs ?? 60_000, keyCheckMs: 3_600_000, pingIntervalMs: 3_600_000, compactThreshold: over.compactThreshold ?? 500 };
}

/** Starts the real relay in process on `storage` with {@link testRelaySettings}. */
export async function startTestRelay(storage: SqliteRelayStorage, port = 0, over: { idleUnloadMs?: number; compactThreshold?: number } = {}): Promise<RelayServer> {
  const settings = testRelaySettings(port, over);
  return startRelay({ ...settings, ...hubTuning(settings), storage, log: runLogger(), now: Date.now });
}

/**
 * Polls `cond` every 20 ms until it holds.
 * @throws Error "timed out waiting for <what>" after `ms`.
 */
export async function waitUntil(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What the commands both properties share need of a run's world. */
export interface ScheduleWorld {
  readonly replicas: readonly { readonly local: LocalReplica }[];
  readonly registry: Registry;
  readonly stats: ScheduleStats;
  readonly trace: string[];
  /** Counts a command for the statistics. */
  count(kind: string): void;
}

/** The properties keep no model: every check is on the replicas themselves at the end. */
export type ScheduleModel = Record<string, never>;

/** Base of the commands: always applicable (an impossible edit is skipped, not refused). */
export abstract class ScheduleCmd<W> implements fc.AsyncCommand<ScheduleModel, W> {
  check(): boolean {
    return true;
  }
  abstract run(m: ScheduleModel, w: W): Promise<void>;
  abstract toString(): string;
}

/** One member's edit on replica `r`, through the same document helpers the app uses. */
export class EditCmd<W extends ScheduleWorld> extends ScheduleCmd<W> {
  constructor(readonly r: number, readonly edit: Edit) {
    super();
  }
  async run(_m: ScheduleModel, w: W): Promise<void> {
    w.count(`edit.${this.edit.kind}`);
    const l = w.replicas[this.r]!.local;
    const done = await applyEdit({ rt: l.rt, memberId: l.memberId, registry: w.registry }, this.edit);
    if (done === null) countSkipped(w.stats, this.edit.kind);
    w.trace.push(`${this} -> ${done ?? 'skipped'}`);
  }
  toString(): string {
    return `r${this.r}.${describeEdit(this.edit)}`;
  }
}
