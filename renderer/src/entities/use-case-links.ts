/**
 * The case's links with their seizure ends resolved by id from the data service's projection
 * (issue 11 item 4): a link may end at a seizure held in a volume doc the window never loads, which
 * the replica alone cannot tell from a deleted record, so such links used to vanish from the
 * entities tab and the link chart. The candidate ends (case-links.ts `seizureEndCandidates`) are
 * looked up with `seizures.page` `ids`; the replica stays the authority for its own seizures.
 * The seizure detail's linked entities (linked-entities.tsx) read through here too, asking for
 * its one seizure only (`toSeizure`).
 */
import { useMemo } from 'react';
import type { CaseDoc, Link } from '../../../shared/docs/case-doc';
import type { VolumeSeizureEnds } from '../../../shared/docs/case-links';
import type { SeizureRow } from '../../../shared/rpc/cases';
import { useSeizureLookup } from '../case/use-seizure-lookup';

/** What {@link useCaseLinks} returns. */
export interface CaseLinks {
  /** Live links whose ends are live (entities, and seizures of the case doc or a volume once looked up). */
  links: Link[];
  /** The linked seizures, by id, as the projection holds them (labels of link ends and chart nodes). */
  seizures: ReadonlyMap<string, SeizureRow>;
  /** True until the seizure ends have been looked up (never when there are none): links to volume seizures are not listed yet. */
  pending: boolean;
}

/**
 * Links of `caseDoc` (re-read when `version` changes); `enabled` false asks the service nothing and
 * lists the replica's links. With `toSeizure`, only that seizure is looked up: the links ending
 * there are listed whether it lives in the case doc or a volume (others to volume seizures are not).
 */
export function useCaseLinks(workspaceId: string, caseId: string, caseDoc: CaseDoc | null, version: unknown, enabled: boolean, toSeizure?: string): CaseLinks {
  const candidates = useMemo(() => {
    const all = enabled && caseDoc ? caseDoc.seizureEndCandidates() : [];
    return toSeizure === undefined ? all : all.filter((id) => id === toSeizure);
  }, [caseDoc, version, enabled, toSeizure]);
  const lookup = useSeizureLookup(workspaceId, caseId, candidates);
  const links = useMemo(() => {
    if (!caseDoc) return [];
    // A seizure the replica holds is judged by the replica (a deletion there shows at once); the rest by the look-up.
    const outside = (id: string): boolean => lookup.rows.has(id) && caseDoc.getSeizureEvenDeleted(id) === null;
    const volumes: VolumeSeizureEnds = { held: outside, live: outside };
    return caseDoc.listLinks(volumes);
  }, [caseDoc, version, lookup.rows]);
  // Nothing to look up is nothing pending (a seizure with no link to it shows no "looking up").
  return { links, seizures: lookup.rows, pending: enabled && candidates.length > 0 && lookup.pending };
}
