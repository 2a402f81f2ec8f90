/**
 * `GET /v1/provenance-log?doc=&after=&limit=`: a page of one case doc's (or volume doc's) authenticated update log
 * with the updates' bytes, for a member who may read the case (permission `case.read` on that
 * case, decided by shared/permissions as the relay holds the workspace doc now). It is what a
 * case pack's provenance is derived from (service/packs/provenance/): every accepted update
 * with the member the relay authenticated when it arrived. Unlike `/v1/history` (admins, no
 * bytes) it answers only for case docs and their volume docs (under the case's permission). Documented in docs/protocol.md ("History").
 */
import { z } from 'zod';
import { provenanceEntrySchema } from './history';

/** The path. */
export const PROVENANCE_LOG_PATH = '/v1/provenance-log';

/** The largest (and default) page, in updates. */
export const PROVENANCE_LOG_PAGE_MAX = 200;

/** One accepted update with its bytes (`update`: the Yjs v1 update exactly as stored, base64). */
export const provenanceLogEntrySchema = provenanceEntrySchema.extend({ update: z.string() });
/** One accepted update with its bytes. */
export type ProvenanceLogEntry = z.infer<typeof provenanceLogEntrySchema>;

/** The response: entries with seq > `after`, oldest first; `next` to pass as `after`, null on the last page. */
export const provenanceLogPageSchema = z.object({
  doc: z.string(),
  entries: z.array(provenanceLogEntrySchema),
  next: z.number().int().nullable(),
});
/** One page of a case doc's update log. */
export type ProvenanceLogPage = z.infer<typeof provenanceLogPageSchema>;

/** The URL of a page against `httpBase` (no trailing slash). */
export function provenanceLogUrl(httpBase: string, req: { doc: string; after?: number; limit?: number }): string {
  const q = new URLSearchParams({ doc: req.doc, after: String(req.after ?? 0), limit: String(req.limit ?? PROVENANCE_LOG_PAGE_MAX) });
  return `${httpBase}${PROVENANCE_LOG_PATH}?${q.toString()}`;
}
