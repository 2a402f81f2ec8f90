/**
 * The relay's changes endpoint, `GET /v1/changes?since=<clock>[&workspace=<id>]` with the member
 * token in `Authorization: Bearer <token>`: the docs of the token's workspace that the member may
 * read and that changed after `clock`, oldest change first. Declared once here: the relay
 * (relay/http-routes.ts) answers with {@link ChangesResponse}, the desktop's sync engine builds
 * the URL with {@link changesUrl} and checks the answer with {@link changesResponseSchema}.
 * Isomorphic (zod).
 */
import { z } from 'zod';
import { idSchema } from '../../domain/fields';

/** The endpoint's path. */
export const CHANGES_PATH = '/v1/changes';

/** The largest `since` accepted: 15 decimal digits (below 2^53, so it stays exact in JSON). */
const SINCE_PATTERN = /^\d{1,15}$/;

/** The query of a changes request. */
export interface ChangesRequest {
  /** The `clock` of the previous answer, or 0 the first time. */
  since: number;
  /** Optional; must be the token's workspace (it lets a proxy route by workspace). */
  workspace?: string;
}

/** The response body of `GET /v1/changes` (status 200). */
export const changesResponseSchema = z.object({
  /** The relay's clock: pass it as `since` next time. */
  clock: z.number().int().nonnegative(),
  /** Changed docs the member may read: doc name and the seq of its latest stored update. */
  docs: z.array(z.object({ doc: z.string().min(1), lastSeq: z.number().int().nonnegative() })),
});

/** The response body of `GET /v1/changes`. */
export type ChangesResponse = z.infer<typeof changesResponseSchema>;

/** The error body of a refused changes request (401, 403; `reason` is a stable code such as `member-removed`). */
export const changesErrorSchema = z.object({ error: z.string(), reason: z.string().optional(), message: z.string().optional() });

/** The URL of a changes request against `httpBase` (e.g. `https://relay.example.org`, no trailing slash). */
export function changesUrl(httpBase: string, req: ChangesRequest): string {
  const q = new URLSearchParams({ since: String(req.since) });
  if (req.workspace !== undefined) q.set('workspace', req.workspace);
  return `${httpBase}${CHANGES_PATH}?${q.toString()}`;
}

/** The outcome of {@link parseChangesRequest}: the request, or a stable error code and a sentence for a 400 answer. */
export type ParsedChangesRequest = { ok: true; request: ChangesRequest } | { ok: false; error: 'bad-since' | 'bad-workspace'; message: string };

/** Reads a changes request from its query string (`since` defaults to 0; `workspace` is lower-cased). */
export function parseChangesRequest(query: URLSearchParams): ParsedChangesRequest {
  const since = query.get('since') ?? '0';
  if (!SINCE_PATTERN.test(since)) return { ok: false, error: 'bad-since', message: 'since must be a whole number >= 0 (a clock from a previous answer, or 0)' };
  const workspace = query.get('workspace');
  if (workspace === null) return { ok: true, request: { since: Number(since) } };
  if (!idSchema.safeParse(workspace).success) return { ok: false, error: 'bad-workspace', message: 'workspace must be a workspace UUID' };
  return { ok: true, request: { since: Number(since), workspace: workspace.toLowerCase() } };
}
