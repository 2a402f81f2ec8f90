/**
 * The data service's client of the relay's history endpoints (shared/protocol/relay/history.ts):
 * asks the workspace's relay with this desktop's member token (the `sync` setting) and checks each
 * answer against its schema. The relay decides who may see history (admins); its refusal comes
 * back as NestError('forbidden'). Also the mass deletions the relay holds for an admin's decision
 * (shared/protocol/relay/held-deletions.ts): list them, approve or reject one.
 */
import { fromBase64 } from 'lib0/buffer';
import type { z } from 'zod';
import { NestError } from '../../shared/errors';
import {
  alertsResponseSchema,
  alertsUrl,
  authorizationHeader,
  historyPageSchema,
  historyStateSchema,
  historyStateUrl,
  historyUrl,
  type HistoryPage,
  type RelayAlert,
} from '../../shared/protocol/relay';
import { heldDecisionResponseSchema, heldDecisionUrl, heldDeletionsResponseSchema, heldDeletionsUrl, type HeldDecision, type HeldDeletion } from '../../shared/protocol/relay/held-deletions';
import type { SyncConfig } from '../relay-sync/sync-engine';
import { relayUrls } from '../relay-sync/relay-url';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/** The relay's history, for one workspace. */
export interface RelayHistory {
  /** A page of `doc`'s provenance after `after`. */
  page(doc: string, after: number): Promise<HistoryPage>;
  /** `doc` as of `seq` (a Yjs update, v1). */
  stateAt(doc: string, seq: number): Promise<Uint8Array>;
  /** The workspace's alerts after `after`. */
  alerts(after: number): Promise<RelayAlert[]>;
  /** The mass deletions held for an admin's decision, oldest first. */
  held(): Promise<HeldDeletion[]>;
  /**
   * Approves or rejects held request `id`; resolves with the request decided.
   * @throws NestError('not-found', 'service.held-deletions.not-pending') when it is no longer pending.
   */
  decide(id: number, decision: HeldDecision): Promise<HeldDeletion>;
}

/**
 * The relay history of `ws`.
 * @throws NestError('invalid-params', 'service.sync.no-relay') when the workspace does not sync through a relay.
 */
export function relayHistory(ws: WorkspaceRuntime, fetchImpl: typeof fetch = fetch): RelayHistory {
  const config = ws.store.getSetting<SyncConfig | null>('sync', null);
  if (!config) throw new NestError('invalid-params', { id: 'service.sync.no-relay' });
  const base = relayUrls(config.relayUrl).http;
  const get = async <T extends z.ZodType>(url: string, schema: T, method: 'GET' | 'POST' = 'GET'): Promise<z.output<T>> => {
    let res: Response;
    try {
      res = await fetchImpl(url, { method, headers: { authorization: authorizationHeader(config.token) }, signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      throw new NestError('internal', { id: 'service.history.unreachable', values: { detail: err instanceof Error ? err.message : String(err) } });
    }
    if (res.status === 401 || res.status === 403) throw new NestError('forbidden', { id: 'rpc.refused.history.view' });
    if (res.status === 404 && method === 'POST') throw new NestError('not-found', { id: 'service.held-deletions.not-pending' });
    if (!res.ok) throw new NestError('internal', { id: 'service.history.relay-error', values: { status: res.status } });
    const parsed = schema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new NestError('internal', { id: 'service.history.relay-error', values: { status: res.status } });
    return parsed.data;
  };
  return {
    page: (doc, after) => get(historyUrl(base, { doc, after }), historyPageSchema),
    stateAt: async (doc, seq) => fromBase64((await get(historyStateUrl(base, { doc, seq }), historyStateSchema)).state),
    alerts: async (after) => (await get(alertsUrl(base, after), alertsResponseSchema)).alerts,
    held: async () => (await get(heldDeletionsUrl(base), heldDeletionsResponseSchema)).held,
    decide: async (id, decision) => (await get(heldDecisionUrl(base, id, decision), heldDecisionResponseSchema, 'POST')).decided,
  };
}
