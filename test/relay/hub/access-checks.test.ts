/**
 * The relay's access checks (relay/hub/access-checks.ts) in process, over the hub's real parts:
 * a real Connections and RoomRegistry on a real SqliteRelayStorage, a workspace doc written
 * through its typed view, and a clock the test moves. Only the socket is a small recording one
 * (what was sent, how it was closed). These replace the child-process relay tests
 * (test/relay/relay-auth.test.ts) for mutation testing (issue 16): a mutant of the start-up,
 * expiry or key sweep fails here within a second instead of hanging a spawned relay.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { generateWorkspaceKey } from '../../../shared/auth/keys';
import type { InvitationClaims } from '../../../shared/auth/tokens';
import type { MemberRole } from '../../../shared/domain/codes';
import type { Member } from '../../../shared/domain/member';
import { caseDocName, parseDocName, workspaceDocName } from '../../../shared/docs/names';
import { WorkspaceDoc } from '../../../shared/docs/workspace-doc';
import { CLOSE, decodeClientMessage, decodeRelayMessage, encodeSyncStep2, encodeUpdate, READ_ONLY_REASON, type ClientMessage, type RelayMessage } from '../../../shared/protocol/relay';
import { Connection } from '../../../relay/connection';
import { AccessChecks } from '../../../relay/hub/access-checks';
import { Connections } from '../../../relay/hub/connections';
import { newCounters, type HubCounters } from '../../../relay/hub/options';
import type { Tick } from '../../../relay/hub/scheduler';
import type { Room } from '../../../relay/room';
import { RoomRegistry } from '../../../relay/rooms';
import { SqliteRelayStorage } from '../../../relay/storage/sqlite-relay-storage';
import { tempDir } from '../../helpers/temp-dir';

const WID = '6f1c2c8e-1d7a-4e8b-9c3f-2a5b7d9e0f11';
const CASE = '0b7e5d3c-4a2f-4c1e-8d9b-1f2e3d4c5b6a';
const T0 = 1_800_000_000_000;
const admin: Member = { id: 'admin-1', name: 'Ada', agency: 'NEST Secretariat', role: 'admin', joinedAt: 1 };
const inv: Member = { id: 'inv-1', name: 'Ivan', agency: 'Customs', role: 'investigator', joinedAt: 1 };
const obs: Member = { id: 'obs-1', name: 'Olga', agency: 'WWF', role: 'observer', joinedAt: 1 };
const w = { memberId: admin.id, now: () => 1_000 };

/** The relay end of a connection: records what the hub sent and how it closed the socket. */
class RecordingSocket extends EventEmitter {
  readonly bufferedAmount = 0;
  readonly sent: RelayMessage[] = [];
  closedWith: { code: number; reason: string } | null = null;
  send(data: Uint8Array): void {
    this.sent.push(decodeRelayMessage(data));
  }
  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
  }
  pause(): void {}
  resume(): void {}
}

/** Log lines as objects (pino JSON), to check what an operator is told. */
interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

interface Fixture {
  storage: SqliteRelayStorage;
  rooms: RoomRegistry;
  connections: Connections;
  checks: AccessChecks;
  counters: HubCounters;
  logs: LogLine[];
  kids: [string, string];
  clock: { now: number };
  /** Opens a connection of `member` (claims expiring at `expiresAt`, signed by `kid`) to doc `name`, as Hub.attach does. */
  open(member: Member, name: string, opts?: { expiresAt?: number; kid?: string }): Promise<{ conn: Connection; socket: RecordingSocket }>;
}

let fx: Fixture;
const toClose: (() => Promise<void> | void)[] = [];

async function fixture(opts: { keyCheckMs?: number; keyStorage?: SqliteRelayStorage } = {}): Promise<Fixture> {
  const dir = tempDir('nest-access-checks-');
  const storage = SqliteRelayStorage.open(path.join(dir, 'relay.sqlite'));
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const log = pino({ level: 'info' }, sink);
  const clock = { now: T0 };
  const ws = new WorkspaceDoc(new Y.Doc());
  ws.init({ id: WID, name: 'TF', casePrefix: 'NEST', reportingCurrency: 'USD' }, admin, w);
  ws.upsertMember(inv, w);
  ws.upsertMember(obs, w);
  await storage.append(workspaceDocName(WID), Y.encodeStateAsUpdate(ws.doc), admin.id);
  const kA = await generateWorkspaceKey();
  const kB = await generateWorkspaceKey();
  await storage.addWorkspaceKey(WID, kA.publicJwk);
  await storage.addWorkspaceKey(WID, kB.publicJwk);
  // The rooms report doc updates to the hub; these tests change the workspace doc directly and call the checks themselves.
  const rooms = new RoomRegistry(storage, { onDocUpdate: () => {}, onAwarenessUpdate: () => {} }, { idleUnloadMs: 3_600_000, compactThreshold: 500 }, log);
  let checks: AccessChecks | null = null;
  const connections = new Connections({ maxBufferedBytes: 1 << 26, rooms, log, onForget: (c) => checks!.forget(c) });
  const counters = newCounters();
  checks = new AccessChecks({ storage: opts.keyStorage ?? storage, connections, counters, log, keyCheckMs: opts.keyCheckMs ?? 3_600_000, now: () => clock.now });
  const made = checks;
  toClose.push(async () => {
    made.stop();
    for (const c of connections.all()) connections.close(c, 'shutting-down');
    await rooms.unloadAll();
    await storage.close();
  });
  return {
    storage, rooms, connections, checks, counters, logs, kids: [kA.kid, kB.kid], clock,
    async open(member, name, o = {}) {
      const ref = parseDocName(name)!;
      const wsRoom = await rooms.acquire(workspaceDocName(WID));
      const room = await rooms.acquire(name);
      const claims: InvitationClaims = { memberId: member.id, workspaceId: WID, name: member.name, agency: member.agency, role: member.role, issuedAt: T0 - 1000, expiresAt: o.expiresAt ?? T0 + 86_400_000 };
      const d = made.decide(wsRoom, ref, claims);
      if (!d.ok) throw new Error(`refused: ${d.reason}`);
      const socket = new RecordingSocket();
      const conn = new Connection({ socket: socket as unknown as WebSocket, room, workspaceRoom: wsRoom, claims, kid: o.kid ?? kA.kid, member: d.member, access: d.access });
      connections.add(conn);
      made.admit(conn);
      return { conn, socket };
    },
  };
}

afterEach(async () => {
  for (const f of toClose.splice(0).reverse()) await f();
});

const readOnly: RelayMessage = { kind: 'permission-denied', reason: READ_ONLY_REASON };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits (real time, at most 3 s) until `cond` holds. */
async function waitFor(cond: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 3000;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function newTick(): Tick {
  return { appends: [], appendRooms: [], deliveries: [], replies: 0, changedWorkspaces: new Set(), served: new Set(), messages: 0, startedAt: 0 };
}

/** The relay messages a tick would deliver to `conn`. */
function deliveredTo(tick: Tick, conn: Connection): RelayMessage[] {
  return tick.deliveries.flatMap((d) => ('to' in d && d.to === conn ? [decodeRelayMessage(d.data)] : []));
}

/** A client update that adds one map entry. */
function contentUpdate(): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set('k', 1);
  return Y.encodeStateAsUpdate(d);
}

function writeMsg(m: ClientMessage): Extract<ClientMessage, { kind: 'sync-step2' | 'sync-update' }> {
  if (m.kind !== 'sync-step2' && m.kind !== 'sync-update') throw new Error(m.kind);
  return m;
}

const workspaceOf = (room: Room<Connection>): WorkspaceDoc => room.workspace!;
const withRole = (m: Member, role: MemberRole): Member => ({ ...m, role });
const caseName = caseDocName(WID, CASE);

describe('admitting a connection', () => {
  beforeEach(async () => {
    fx = await fixture();
  });

  it('decides from the workspace doc as it is now', async () => {
    const wsRoom = await fx.rooms.acquire(workspaceDocName(WID));
    const claims = (m: Member): InvitationClaims => ({ memberId: m.id, workspaceId: WID, name: m.name, agency: m.agency, role: m.role, issuedAt: 0, expiresAt: T0 + 1 });
    const ref = parseDocName(caseName)!;
    expect(fx.checks.decide(wsRoom, ref, claims(inv))).toEqual({ ok: true, access: 'write', member: { memberId: inv.id, role: 'investigator', agency: 'Customs' } });
    expect(fx.checks.decide(wsRoom, ref, claims(obs))).toMatchObject({ ok: true, access: 'read' });
    expect(fx.checks.decide(wsRoom, ref, claims({ ...inv, id: 'stranger' }))).toEqual({ ok: false, reason: 'not-a-member' });
    fx.rooms.release(wsRoom);
  });

  it('tells a read-only connection so at once, and a writer nothing', async () => {
    const o = await fx.open(obs, caseName);
    const i = await fx.open(inv, caseName);
    const r = await fx.open(inv, workspaceDocName(WID)); // a non-admin only reads the workspace doc
    expect([o.conn.access, i.conn.access, r.conn.access]).toEqual(['read', 'write', 'read']);
    expect(o.socket.sent).toEqual([readOnly]);
    expect(i.socket.sent).toEqual([]);
    expect(r.socket.sent).toEqual([readOnly]);
    expect([o.socket.closedWith, i.socket.closedWith, r.socket.closedWith]).toEqual([null, null, null]);
  });
});

describe('token expiry', () => {
  beforeEach(async () => {
    fx = await fixture();
  });

  it('a token that expires now or earlier closes the connection at once (4401)', async () => {
    const now = await fx.open(inv, caseName, { expiresAt: T0 });
    const past = await fx.open(obs, caseName, { expiresAt: T0 - 1 });
    for (const { conn, socket } of [now, past]) {
      expect(socket.closedWith).toEqual({ code: CLOSE.UNAUTHORIZED, reason: 'token-expired' });
      expect(conn.closed).toBe(true);
    }
    expect(fx.connections.count).toBe(0);
    expect(fx.logs.filter((l) => l.msg === 'token expired: connection closed').map((l) => [l.conn, l.doc, l.member])).toEqual([
      [now.conn.id, caseName, inv.id],
      [past.conn.id, caseName, obs.id],
    ]);
  });

  it('stays open until the clock reaches the expiry, however often its timer fires, then closes', async () => {
    const { conn, socket } = await fx.open(inv, caseName, { expiresAt: T0 + 15 });
    expect(socket.closedWith).toBeNull();
    await sleep(60); // the timer fired (15 ms), but the relay's clock has not moved: re-armed
    expect(socket.closedWith).toBeNull();
    expect(conn.expiryTimer).not.toBeNull();
    fx.clock.now = T0 + 15;
    await waitFor(() => socket.closedWith !== null, 'the expiry');
    expect(socket.closedWith).toEqual({ code: CLOSE.UNAUTHORIZED, reason: 'token-expired' });
  });

  it('a far expiry (past setTimeout’s 2^31−1 ms) waits, without overflowing the timer', async () => {
    const warnings: string[] = [];
    const onWarning = (wn: Error): void => void warnings.push(wn.name);
    process.on('warning', onWarning);
    try {
      const { socket } = await fx.open(inv, caseName, { expiresAt: T0 + 2 ** 33 });
      await sleep(30);
      expect(socket.closedWith).toBeNull();
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('a connection closed for another reason forgets its expiry', async () => {
    const { conn, socket } = await fx.open(inv, caseName, { expiresAt: T0 + 10 });
    fx.connections.close(conn, 'shutting-down');
    expect(socket.closedWith).toEqual({ code: CLOSE.GOING_AWAY, reason: 'shutting-down' });
    fx.clock.now = T0 + 10_000;
    await sleep(60);
    expect(fx.logs.filter((l) => l.msg === 'token expired: connection closed')).toEqual([]);
  });
});

describe('writes from a read-only connection', () => {
  let o: { conn: Connection; socket: RecordingSocket };
  beforeEach(async () => {
    fx = await fixture();
    o = await fx.open(obs, caseName);
  });

  it('are dropped, counted, and answered at most once a second', () => {
    const t1 = newTick();
    expect(fx.checks.dropReadOnly(o.conn, writeMsg(decodeClientMessage(encodeUpdate(contentUpdate()))), t1)).toBeNull();
    expect(fx.counters.readOnlyDropped).toBe(1);
    expect(deliveredTo(t1, o.conn)).toEqual([readOnly]);
    expect(o.conn.lastReadOnlyNotice).toBe(T0);
    fx.clock.now = T0 + 999;
    const t2 = newTick();
    expect(fx.checks.dropReadOnly(o.conn, writeMsg(decodeClientMessage(encodeUpdate(contentUpdate()))), t2)).toBeNull();
    expect(fx.counters.readOnlyDropped).toBe(2);
    expect(t2.deliveries).toEqual([]);
    fx.clock.now = T0 + 1000;
    const t3 = newTick();
    fx.checks.dropReadOnly(o.conn, writeMsg(decodeClientMessage(encodeUpdate(contentUpdate()))), t3);
    expect(fx.counters.readOnlyDropped).toBe(3);
    expect(deliveredTo(t3, o.conn)).toEqual([readOnly]);
    expect(o.conn.lastReadOnlyNotice).toBe(T0 + 1000);
    // Nothing reached the doc.
    expect(o.conn.room.doc.getMap('m').size).toBe(0);
  });

  it('a sync step 2 that adds nothing is no write; one that adds content is', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    const t1 = newTick();
    expect(fx.checks.dropReadOnly(o.conn, writeMsg(decodeClientMessage(encodeSyncStep2(new Y.Doc(), Y.encodeStateVector(new Y.Doc())))), t1)).toBeNull();
    expect(fx.checks.dropReadOnly(o.conn, { kind: 'sync-step2', update: empty }, t1)).toBeNull();
    expect(fx.counters.readOnlyDropped).toBe(0);
    expect(t1.deliveries).toEqual([]);
    // A sync update is a write attempt whatever it holds (it is not decoded).
    const t2 = newTick();
    expect(fx.checks.dropReadOnly(o.conn, { kind: 'sync-update', update: empty }, t2)).toBeNull();
    expect(fx.counters.readOnlyDropped).toBe(1);
    expect(deliveredTo(t2, o.conn)).toEqual([readOnly]);
    const t3 = newTick();
    fx.clock.now = T0 + 5000;
    expect(fx.checks.dropReadOnly(o.conn, { kind: 'sync-step2', update: contentUpdate() }, t3)).toBeNull();
    expect(fx.counters.readOnlyDropped).toBe(2);
    expect(deliveredTo(t3, o.conn)).toEqual([readOnly]);
  });

  it('a sync step 2 that does not decode is a bad update (the caller closes with 4400)', () => {
    const tick = newTick();
    expect(fx.checks.dropReadOnly(o.conn, { kind: 'sync-step2', update: Uint8Array.of(255, 255, 255, 255, 255) }, tick)).toBe('bad-update');
    expect(fx.counters.readOnlyDropped).toBe(0);
    expect(tick.deliveries).toEqual([]);
  });
});

describe('workspace doc changes', () => {
  let admin1: { conn: Connection; socket: RecordingSocket };
  let i: { conn: Connection; socket: RecordingSocket };
  let o: { conn: Connection; socket: RecordingSocket };
  let wsRoom: Room<Connection>;
  beforeEach(async () => {
    fx = await fixture();
    admin1 = await fx.open(admin, workspaceDocName(WID));
    i = await fx.open(inv, caseName);
    o = await fx.open(obs, caseName);
    wsRoom = i.conn.workspaceRoom;
    o.socket.sent.length = 0; // the read-only notice of admit
  });
  const changed = (l: LogLine) => l.msg === 'access changed' || l.msg === 'access revoked';

  it('restrict: a demoted member is read-only at once, told so, and their member record updated', () => {
    workspaceOf(wsRoom).upsertMember(withRole(inv, 'observer'), w);
    fx.checks.restrictWorkspace(WID);
    expect(i.conn.access).toBe('read');
    expect(i.conn.member).toEqual({ memberId: inv.id, role: 'observer', agency: 'Customs' });
    expect(i.socket.sent).toEqual([readOnly]);
    expect([admin1.socket.sent, o.socket.sent]).toEqual([[], []]); // unchanged: nothing said
    expect(fx.logs.filter(changed).map((l) => [l.msg, l.conn, l.doc, l.member, l.access])).toEqual([['access changed', i.conn.id, caseName, inv.id, 'read']]);
    // The later recheck (once stored) finds nothing more to do.
    fx.checks.recheckWorkspace(WID);
    expect(i.socket.sent).toEqual([readOnly]);
    expect(fx.logs.filter(changed)).toHaveLength(1);
  });

  it('restrict: a removed member is closed at once (4403 with the reason), the others stay', () => {
    workspaceOf(wsRoom).removeMember(inv.id, w);
    fx.checks.restrictWorkspace(WID);
    expect(i.socket.closedWith).toEqual({ code: CLOSE.FORBIDDEN, reason: 'member-removed' });
    expect([admin1.socket.closedWith, o.socket.closedWith]).toEqual([null, null]);
    expect(fx.connections.inWorkspace(WID)).toEqual([admin1.conn, o.conn]);
    expect(fx.logs.filter(changed).map((l) => [l.msg, l.conn, l.doc, l.member, l.reason])).toEqual([['access revoked', i.conn.id, caseName, inv.id, 'member-removed']]);
  });

  it('restrict grants nothing; the recheck once stored does: write access and a sync step 1 to collect what was held back', () => {
    workspaceOf(wsRoom).upsertMember(withRole(obs, 'investigator'), w);
    fx.checks.restrictWorkspace(WID);
    expect(o.conn.access).toBe('read');
    expect(o.conn.member.role).toBe('observer');
    expect(o.socket.sent).toEqual([]);
    fx.checks.recheckWorkspace(WID);
    expect(o.conn.access).toBe('write');
    expect(o.conn.member).toEqual({ memberId: obs.id, role: 'investigator', agency: 'WWF' });
    expect(o.socket.sent.map((m) => m.kind)).toEqual(['sync-step1']);
    expect([admin1.socket.sent, i.socket.sent]).toEqual([[], []]);
    expect(fx.logs.filter(changed).map((l) => [l.msg, l.conn, l.doc, l.member, l.access])).toEqual([['access changed', o.conn.id, caseName, obs.id, 'write']]);
  });

  it('recheck: a demotion it is the first to see makes the connection read-only and tells it', () => {
    workspaceOf(wsRoom).upsertMember(withRole(inv, 'observer'), w);
    fx.checks.recheckWorkspace(WID);
    expect(i.conn.access).toBe('read');
    expect(i.conn.member.role).toBe('observer');
    expect(i.socket.sent).toEqual([readOnly]);
    expect(o.socket.sent).toEqual([]);
  });

  it('recheck: a removal it is the first to see closes the connection (4403) and goes on with the rest', () => {
    workspaceOf(wsRoom).removeMember(inv.id, w);
    workspaceOf(wsRoom).upsertMember(withRole(obs, 'investigator'), w);
    fx.checks.recheckWorkspace(WID);
    expect(i.socket.closedWith).toEqual({ code: CLOSE.FORBIDDEN, reason: 'member-removed' });
    expect(o.conn.access).toBe('write');
    expect(fx.logs.filter(changed).map((l) => [l.msg, l.member, l.reason ?? l.access])).toEqual([
      ['access revoked', inv.id, 'member-removed'],
      ['access changed', obs.id, 'write'],
    ]);
  });

  it('recheck: a change that keeps the access updates the member record and says nothing', () => {
    workspaceOf(wsRoom).upsertMember({ ...inv, agency: 'Police' }, w);
    fx.checks.recheckWorkspace(WID);
    fx.checks.restrictWorkspace(WID);
    expect(i.conn.access).toBe('write');
    expect(i.conn.member).toEqual({ memberId: inv.id, role: 'investigator', agency: 'Police' });
    expect([admin1.socket.sent, i.socket.sent, o.socket.sent]).toEqual([[], [], []]);
    expect(fx.logs.filter(changed)).toEqual([]);
  });
});

describe('signing keys', () => {
  it('a removed key closes the connections it signed (4401) at the next sweep; the others stay', async () => {
    fx = await fixture({ keyCheckMs: 10 });
    const a = await fx.open(inv, caseName, { kid: fx.kids[0] });
    const b = await fx.open(obs, caseName, { kid: fx.kids[1] });
    await sleep(40); // sweeps with both keys present close nothing
    expect([a.socket.closedWith, b.socket.closedWith]).toEqual([null, null]);
    expect(await fx.storage.removeWorkspaceKey(WID, fx.kids[0])).toBe(true);
    await waitFor(() => a.socket.closedWith !== null, 'the key sweep');
    expect(a.socket.closedWith).toEqual({ code: CLOSE.UNAUTHORIZED, reason: 'key-removed' });
    expect(b.socket.closedWith).toBeNull();
    expect(fx.logs.filter((l) => l.msg === 'signing key removed: connection closed').map((l) => [l.conn, l.doc, l.member])).toEqual([[a.conn.id, caseName, inv.id]]);
  });

  it('stop() ends the sweep', async () => {
    fx = await fixture({ keyCheckMs: 10 });
    const a = await fx.open(inv, caseName, { kid: fx.kids[0] });
    fx.checks.stop();
    await fx.storage.removeWorkspaceKey(WID, fx.kids[0]);
    await sleep(60);
    expect(a.socket.closedWith).toBeNull();
  });

  it('when the keys cannot be read, the sweep logs it and closes nothing', async () => {
    const broken = SqliteRelayStorage.open(path.join(tempDir('nest-access-keys-'), 'relay.sqlite'));
    await broken.close();
    fx = await fixture({ keyCheckMs: 10, keyStorage: broken });
    const a = await fx.open(inv, caseName);
    await waitFor(() => fx.logs.some((l) => l.msg === 'reading workspace keys failed'), 'the failed sweep');
    await sleep(30);
    expect(a.socket.closedWith).toBeNull();
    const line = fx.logs.find((l) => l.msg === 'reading workspace keys failed')!;
    expect(line.level).toBe(50); // error
    expect(typeof line.err).toBe('string');
    expect(line.err).not.toBe('');
  });
});
