/**
 * Test helpers for the relay: spawn the real relay process (node + tsx, one process, so
 * `kill -9` hits the relay itself) on 127.0.0.1 port 0 with a temp data folder, run its CLI,
 * make a workspace with keys and tokens, and connect stock y-websocket clients (disableBc).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { MemberRole } from '../../shared/domain/codes';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { workspaceDocName } from '../../shared/docs/names';
import { generateWorkspaceKey, type WorkspaceKeyPair } from '../../shared/auth/keys';
import { signInvitation } from '../../shared/auth/tokens';
import { authorizationHeader } from '../../shared/auth/bearer';
import { webSocketWithToken } from '../../relay/client';
import { tempDir as sharedTempDir } from '../helpers/temp-dir';

// Every y-websocket provider adds a process 'exit' listener; tests open dozens.
process.setMaxListeners(200);

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'relay/cli.ts');

/** A spawned relay process. */
export interface RelayProcess {
  url: string;
  httpUrl: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** Everything the relay wrote on stderr (its JSON logs). */
  stderr: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit. */
  kill9(): Promise<void>;
}

/** A fresh temp folder, removed after the test file (test/helpers/temp-dir.ts). */
export function tempDir(prefix = 'nest-relay-'): string {
  return sharedTempDir(prefix);
}

/** Spawns `relay/cli.ts serve --port 0` and resolves once it prints its URL. */
export async function spawnRelay(opts: { dataDir?: string; args?: string[]; env?: Record<string, string>; caseRegistration?: 'required' | 'off' } = {}): Promise<RelayProcess> {
  const dataDir = opts.dataDir ?? tempDir();
  // Tests written before case registries connect investigators to unindexed case docs: they run with
  // registration off unless they ask for it (test/relay/case-registration.test.ts does).
  const registration = ['--case-registration', opts.caseRegistration ?? 'off'];
  const proc = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, ...registration, ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, NEST_LOG_LEVEL: 'debug', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${err.slice(-2000)}`)), 90_000);
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (ws:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}: ${err.slice(-2000)}`));
    });
  });
  const port = Number(new URL(url).port);
  return {
    url,
    httpUrl: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    proc,
    stderr: () => err,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
    async kill9() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs the relay CLI with `args`; resolves with stdout. */
export async function runCli(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env: { ...process.env, NEST_LOG_LEVEL: 'silent' } });
  return stdout;
}

/** Waits until `cond()` is true (polling every 20 ms), or fails after `timeoutMs` with `what`. */
export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A member to sign tokens for. */
export interface TestMember {
  id: string;
  name: string;
  agency: string;
  role: MemberRole;
}

/** A workspace: id, key pair and a token factory. */
export interface TestWorkspace {
  id: string;
  key: WorkspaceKeyPair;
  admin: TestMember;
  /** A token for `m` (default: valid for an hour). */
  token(m: TestMember, opts?: { expiresAt?: number; key?: WorkspaceKeyPair; workspaceId?: string }): Promise<string>;
}

/** Makes a workspace id, key pair and admin member (nothing is registered anywhere). */
export async function makeWorkspace(): Promise<TestWorkspace> {
  const id = randomUUID();
  const key = await generateWorkspaceKey();
  const admin: TestMember = { id: randomUUID(), name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' };
  return {
    id,
    key,
    admin,
    token: (m, opts = {}) =>
      signInvitation((opts.key ?? key).privateJwk, {
        memberId: m.id,
        workspaceId: opts.workspaceId ?? id,
        name: m.name,
        agency: m.agency,
        role: m.role,
        expiresAt: opts.expiresAt ?? Date.now() + 3_600_000,
      }),
  };
}

/** A member with a random id. */
export function member(role: MemberRole, agency = 'Customs', name = `${role} ${Math.random().toString(36).slice(2, 6)}`): TestMember {
  return { id: randomUUID(), name, agency, role };
}

/** A connected stock y-websocket client. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the client saw, in order. */
  closeCodes: number[];
  /** Reasons of auth "permission denied" messages received. */
  denied: string[];
  /** Resolves once the first sync with the relay completed. */
  synced: Promise<void>;
  destroy(): void;
}

/** Connects a stock y-websocket client (WebSocketPolyfill adding the header, disableBc). */
export function connect(relayUrl: string, docName: string, token: string, opts: { doc?: Y.Doc } = {}): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(relayUrl, docName, doc, {
    WebSocketPolyfill: webSocketWithToken(token),
    disableBc: true,
    maxBackoffTime: 500,
  });
  const closeCodes: number[] = [];
  const denied: string[] = [];
  // Record "permission denied" instead of the stock console.warn.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    // auth message: varUint 0 (permission denied), varString reason
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder));
  };
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  provider.on('connection-error', () => undefined);
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (s: boolean) => s && resolve());
  });
  return {
    doc,
    provider,
    closeCodes,
    denied,
    synced,
    destroy: () => {
      provider.destroy();
    },
  };
}

/**
 * Tries a WebSocket upgrade to `docName` with `token` (or no header) and resolves with the HTTP
 * status: 101 when accepted (the socket is closed again), else the refusal status and body.
 */
export function tryUpgrade(relayUrl: string, docName: string, token: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${relayUrl}/${docName}`, token === null ? {} : { headers: { authorization: authorizationHeader(token) } });
    ws.on('open', () => {
      ws.close();
      resolve({ status: 101, body: '' });
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: body.trim() }));
    });
    ws.on('error', (err) => {
      if (!String(err.message).startsWith('Unexpected server response')) reject(err);
    });
  });
}

/** Registers the workspace's public key with a relay's data folder through the CLI. */
export async function registerWorkspace(relay: { dataDir: string }, ws: TestWorkspace, key: WorkspaceKeyPair = ws.key): Promise<void> {
  await runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', ws.id, '--public-key', JSON.stringify(key.publicJwk)]);
}

/**
 * Uploads the workspace doc as its admin (init + `members`), and waits until a second client
 * reads every member back from the relay.
 */
export async function setUpWorkspaceDoc(relayUrl: string, ws: TestWorkspace, members: TestMember[]): Promise<TestClient> {
  const token = await ws.token(ws.admin);
  const admin = connect(relayUrl, workspaceDocName(ws.id), token);
  await admin.synced;
  const wd = new WorkspaceDoc(admin.doc);
  const w = { memberId: ws.admin.id };
  wd.init({ id: ws.id, name: 'Task force', casePrefix: 'NEST', reportingCurrency: 'USD' }, { ...ws.admin, joinedAt: Date.now() }, w);
  for (const m of members) wd.upsertMember({ ...m, joinedAt: Date.now() }, w);
  await readBack(relayUrl, workspaceDocName(ws.id), token, (d) => members.every((m) => new WorkspaceDoc(d).getMember(m.id) !== null));
  return admin;
}

/** Opens a fresh client on `docName` and waits until its doc satisfies `check`; then closes it. */
export async function readBack(relayUrl: string, docName: string, token: string, check: (doc: Y.Doc) => boolean, what = `${docName} to read back`): Promise<Y.Doc> {
  const c = connect(relayUrl, docName, token);
  try {
    await waitFor(() => c.provider.synced && check(c.doc), what);
    return c.doc;
  } finally {
    c.destroy();
  }
}

/** GET an HTTP path of the relay, with an optional token. */
export async function httpGet(relay: RelayProcess, pathAndQuery: string, token?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${relay.httpUrl}${pathAndQuery}`, { headers: token ? { authorization: authorizationHeader(token) } : {} });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

/** A client sync step 1 with an empty state vector: the relay answers (a reply) with the whole doc. */
export function emptyStep1(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  return encoding.toUint8Array(e);
}
