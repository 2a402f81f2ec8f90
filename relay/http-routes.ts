/**
 * The relay's HTTP endpoints (everything that is not a WebSocket upgrade):
 *
 * - `GET /health` (no auth): `{ status: "ok" | "degraded", uptimeS, docsLoaded, docsStored, connections,
 *   storage: "ok" | "down", storageEncrypted, redis: "ready" | "down" | "off", blobs: "ok" | "down" | "off", limits }`
 *   (storageEncrypted: relay.sqlite is encrypted with --key-file; limits: relay/hub/limits.ts, or null).
 *   "degraded" for a minute after storage failed, while storage or the blob store does not answer,
 *   or while Redis is down. Nothing sensitive.
 * - `GET /v1/changes?since=<clock>[&workspace=<id>]` (header `Authorization: Bearer <token>`;
 *   request and response declared in shared/protocol/relay/changes.ts): the docs of the token's workspace that the member may read and that changed after `clock`:
 *   `{ clock, docs: [{ doc, lastSeq }] }`, oldest change first. Pass `clock` as `since` next time
 *   (0 the first time). `workspace`, optional, must be the token's (it lets a proxy route by
 *   workspace). Errors: 400 bad `since` or `workspace`, 401 bad token, 403 not (or no longer) a member.
 * - `GET /v1/history`, `/v1/history/state`, `/v1/alerts` (admins): relay/history-routes.ts.
 * - `/v1/blobs/…` (files of a case, by hash): relay/blobs/blob-routes.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../node/log';
import { parseDocName, workspaceDocName } from '../shared/docs/names';
import { CHANGES_PATH, parseChangesRequest, type ChangesResponse } from '../shared/protocol/relay';
import { decideAccess } from './access';
import { authenticate } from './authenticate';
import { registryFor } from './registration';
import { needsRegistry, type RegistryFacts } from '../shared/permissions';
import type { Hub } from './hub/hub';
import { handleHistory, HISTORY_PATHS } from './history-routes';
import { handleBlobs, isBlobPath } from './blobs/blob-routes';
import type { BlobStore } from '../node/blobs/blob-store';
import { errorName } from './rooms';
import type { RelayStorage } from './storage/relay-storage';
import type { Fanout } from './fanout/fanout';
import type { AdmissionLimits } from './hub/limits';

/** What the routes need. */
export interface RouteContext {
  storage: RelayStorage;
  hub: Hub;
  log: Logger;
  startedAt: number;
  now: () => number;
  /** `required`: a non-admin's list leaves out case docs neither indexed nor in their registry. */
  caseRegistration: 'required' | 'off';
  /** The fan-out to other relay processes, or null (a single process). */
  fanout?: Fanout | null;
  /** The admission limits, reported as they are (null: none). */
  limits?: AdmissionLimits | null;
  /** The blob store of the blob endpoint (relay/blobs/); absent: the endpoint answers 404. */
  blobs?: BlobStore;
}

/** Handles one HTTP request. */
export async function handleHttp(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://relay');
  try {
    if (url.pathname === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { error: 'method-not-allowed' });
      const s = ctx.hub.stats();
      const docsStored = await ctx.storage.docCount().catch(() => null);
      const redis = ctx.fanout ? ctx.fanout.state() : 'off';
      const blobs = ctx.blobs ? await ctx.blobs.ping().then(() => 'ok' as const, () => 'down' as const) : 'off';
      const degraded = (s.lastStorageErrorAt !== null && ctx.now() - s.lastStorageErrorAt < 60_000) || docsStored === null || redis === 'down' || blobs === 'down';
      return reply(res, 200, {
        status: degraded ? 'degraded' : 'ok',
        uptimeS: Math.round((ctx.now() - ctx.startedAt) / 1000),
        docsLoaded: s.docsLoaded,
        docsStored,
        connections: s.connections,
        storage: docsStored === null ? 'down' : 'ok',
        storageEncrypted: ctx.storage.encrypted === true,
        redis,
        blobs,
        limits: ctx.limits ?? null,
      });
    }
    if (url.pathname === CHANGES_PATH) {
      if (req.method !== 'GET') return reply(res, 405, { error: 'method-not-allowed' });
      return await changes(req, res, url, ctx);
    }
    if (HISTORY_PATHS.includes(url.pathname)) return await handleHistory(req, res, url, ctx, reply);
    if (ctx.blobs && isBlobPath(url.pathname)) return await handleBlobs(req, res, url, ctx, ctx.blobs, reply);
    return reply(res, 404, { error: 'not-found' });
  } catch (err) {
    ctx.log.error({ path: url.pathname, err: errorName(err) }, 'http request failed');
    return reply(res, 500, { error: 'internal' });
  }
}

async function changes(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RouteContext): Promise<void> {
  const parsed = parseChangesRequest(url.searchParams);
  if (!parsed.ok) return reply(res, 400, { error: parsed.error, message: parsed.message });
  const { since, workspace: asked } = parsed.request;
  const auth = await authenticate(req.headers, asked ?? null, ctx.storage, ctx.now());
  if (!auth.ok) {
    ctx.log.info({ path: url.pathname, reason: auth.reason }, 'refused');
    return reply(res, 401, { error: 'unauthorized', reason: auth.reason });
  }
  const wid = auth.claims.workspaceId.toLowerCase();
  const wsRoom = await ctx.hub.rooms.acquire(workspaceDocName(wid));
  try {
    const ws = wsRoom.workspace!;
    const self = decideAccess(ws, wsRoom.ref, auth.claims);
    if (!self.ok) {
      ctx.log.info({ path: url.pathname, member: auth.claims.memberId, reason: self.reason }, 'refused');
      return reply(res, 403, { error: 'forbidden', reason: self.reason });
    }
    const page = await ctx.storage.changedSince(since, `${wid}/`);
    const docs: ChangesResponse['docs'] = [];
    // A non-admin's list leaves out case docs registered nowhere they could open (see relay/registration.ts).
    let registry: RegistryFacts | undefined;
    for (const h of page.heads) {
      const ref = parseDocName(h.docName);
      if (!ref) continue;
      if (!registry && ctx.caseRegistration === 'required' && needsRegistry(auth.claims, ref, ws)) registry = await registryFor(ctx.hub.rooms, ws, ref, auth.claims);
      if (decideAccess(ws, ref, auth.claims, registry).ok) docs.push({ doc: h.docName, lastSeq: h.lastSeq });
    }
    const body: ChangesResponse = { clock: page.clock, docs };
    return reply(res, 200, body);
  } finally {
    ctx.hub.rooms.release(wsRoom);
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}
