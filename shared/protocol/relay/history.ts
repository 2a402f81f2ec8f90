/**
 * The relay's history endpoints (admins only; docs/protocol.md, "History"), declared once: the
 * relay (relay/history-routes.ts) answers with these shapes, the desktop builds the URLs and
 * checks the answers with the schemas. Every request carries the member token in
 * `Authorization: Bearer <token>`; the relay answers 403 `forbidden` to a member who may not
 * `history.view` (shared/permissions/actions.ts).
 *
 * - `GET /v1/history?doc=<name>[&after=<seq>][&limit=<n>]`: one page of the doc's provenance log,
 *   oldest first, entries with seq > `after` (default 0), at most `limit` (default and max 500).
 *   Pass `next` as `after` for the next page; `next` is null on the last page.
 * - `GET /v1/history/state?doc=<name>&seq=<seq>`: the doc's state as of `seq` (every accepted
 *   update with seq <= `seq` replayed), a Yjs update (v1) in base64.
 * - `GET /v1/alerts[?after=<id>]`: the alerts the relay raised for the token's workspace (e.g. a
 *   refused mass deletion), oldest first, ids > `after`.
 * Errors: 400 `bad-query` (with a sentence), 401 bad token, 403 not an admin or no access to the doc.
 * Isomorphic (zod).
 */
import { z } from 'zod';
import { parseDocName } from '../../docs/names';

/** The provenance page's path. */
export const HISTORY_PATH = '/v1/history';
/** The past state's path. */
export const HISTORY_STATE_PATH = '/v1/history/state';
/** The alerts' path. */
export const ALERTS_PATH = '/v1/alerts';

/** The largest (and default) page of provenance entries. */
export const HISTORY_PAGE_MAX = 500;

const SEQ_PATTERN = /^\d{1,15}$/;

/** One accepted update as the provenance log records it. */
export const provenanceEntrySchema = z.object({
  /** The update's seq (global to the relay, increasing). */
  seq: z.number().int().positive(),
  /** The member the relay authenticated. */
  memberId: z.string(),
  /** When the relay accepted it, ms since epoch. */
  at: z.number().int(),
  /** Bytes of the update. */
  size: z.number().int().nonnegative(),
  /** Hex SHA-256 of the update bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** One provenance entry. */
export type ProvenanceEntry = z.infer<typeof provenanceEntrySchema>;

/** The response of `GET /v1/history`. */
export const historyPageSchema = z.object({
  doc: z.string(),
  entries: z.array(provenanceEntrySchema),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.number().int().nullable(),
});

/** One page of a doc's provenance. */
export type HistoryPage = z.infer<typeof historyPageSchema>;

/** The response of `GET /v1/history/state`. */
export const historyStateSchema = z.object({
  doc: z.string(),
  /** The seq the state is as of. */
  seq: z.number().int().nonnegative(),
  /** `Y.encodeStateAsUpdate` of the rebuilt doc, base64. */
  state: z.string(),
});

/** A doc's past state. */
export type HistoryState = z.infer<typeof historyStateSchema>;

/** One alert the relay raised for a workspace's admins. */
export const relayAlertSchema = z.object({
  id: z.number().int().positive(),
  /** What happened: `mass-deletion` (refused, or by an admin: stored). */
  kind: z.string(),
  doc: z.string(),
  memberId: z.string(),
  /** Records the update deleted. */
  records: z.number().int().nonnegative(),
  at: z.number().int(),
});

/** One relay alert. */
export type RelayAlert = z.infer<typeof relayAlertSchema>;

/** The response of `GET /v1/alerts`. */
export const alertsResponseSchema = z.object({ alerts: z.array(relayAlertSchema) });

/** The query of a history request. */
export type HistoryRequest = { doc: string; after: number; limit: number };

/** The query of a past-state request. */
export type HistoryStateRequest = { doc: string; seq: number };

/** A parsed query, or the sentence for a 400 answer. */
export type Parsed<T> = { ok: true; request: T } | { ok: false; error: 'bad-query'; message: string };

function seqParam(q: URLSearchParams, name: string, fallback: string | null): number | null {
  const v = q.get(name) ?? fallback;
  return v !== null && SEQ_PATTERN.test(v) ? Number(v) : null;
}

/** Reads a `GET /v1/history` query. */
export function parseHistoryRequest(q: URLSearchParams): Parsed<HistoryRequest> {
  const doc = q.get('doc') ?? '';
  if (!parseDocName(doc)) return { ok: false, error: 'bad-query', message: 'doc must be a doc name' };
  const after = seqParam(q, 'after', '0');
  const limit = seqParam(q, 'limit', String(HISTORY_PAGE_MAX));
  if (after === null) return { ok: false, error: 'bad-query', message: 'after must be a whole number >= 0' };
  if (limit === null || limit < 1) return { ok: false, error: 'bad-query', message: `limit must be between 1 and ${HISTORY_PAGE_MAX}` };
  return { ok: true, request: { doc, after, limit: Math.min(limit, HISTORY_PAGE_MAX) } };
}

/** Reads a `GET /v1/history/state` query. */
export function parseHistoryStateRequest(q: URLSearchParams): Parsed<HistoryStateRequest> {
  const doc = q.get('doc') ?? '';
  if (!parseDocName(doc)) return { ok: false, error: 'bad-query', message: 'doc must be a doc name' };
  const seq = seqParam(q, 'seq', null);
  if (seq === null) return { ok: false, error: 'bad-query', message: 'seq must be a whole number >= 0' };
  return { ok: true, request: { doc, seq } };
}

/** Reads a `GET /v1/alerts` query (`after`, default 0). */
export function parseAlertsRequest(q: URLSearchParams): Parsed<{ after: number }> {
  const after = seqParam(q, 'after', '0');
  return after === null ? { ok: false, error: 'bad-query', message: 'after must be a whole number >= 0' } : { ok: true, request: { after } };
}

/** The URL of a provenance page against `httpBase` (no trailing slash). */
export function historyUrl(httpBase: string, req: { doc: string; after?: number; limit?: number }): string {
  const q = new URLSearchParams({ doc: req.doc, after: String(req.after ?? 0), limit: String(req.limit ?? HISTORY_PAGE_MAX) });
  return `${httpBase}${HISTORY_PATH}?${q.toString()}`;
}

/** The URL of a past-state request against `httpBase`. */
export function historyStateUrl(httpBase: string, req: HistoryStateRequest): string {
  return `${httpBase}${HISTORY_STATE_PATH}?${new URLSearchParams({ doc: req.doc, seq: String(req.seq) }).toString()}`;
}

/** The URL of an alerts request against `httpBase`. */
export function alertsUrl(httpBase: string, after = 0): string {
  return `${httpBase}${ALERTS_PATH}?after=${after}`;
}
