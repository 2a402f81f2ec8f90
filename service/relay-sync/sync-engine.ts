/**
 * The sync engine of one workspace: keeps the local store and the task force's relay in step.
 *
 * - Live links: the workspace doc, and every doc a window has open (SyncHub channels), stay
 *   connected, with presence (awareness) exchanged.
 * - Rounds: at start, every `roundIntervalMs`, when the relay comes back, and shortly after a
 *   local edit to a doc that is not live. A round asks the relay which docs changed since its
 *   clock (`GET /v1/changes?since=`), adds the docs edited here since the last round, and syncs
 *   those with at most `concurrency` transient links at a time. A doc counts as done only when
 *   the relay acknowledged every local update (see relay-doc-link.ts); the clocks are saved only
 *   after a round in which every doc was done, so an interrupted round is simply repeated.
 * - Offline: edits wait in the local store; the relay being down only makes links retry with
 *   backoff. Access refused (401/403): reported, retried slowly (an admin may fix it).
 * - An update refused by the relay's deletion rules (close 4409): the doc is marked "refused by
 *   the relay: <reason>" in sync health and left alone — no reconnect, no round re-sends it — until
 *   the member asks to sync that doc again ("Sync now" on its row, after reverting the deletion
 *   from field history or an admin's approval). Its local data is kept as it is.
 */
import type * as Y from 'yjs';
import type * as awarenessProtocol from 'y-protocols/awareness';
import { parseDocName, workspaceDocName } from '../../shared/docs/names';
import { authorizationHeader, changesErrorSchema, changesResponseSchema, changesUrl, type ChangesResponse } from '../../shared/protocol/relay';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { DocHealthBook } from './doc-health';
import { healthRows } from './health-rows';
import { StatusEmitter } from './status-emitter';
import { RELAY_ORIGIN, RelayDocLink } from './relay-doc-link';
import { recordRelayAcceptedKey } from './relay-key-check';
import { relayUrls, type RelayUrls } from './relay-url';
import { overallState, type DocSyncState, type SyncState } from './sync-status';
import type { SyncConfig, SyncEngineOptions, WorkspaceSyncStatus } from './sync-engine-types';

export type { SyncConfig, SyncEngineOptions, WorkspaceSyncStatus } from './sync-engine-types';

/** Keeps one workspace in sync with its relay. */
export class SyncEngine {
  private readonly o: Required<Omit<SyncEngineOptions, 'resyncMs' | 'stallMs' | 'onDocState' | 'now' | 'warnAfterMs'>> &
    Pick<SyncEngineOptions, 'resyncMs' | 'stallMs' | 'onDocState'>;
  /** Sync health per doc: last acknowledgement, what waits. */
  readonly health: DocHealthBook;
  private readonly status$: StatusEmitter;
  private readonly ws: WorkspaceRuntime;
  private config: SyncConfig;
  private urls: RelayUrls;
  private readonly live = new Map<string, RelayDocLink>();
  private readonly liveStates = new Map<string, DocSyncState>();
  private readonly transientStates = new Map<string, DocSyncState>();
  /** The transient links of the running round ("sync now" pokes them too). */
  private readonly transient = new Map<string, RelayDocLink>();
  /** Docs with local (non-relay) updates since they last synced, with a change counter. */
  private readonly dirty = new Map<string, number>();
  /** Docs whose update the relay refused (4409), with its reason code; not synced until retried. */
  private readonly updateRefusals = new Map<string, string>();
  private roundTimer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private stopped = false;
  private roundState: { state: DocSyncState | null; detail: string | null } = { state: null, detail: null };
  private lastSyncedAt: number | null = null;
  private readonly disposers: (() => void)[] = [];
  private failures = 0;

  constructor(config: SyncConfig, o: SyncEngineOptions) {
    this.o = { concurrency: 4, roundIntervalMs: 30_000, docTimeoutMs: 60_000, ...o };
    this.ws = o.workspace;
    this.config = config;
    this.urls = relayUrls(config.relayUrl);
    this.health = new DocHealthBook({ now: o.now ?? Date.now, warnAfterMs: o.warnAfterMs });
    this.status$ = new StatusEmitter({ compute: () => this.status(), onStatus: o.onStatus, health: this.health });
    this.lastSyncedAt = this.ws.store.getSetting<number | null>('syncLastAt', null);
    for (const h of this.ws.store.docs.changedSince(config.localClock)) if (this.markDirty(h.docName)) this.health.noteEarlierEdits(h.docName, h.updatedAt);
    this.disposers.push(
      this.ws.host.listen({
        update: (name, u, origin) => {
          if (origin === RELAY_ORIGIN) {
            if (name === workspaceDocName(this.ws.id)) this.schedule(1000); // the index or members changed
            return;
          }
          if (!this.markDirty(name)) return;
          this.health.noteLocal(name, u.byteLength);
          this.emitSoon();
          if (!this.live.has(name)) this.schedule(500);
        },
      }),
    );
    this.disposers.push(
      o.hub.listen({
        opened: (name, doc, awareness) => this.openLive(name, doc, awareness),
        closed: (name) => this.closeLive(name),
      }),
    );
    this.openLive(workspaceDocName(this.ws.id), this.ws.host.retain(workspaceDocName(this.ws.id)), undefined, true);
    this.schedule(0);
  }

  /** The workspace id. */
  get workspaceId(): string {
    return this.ws.id;
  }

  /** Replaces the relay or token (e.g. a renewed invitation) and reconnects everything. */
  reconfigure(next: Pick<SyncConfig, 'relayUrl' | 'token'>): void {
    const relayChanged = next.relayUrl !== this.config.relayUrl;
    this.config = { ...this.config, ...next, ...(relayChanged ? { clock: 0, localClock: 0 } : {}) };
    this.urls = relayUrls(this.config.relayUrl);
    this.ws.store.setSetting('sync', this.config);
    for (const [name, link] of [...this.live]) {
      link.stop();
      this.live.delete(name);
      const doc = this.ws.host.retainedDoc(name);
      this.live.set(name, this.link(name, doc, undefined, this.liveStates));
    }
    this.schedule(0);
  }

  /** Counts a local change of `name`; false (nothing done) for a doc of another workspace. */
  private markDirty(name: string): boolean {
    const ref = parseDocName(name);
    if (ref?.workspaceId !== this.ws.id) return false;
    this.dirty.set(name, (this.dirty.get(name) ?? 0) + 1);
    return true;
  }

  private link(name: string, doc: Y.Doc, awareness: awarenessProtocol.Awareness | undefined, states: Map<string, DocSyncState>): RelayDocLink {
    states.set(name, 'syncing');
    return new RelayDocLink({
      wsBase: this.urls.ws,
      name,
      doc,
      awareness,
      token: () => this.config.token,
      logger: this.o.logger,
      resyncMs: this.o.resyncMs,
      stallMs: this.o.stallMs,
      onAcked: () => {
        if (!this.stopped && this.health.noteAcked(name)) this.emitSoon();
      },
      onUpdateRefused: (reason) => {
        if (this.stopped) return;
        this.o.logger.warn({ doc: name, reason }, 'the relay refused an update of this doc: not syncing it until the member retries');
        this.updateRefusals.set(name, reason);
      },
      onState: (s, detail) => {
        if (this.stopped) return;
        this.o.onDocState?.(name, s);
        const before = states.get(name);
        states.set(name, s);
        if (s === 'refused' || s === 'error') this.health.cancelWaits(name);
        if (s === 'read-only') this.health.noteReadOnly(name);
        if (s === 'refused' && detail && !this.updateRefusals.has(name)) {
          this.roundState = { state: 'refused', detail };
          this.noteRefusal(detail);
        }
        if (s === 'synced' && name === workspaceDocName(this.ws.id)) this.noteRefusal(null);
        if (s === 'synced' && before !== 'synced' && states === this.liveStates) this.dirty.delete(name);
        if (before === 'offline' && s === 'syncing') this.schedule(200); // the relay is back: catch up
        this.emit();
      },
    });
  }

  private openLive(name: string, doc: Y.Doc, awareness?: awarenessProtocol.Awareness, retained = false): void {
    const ref = parseDocName(name);
    if (this.stopped || ref?.workspaceId !== this.ws.id) return;
    const existing = this.live.get(name);
    if (existing) {
      if (!awareness) return;
      existing.stop(); // upgrade the workspace doc's link to carry presence
    }
    if (!retained && !existing) this.ws.host.retain(name);
    this.live.set(name, this.link(name, doc, awareness, this.liveStates));
    this.emit();
  }

  private closeLive(name: string): void {
    if (name === workspaceDocName(this.ws.id)) {
      // The workspace doc stays live, without presence.
      const link = this.live.get(name);
      link?.stop();
      if (!this.stopped) this.live.set(name, this.link(name, this.ws.host.retainedDoc(name), undefined, this.liveStates));
      return;
    }
    const link = this.live.get(name);
    if (!link) return;
    link.stop();
    this.live.delete(name);
    this.liveStates.delete(name);
    this.ws.host.release(name);
    if (this.dirty.has(name)) this.schedule(500); // closed before the relay confirmed it: a round takes over
    this.emit();
  }

  /**
   * Remembers that the relay removed this member (local setting `accessRevoked`), so the data
   * service opens this workspace's docs read-only: edits would never reach anyone. Cleared when
   * the workspace doc syncs again (e.g. after a new invitation).
   */
  private noteRefusal(reason: string | null | undefined): void {
    const revoked = reason === 'member-removed' || reason === 'not-a-member' ? reason : null;
    if (revoked === null && reason !== null) return;
    if (this.ws.store.getSetting<string | null>('accessRevoked', null) !== revoked) this.ws.store.setSetting('accessRevoked', revoked);
  }

  /** Schedules a round in `ms` (an earlier schedule wins). */
  schedule(ms: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    if (this.roundTimer) {
      if (ms > 0) return;
      clearTimeout(this.roundTimer);
    }
    this.roundTimer = setTimeout(() => {
      this.roundTimer = null;
      void this.syncNow();
    }, ms);
    this.roundTimer.unref?.();
  }

  /** Runs one round now (or waits for the running one); resolves when it ends. */
  syncNow(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.round()
      .catch((err: unknown) => this.o.logger.error({ workspace: this.ws.id, err: err instanceof Error ? err.message : String(err) }, 'sync round failed'))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        const again = this.rerun;
        this.rerun = false;
        const backoff = this.roundState.state === 'refused' ? 60_000 : this.failures > 0 ? Math.min(1000 * 2 ** this.failures, 30_000) : this.o.roundIntervalMs;
        this.schedule(again ? 100 : backoff);
      });
    return this.running;
  }

  private async round(): Promise<void> {
    const localClockAtStart = this.ws.store.docs.clock();
    let remote: ChangesResponse;
    try {
      const res = await fetch(changesUrl(this.urls.http, { since: this.config.clock }), {
        headers: { authorization: authorizationHeader(this.config.token) },
        signal: AbortSignal.timeout(15_000),
      });
      if (res.status === 401 || res.status === 403) {
        const body = changesErrorSchema.safeParse(await res.json().catch(() => ({})));
        const why = body.success ? (body.data.reason ?? body.data.error) : undefined;
        this.noteRefusal(why);
        this.failures = 0;
        this.roundState = { state: 'refused', detail: why ? `access refused: ${why}` : 'access refused by the relay' };
        this.emit();
        return;
      }
      if (!res.ok) throw new Error(`relay answered HTTP ${res.status}`);
      const parsed = changesResponseSchema.safeParse(await res.json());
      if (!parsed.success) throw new Error('the relay answered with a malformed changes list');
      remote = parsed.data;
      // The relay authenticated this token, so it holds the key the token names (Workspace key card).
      recordRelayAcceptedKey(this.ws, this.config.token, Date.now());
    } catch (err) {
      this.failures++;
      this.roundState = { state: 'offline', detail: `relay not reachable (${err instanceof Error ? err.message : String(err)})` };
      this.emit();
      return;
    }
    this.roundState = { state: 'syncing', detail: null };
    // The relay accepts this member again (e.g. an admin's desktop has since uploaded their
    // member record): live links it had refused do not retry on their own, so restart them. Live
    // links waiting out a reconnect backoff (up to 30 s after a relay restart) reconnect now too:
    // the relay just answered, so waiting would only delay edits (found by the long convergence run).
    for (const [name, link] of this.live) if ((link.state === 'refused' && !this.updateRefusals.has(name)) || link.state === 'offline') link.reconnectNow();
    this.emit();
    const dirtyAtStart = new Map(this.dirty);
    const names = new Set<string>();
    for (const d of remote.docs) if (parseDocName(d.doc)?.workspaceId === this.ws.id) names.add(d.doc);
    for (const name of dirtyAtStart.keys()) names.add(name);
    // A doc whose update the relay refused is not sent again (it would only be refused again).
    const pending = [...names].filter((n) => !this.live.has(n) && !this.updateRefusals.has(n));
    let failed = 0;
    const syncNext = async (queue: string[]): Promise<void> => {
      for (let name = queue.shift(); name !== undefined && !this.stopped; name = queue.shift()) {
        if (!(await this.syncOne(name))) {
          if (!this.updateRefusals.has(name)) failed++; // a refused update is reported per doc, not retried
        }
        else if (this.dirty.get(name) === dirtyAtStart.get(name)) this.dirty.delete(name);
      }
    };
    // Case registries first: the relay stores a member's new case doc only once its registration
    // is there (case-not-registered), so a case created offline syncs in this same round.
    const registries = pending.filter((n) => parseDocName(n)?.kind === 'registry');
    if (registries.length > 0) {
      await syncNext(registries);
      for (const [name, link] of this.live) if (link.state === 'refused' && !this.updateRefusals.has(name)) link.reconnectNow();
    }
    const queue = pending.filter((n) => parseDocName(n)?.kind !== 'registry');
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, queue.length) }, () => syncNext(queue)));
    // The saved local clock may pass an edit only once the relay acknowledged it: a doc edited
    // before this round that is still dirty (its live link not yet acknowledged, or closed before
    // that) keeps the clock, so a restart finds the edit again.
    const liveBusy = [...this.liveStates.values()].some((s) => s !== 'synced' && s !== 'read-only') || [...dirtyAtStart.keys()].some((n) => this.dirty.has(n));
    if (failed === 0 && !this.stopped) {
      this.failures = 0;
      this.config = { ...this.config, clock: remote.clock, localClock: liveBusy ? this.config.localClock : localClockAtStart };
      this.ws.store.setSetting('sync', this.config);
      this.lastSyncedAt = Date.now();
      this.ws.store.setSetting('syncLastAt', this.lastSyncedAt);
      this.roundState = { state: null, detail: null };
    } else if (failed > 0) {
      this.failures++;
      if (this.roundState.state !== 'refused') this.roundState = { state: 'offline', detail: `${failed} document(s) could not be synced; retrying` };
    }
    this.emit();
  }

  private async syncOne(name: string): Promise<boolean> {
    const doc = this.ws.host.retain(name);
    const link = this.link(name, doc, undefined, this.transientStates);
    this.transient.set(name, link);
    try {
      await link.whenSynced(this.o.docTimeoutMs);
      return true;
    } catch (err) {
      this.o.logger.info({ doc: name, err: err instanceof Error ? err.message : String(err) }, 'doc not synced this round');
      return false;
    } finally {
      link.stop();
      this.transient.delete(name);
      this.transientStates.delete(name);
      this.ws.host.release(name);
    }
  }

  /** The current status. */
  status(): WorkspaceSyncStatus {
    const docs: Partial<Record<DocSyncState, number>> = {};
    const refusedStates = new Map<string, DocSyncState>([...this.updateRefusals.keys()].map((n) => [n, 'refused']));
    const all = [...this.liveStates.values(), ...this.transientStates.values(), ...refusedStates.values()];
    for (const s of all) docs[s] = (docs[s] ?? 0) + 1;
    // A doc whose local updates the relay has not yet confirmed keeps the workspace from "synced",
    // even when it has no link right now (closed before its acknowledgement, waiting for a round).
    const waiting = this.health.docs().some((n) => this.health.waiting(n).updates > 0) ? (['syncing'] as const) : [];
    const state: SyncState = overallState([...all, ...waiting, ...(this.roundState.state ? [this.roundState.state] : [])]);
    const firstRefusal = this.updateRefusals.values().next();
    const detail =
      this.roundState.state && state === overallState([this.roundState.state])
        ? this.roundState.detail
        : state === 'refused' && !firstRefusal.done
          ? `refused by the relay: ${firstRefusal.value}`
          : null;
    const live: Record<string, DocSyncState> = {};
    for (const [name, s] of this.liveStates) live[name] = s;
    const health = healthRows({
      workspaceId: this.ws.id,
      book: this.health,
      states: [this.liveStates, this.transientStates, refusedStates],
      refusals: this.updateRefusals,
      relayReachable: this.roundState.state !== 'offline' && this.liveStates.get(workspaceDocName(this.ws.id)) !== 'offline',
      caseEntry: (id) => this.ws.workspaceDoc().getCase(id),
    });
    return { workspaceId: this.ws.id, state, detail, relayUrl: this.config.relayUrl, lastSyncedAt: this.lastSyncedAt, docs, live, health, warnAfterMs: this.health.warnAfterMs };
  }

  private emit(): void {
    this.status$.emit();
  }

  private emitSoon(): void {
    this.status$.emitSoon();
  }

  /**
   * "Sync now": re-exchanges state at once with the relay for `docName`, or for every open doc and
   * every doc with something waiting, and resolves once each was proven held by the relay (or is
   * read-only), or after `timeoutMs`. A doc without a live link is synced by a round started now.
   * Asked for one doc whose update the relay refused, it lifts the refusal and tries again (the
   * member reverted the deletion, or an admin approved it); "sync all" leaves refused docs alone.
   */
  async syncNowAndConfirm(docName: string | null, timeoutMs = 20_000): Promise<{ docs: number; acked: number; lastAckAt: number | null }> {
    const names = new Set<string>(docName ? [docName] : [...this.live.keys(), ...this.health.docs().filter((n) => this.health.waiting(n).updates > 0)]);
    const waits: Promise<boolean>[] = [];
    let round = false;
    if (docName && this.updateRefusals.delete(docName)) this.emit();
    for (const name of names) {
      if (parseDocName(name)?.workspaceId !== this.ws.id || this.updateRefusals.has(name)) continue;
      const link = this.live.get(name) ?? this.transient.get(name);
      if (link?.state === 'read-only') {
        waits.push(Promise.resolve(true));
        continue;
      }
      waits.push(this.health.whenAcked(name, timeoutMs));
      if (link) link.resyncNow();
      else {
        if (!this.dirty.has(name)) this.dirty.set(name, 0);
        round = true;
      }
    }
    if (round || !docName) this.schedule(0);
    const acked = (await Promise.all(waits)).filter(Boolean).length;
    const lastAckAt = docName ? this.health.health(docName, null, true).lastAckAt : null;
    return { docs: waits.length, acked, lastAckAt };
  }

  /** Stops every link and timer; local data is untouched. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.roundTimer) clearTimeout(this.roundTimer);
    this.status$.stop();
    this.health.cancelWaits();
    for (const d of this.disposers) d();
    for (const [name, link] of this.live) {
      link.stop();
      this.ws.host.release(name);
    }
    this.live.clear();
    await this.running?.catch(() => undefined);
  }
}
