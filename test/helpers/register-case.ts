/**
 * Test helper: an admin identity, a workspace "W" (USD) and an empty case "Register" on a started
 * data service — the common start of the tests that fill a case's doc and volume docs by hand.
 */
import { newCaseFields } from '../../shared/domain/case';
import type { DataClient } from '../../renderer/src/data/client';
import type { Harness } from './service';

/** What {@link registerCase} made: the client, the workspace runtime, the case id and a writer. */
export interface RegisterCase {
  c: DataClient;
  ws: ReturnType<Harness['service']['workspace']>;
  caseId: string;
  w: { memberId: string };
}

/** Creates the identity, workspace and case on `h` through its RPC, as a window would. */
export async function registerCase(h: Harness): Promise<RegisterCase> {
  const c = h.client();
  const me = await c.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
  const summary = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const ws = h.service.workspace(summary.id);
  const caseId = (await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Register' } })).id;
  return { c, ws, caseId, w: { memberId: me.memberId } };
}
