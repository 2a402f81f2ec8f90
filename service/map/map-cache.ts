/**
 * Which map index answers a call (service/map/map-index.ts): one per workspace store and scope
 * (a case, or the workspace's cases less those the member may not read), kept while the
 * workspace's projection is unchanged. Any projection write (an edit, an import, a sync) makes
 * every scope of that workspace read again on its next call: coarser than per case, never stale.
 */
import { keepRows, MapScope } from './map-index';
import type { ProjectionQueries } from '../projections/queries';

/** Scopes kept per workspace (the most recently used). */
const SCOPES_KEPT = 4;

/** What a workspace's cache needs: who owns its projection, the projection's current version and its queries. */
export interface MapSource {
  /** The workspace's projection writer (one per open store): the cache's key. */
  readonly owner: object;
  /** Changes whenever the projection is written (Projector.version). */
  readonly version: number;
  readonly queries: Pick<ProjectionQueries, 'mapColumns'>;
}

interface Entry {
  version: number;
  scopes: Map<string, MapScope>;
}

/** Map scopes per workspace, made on first use and dropped when the projection changes. */
export class MapCache {
  /** By the workspace's projection writer: a store opened again (same workspace id) starts afresh. */
  private readonly byWorkspace = new WeakMap<object, Entry>();

  /**
   * The scope of case `caseId`, or of the workspace without the cases `hidden`, over `source`'s
   * projection as it is now; its `version` text changes whenever the scope may have.
   */
  scope(source: MapSource, caseId: string | undefined, hidden: readonly string[]): { scope: MapScope; version: string } {
    let entry = this.byWorkspace.get(source.owner);
    if (!entry || entry.version !== source.version) {
      entry = { version: source.version, scopes: new Map() };
      this.byWorkspace.set(source.owner, entry);
    }
    const key = caseId ? `case:${caseId}` : `all:${[...hidden].sort().join(',')}`;
    let scope = entry.scopes.get(key);
    if (scope) entry.scopes.delete(key);
    else {
      const cols = source.queries.mapColumns(caseId);
      const out = new Set(hidden);
      scope = new MapScope(caseId || !out.size ? cols : keepRows(cols, (r) => !out.has(cols.caseIds[r]!)));
    }
    entry.scopes.set(key, scope);
    while (entry.scopes.size > SCOPES_KEPT) entry.scopes.delete(entry.scopes.keys().next().value!);
    return { scope, version: `${source.version}:${key}` };
  }
}
