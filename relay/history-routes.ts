/**
 * The relay's history endpoints for admins (shapes in shared/protocol/relay/history.ts; docs in
 * docs/protocol.md, "History"): a doc's provenance page, its state as of a seq, and the alerts
 * raised for the workspace. Each request is authenticated like `/v1/changes`, and the member must
 * be allowed `history.view` by the workspace doc as the relay holds it now (an admin; a removed
 * or downgraded admin is refused at once), and the doc must be of the token's workspace.
 * Also the mass deletions held for an admin's decision (relay/held-deletions.ts): `GET
 * /v1/held-deletions` lists the pending ones, `POST /v1/held-deletions/decide?id=&decision=`
 * approves or rejects one.
 * And, for any member who may read a case (not only admins), `GET /v1/provenance-log` gives that
 * case doc's (or volume doc's) update log with the updates' bytes (shared/protocol/relay/provenance-log.ts): what a
 * case pack's provenance is derived from.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toBase64 } from 'lib0/buffer';
import { parseDocName, workspaceDocName } from '../shared/docs/names';
import { can } from '../shared/permissions';
import {
  ALERTS_PATH,
  HISTORY_PATH,
  HISTORY_STATE_PATH,
  parseAlertsRequest,
  parseHistoryRequest,
  parseHistoryStateRequest,
  PROVENANCE_LOG_PAGE_MAX,
  PROVENANCE_LOG_PATH,
  type HistoryPage,
  type HistoryState,
  type ProvenanceLogPage,
} from '../shared/protocol/relay';
import { authenticate } from './authenticate';
import { HELD_DELETIONS_DECIDE_PATH, HELD_DELETIONS_PATH } from './held-deletions';
import type { RouteContext } from './http-routes';

/** The paths this module answers. */
export const HISTORY_PATHS: readonly string[] = [HISTORY_PATH, HISTORY_STATE_PATH, ALERTS_PATH, HELD_DELETIONS_PATH, HELD_DELETIONS_DECIDE_PATH, PROVENANCE_LOG_PATH];

type Reply = (res: ServerResponse, status: number, body: unknown) => void;

/** Handles a GET on one of {@link HISTORY_PATHS}. */
export async function handleHistory(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RouteContext, reply: Reply): Promise<void> {
  if (req.method !== (url.pathname === HELD_DELETIONS_DECIDE_PATH ? 'POST' : 'GET')) return reply(res, 405, { error: 'method-not-allowed' });
  if (url.pathname === HELD_DELETIONS_PATH || url.pathname === HELD_DELETIONS_DECIDE_PATH) return heldDeletions(req, res, url, ctx, reply);
  if (url.pathname === PROVENANCE_LOG_PATH) return provenanceLog(req, res, url, ctx, reply);
  const q = url.searchParams;
  const parsed = url.pathname === HISTORY_PATH ? parseHistoryRequest(q) : url.pathname === HISTORY_STATE_PATH ? parseHistoryStateRequest(q) : parseAlertsRequest(q);
  if (!parsed.ok) return reply(res, 400, { error: parsed.error, message: parsed.message });
  const doc = 'doc' in parsed.request ? parsed.request.doc : null;
  const ref = doc === null ? null : parseDocName(doc);
  const auth = await authenticate(req.headers, ref?.workspaceId ?? null, ctx.storage, ctx.now());
  if (!auth.ok) return reply(res, 401, { error: 'unauthorized', reason: auth.reason });
  const wid = auth.claims.workspaceId.toLowerCase();
  const wsRoom = await ctx.hub.rooms.acquire(workspaceDocName(wid));
  try {
    if (!can(auth.claims, 'history.view', { workspace: wsRoom.workspace! })) {
      ctx.log.info({ path: url.pathname, member: auth.claims.memberId }, 'history refused');
      return reply(res, 403, { error: 'forbidden', reason: 'not-an-admin' });
    }
    if (url.pathname === ALERTS_PATH) {
      const after = (parsed.request as { after: number }).after;
      return reply(res, 200, { alerts: await ctx.storage.alerts(wid, after) });
    }
    if (!ref || ref.workspaceId.toLowerCase() !== wid) return reply(res, 403, { error: 'forbidden', reason: 'wrong-workspace' });
    if (url.pathname === HISTORY_PATH) {
      const { after, limit } = parsed.request as { after: number; limit: number };
      const entries = await ctx.storage.provenance(doc!, after, limit + 1);
      const page: HistoryPage = { doc: doc!, entries: entries.slice(0, limit), next: entries.length > limit ? entries[limit - 1]!.seq : null };
      return reply(res, 200, page);
    }
    const { seq } = parsed.request as { seq: number };
    const body: HistoryState = { doc: doc!, seq, state: toBase64(await ctx.storage.stateAt(doc!, seq)) };
    ctx.log.info({ path: url.pathname, member: auth.claims.memberId, doc, seq }, 'past state served');
    return reply(res, 200, body);
  } finally {
    ctx.hub.rooms.release(wsRoom);
  }
}

/** The held mass deletions of the token's workspace: list (GET) or decide one (POST); admins only. */
async function heldDeletions(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RouteContext, reply: Reply): Promise<void> {
  const decide = url.pathname === HELD_DELETIONS_DECIDE_PATH;
  const id = Number(url.searchParams.get('id'));
  const decision = url.searchParams.get('decision');
  if (decide && (!Number.isSafeInteger(id) || id <= 0 || (decision !== 'approve' && decision !== 'reject'))) {
    return reply(res, 400, { error: 'bad-query', message: 'id must be a request id and decision approve or reject' });
  }
  const auth = await authenticate(req.headers, null, ctx.storage, ctx.now());
  if (!auth.ok) return reply(res, 401, { error: 'unauthorized', reason: auth.reason });
  const wid = auth.claims.workspaceId.toLowerCase();
  const wsRoom = await ctx.hub.rooms.acquire(workspaceDocName(wid));
  try {
    if (!can(auth.claims, decide ? 'deletions.decide' : 'history.view', { workspace: wsRoom.workspace! })) return reply(res, 403, { error: 'forbidden', reason: 'not-an-admin' });
    if (!decide) return reply(res, 200, { held: await ctx.hub.heldDeletions.pending(wid) });
    const request = await ctx.hub.heldDeletions.decide(wid, id, decision as 'approve' | 'reject', auth.claims.memberId);
    if (!request) return reply(res, 404, { error: 'not-found', message: `no pending held deletion ${id}` });
    return reply(res, 200, { decided: request, decision });
  } finally {
    ctx.hub.rooms.release(wsRoom);
  }
}

/**
 * A page of a case doc's (or one of its volume docs') update log with the bytes, for a member the permission model lets read
 * that case (`case.read`, as the relay holds the workspace doc now): the member already receives
 * every one of these updates by syncing; the page adds who the relay authenticated for each.
 */
async function provenanceLog(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RouteContext, reply: Reply): Promise<void> {
  const parsed = parseHistoryRequest(url.searchParams);
  if (!parsed.ok) return reply(res, 400, { error: parsed.error, message: parsed.message });
  const { doc, after } = parsed.request;
  const ref = parseDocName(doc);
  // A volume doc holds part of its case's seizures and is read under the case's own permission.
  if (!ref || (ref.kind !== 'case' && ref.kind !== 'volume')) return reply(res, 400, { error: 'bad-query', message: 'doc must be a case or volume doc name' });
  const auth = await authenticate(req.headers, ref.workspaceId, ctx.storage, ctx.now());
  if (!auth.ok) return reply(res, 401, { error: 'unauthorized', reason: auth.reason });
  const wid = auth.claims.workspaceId.toLowerCase();
  if (ref.workspaceId.toLowerCase() !== wid) return reply(res, 403, { error: 'forbidden', reason: 'wrong-workspace' });
  const limit = Math.min(parsed.request.limit, PROVENANCE_LOG_PAGE_MAX);
  const wsRoom = await ctx.hub.rooms.acquire(workspaceDocName(wid));
  try {
    if (!can(auth.claims, 'case.read', { workspace: wsRoom.workspace!, caseId: ref.caseId })) {
      ctx.log.info({ path: url.pathname, member: auth.claims.memberId }, 'provenance log refused');
      return reply(res, 403, { error: 'forbidden', reason: 'no-read-access' });
    }
    const entries = await ctx.storage.provenanceUpdates(doc, after, limit + 1);
    const page: ProvenanceLogPage = { doc, entries: entries.slice(0, limit), next: entries.length > limit ? entries[limit - 1]!.seq : null };
    return reply(res, 200, page);
  } finally {
    ctx.hub.rooms.release(wsRoom);
  }
}
