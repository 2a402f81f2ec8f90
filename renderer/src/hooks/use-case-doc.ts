/**
 * A case's doc view for as long as a view shows it ({@link useDocView}), re-rendering on every
 * change (local or from another window). Edits go through the returned {@link CaseDoc}'s typed helpers.
 *
 * Besides one overall `version`, each part of the doc has its own version (meta, summary,
 * seizures, routes), from `CaseDoc.observe`'s change report, so a view re-reads only what
 * changed: typing in the summary of a case with 10,000 seizures must not re-list them all.
 */
import { useCallback, useState } from 'react';
import { CaseDoc, type CaseDocChange } from '../../../shared/docs/case-doc';
import { caseDocName } from '../../../shared/docs/names';
import type { DocReplica } from '../data/client';
import { useDocView } from '../data/use-doc-view';

/** Change counters of a case doc's parts. */
export interface CaseVersions {
  /** Any change (including sync state and status). */
  any: number;
  meta: number;
  summary: number;
  seizures: number;
  routes: number;
}

/** A case replica in a view. */
export interface CaseReplica {
  replica: DocReplica;
  caseDoc: CaseDoc;
  /** Same as `versions.any`. */
  version: number;
  versions: CaseVersions;
  synced: boolean;
  /** 'read-only' when this member may only read; 'refused' / 'error' with a message when the doc cannot be opened. */
  status: DocReplica['status'];
}

const ZERO: CaseVersions = { any: 0, meta: 0, summary: 0, seizures: 0, routes: 0 };

/** Opens `<ws>/case/<caseId>` and tracks its changes. */
export function useCaseDoc(workspaceId: string, caseId: string): CaseReplica | null {
  const [versions, setVersions] = useState<CaseVersions>(ZERO);
  const onChange = useCallback((change: CaseDocChange | null) => {
    // null: sync state or status changed, so everything may have arrived at once.
    setVersions((v) => ({
      any: v.any + 1,
      meta: v.meta + (!change || change.meta ? 1 : 0),
      summary: v.summary + (!change || change.summary ? 1 : 0),
      seizures: v.seizures + (!change || change.seizureIds.size ? 1 : 0),
      routes: v.routes + (!change || change.routes ? 1 : 0),
    }));
  }, []);
  const dv = useDocView(caseDocName(workspaceId, caseId), CaseDoc, onChange);
  if (!dv) return null;
  return { replica: dv.replica, caseDoc: dv.view, version: versions.any, versions, synced: dv.synced, status: dv.status };
}
