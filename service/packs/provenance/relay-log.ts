/**
 * Reads a case doc's (or volume doc's) authenticated update log from the workspace's relay
 * (`GET /v1/provenance-log`, shared/protocol/relay/provenance-log.ts) with this desktop's member
 * token, page by page, checking each answer against its schema. The relay decides who may read it
 * (a member who may read the case).
 */
import { fromBase64 } from 'lib0/buffer';
import { authorizationHeader, provenanceLogPageSchema, provenanceLogUrl } from '../../../shared/protocol/relay';
import type { UpdateOrigin } from '../../../shared/docs/record-origins';
import { relayUrls } from '../../relay-sync/relay-url';
import type { SyncConfig } from '../../relay-sync/sync-engine';
import type { WorkspaceRuntime } from '../../workspace/workspace-runtime';

/** Why the log could not be read (goes into the manifest's provenance status). */
export type LogUnavailable = 'not-synced' | 'relay-unreachable' | 'refused';

/** The log, oldest first, or why it is unavailable. */
export type RelayLog = { ok: true; updates: (UpdateOrigin & { update: Uint8Array })[] } | { ok: false; reason: LogUnavailable };

/** Most pages read for one export (200 updates each): a bound, not a limit a real case meets. */
const MAX_PAGES = 10_000;

/**
 * The whole update log of `docName` as the relay of `ws` holds it. A workspace that does not sync
 * through a relay, or a doc the relay has no update of, is `not-synced`.
 */
export async function readRelayLog(ws: WorkspaceRuntime, docName: string, fetchImpl: typeof fetch = fetch): Promise<RelayLog> {
  const config = ws.store.getSetting<SyncConfig | null>('sync', null);
  if (!config) return { ok: false, reason: 'not-synced' };
  const base = relayUrls(config.relayUrl).http;
  const updates: (UpdateOrigin & { update: Uint8Array })[] = [];
  let after = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    let res: Response;
    try {
      res = await fetchImpl(provenanceLogUrl(base, { doc: docName, after }), { headers: { authorization: authorizationHeader(config.token) }, signal: AbortSignal.timeout(30_000) });
    } catch {
      return { ok: false, reason: 'relay-unreachable' };
    }
    if (res.status === 401 || res.status === 403) return { ok: false, reason: 'refused' };
    const parsed = res.ok ? provenanceLogPageSchema.safeParse(await res.json().catch(() => null)) : null;
    if (!parsed?.success) return { ok: false, reason: 'relay-unreachable' };
    for (const e of parsed.data.entries) updates.push({ seq: e.seq, memberId: e.memberId, at: e.at, update: fromBase64(e.update) });
    if (parsed.data.next === null) break;
    after = parsed.data.next;
  }
  return updates.length ? { ok: true, updates } : { ok: false, reason: 'not-synced' };
}
