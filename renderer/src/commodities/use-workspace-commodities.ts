/**
 * The workspace's commodity catalogue, live (a doc view over the workspace doc: an admin's
 * addition shows in an open seizure form at once): the curated list until the replica is open,
 * then the curated list plus the workspace's own commodities.
 */
import { useMemo } from 'react';
import { CURATED_CATALOGUE, commodityCatalogue, type CommodityCatalogue } from '../../../shared/domain/commodities';
import type { WorkspaceCommodity } from '../../../shared/domain/workspace-commodity';
import { WorkspaceCommodities, toCatalogueEntry } from '../../../shared/docs/workspace-commodities';
import type { InvalidRecord } from '../../../shared/docs/reference-lists';
import { workspaceDocName } from '../../../shared/docs/names';
import { useDocView } from '../data/use-doc-view';

/** What {@link useWorkspaceCommodities} gives: the view to write through, the read lists and the merged catalogue. */
export interface WorkspaceCommoditiesState {
  /** Null until the replica is open. */
  view: WorkspaceCommodities | null;
  /** Live, valid workspace commodities, by name. */
  list: WorkspaceCommodity[];
  /** Live records left out of the list (bad fields, or a name an earlier entry holds). */
  invalid: InvalidRecord[];
  /** The curated list plus {@link list}. */
  catalogue: CommodityCatalogue;
  /** True when this member may not write the workspace doc (the data service refuses their writes). */
  readOnly: boolean;
}

/** Opens the workspace doc of `workspaceId` as a {@link WorkspaceCommodities} view and reads it. */
export function useWorkspaceCommodities(workspaceId: string): WorkspaceCommoditiesState {
  const dv = useDocView(workspaceDocName(workspaceId), WorkspaceCommodities);
  const view = dv?.view ?? null;
  const version = dv?.version ?? 0;
  return useMemo(() => {
    if (!view) return { view: null, list: [], invalid: [], catalogue: CURATED_CATALOGUE, readOnly: true };
    // `version` changes whenever the doc does: the lists are read again then.
    const list = view.list();
    return { view, list, invalid: view.invalid(), catalogue: commodityCatalogue(list.map(toCatalogueEntry)), readOnly: dv?.status?.state === 'read-only' };
  }, [view, version, dv?.status?.state]);
}

/** The merged commodity catalogue of `workspaceId` (the curated list alone until the doc is open). */
export function useCommodityCatalogue(workspaceId: string): CommodityCatalogue {
  return useWorkspaceCommodities(workspaceId).catalogue;
}
