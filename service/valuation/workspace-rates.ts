/**
 * The rate table a workspace's valuations use: the ECB rates (shipped snapshot merged with the
 * workspace's imported files, ecb-files.ts) plus the user-entered rates of its workspace doc
 * (`ReferenceLists.userRates()`, each with its source). Built on demand and cached per workspace
 * until the ECB data or the user rates change; building from cached parts costs well under 1 ms.
 */
import { ReferenceLists } from '../../shared/docs/reference-lists';
import { RateTable, type EcbRates, type UserRate } from '../../shared/valuation/rates';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

interface Cached {
  ecb: EcbRates;
  userKey: string;
  table: RateTable;
}

const cache = new WeakMap<WorkspaceRuntime, Cached>();

/** The workspace's user-entered rates (from its workspace doc). */
export function workspaceUserRates(ws: WorkspaceRuntime): UserRate[] {
  return new ReferenceLists(ws.workspaceDoc().doc).userRates();
}

/** The workspace's rate table: ECB (shipped + imported) and user rates. */
export function workspaceRateTable(ws: WorkspaceRuntime): RateTable {
  const ecb = ws.store.ecbFiles.rates();
  const userRates = workspaceUserRates(ws);
  const userKey = JSON.stringify(userRates);
  const hit = cache.get(ws);
  if (hit && hit.ecb === ecb && hit.userKey === userKey) return hit.table;
  const table = new RateTable({ ecb, userRates });
  cache.set(ws, { ecb, userKey, table });
  return table;
}
