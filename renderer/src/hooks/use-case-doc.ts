/**
 * Opens a case's doc replica for as long as a view shows it and re-renders on every change
 * (local or from another window). Edits go through the returned {@link CaseDoc}'s typed helpers.
 *
 * Besides one overall `version`, each part of the doc has its own version (meta, summary,
 * seizures, routes), from `CaseDoc.observe`'s change report, so a view re-reads only what
 * changed: typing in the summary of a case with 10,000 seizures must not re-list them all.
 */
import { useEffect, useMemo, useState } from 'react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { caseDocName } from '../../../shared/docs/names';
import type { DocReplica } from '../data/client';
import { useClient } from '../app/services';

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
  const client = useClient();
  const [replica, setReplica] = useState<DocReplica | null>(null);
  const [versions, setVersions] = useState<CaseVersions>(ZERO);

  useEffect(() => {
    const r = client.openDoc(caseDocName(workspaceId, caseId));
    setReplica(r);
    const cd = new CaseDoc(r.doc);
    const offObserve = cd.observe((change) =>
      setVersions((v) => ({
        any: v.any + 1,
        meta: v.meta + (change.meta ? 1 : 0),
        summary: v.summary + (change.summary ? 1 : 0),
        seizures: v.seizures + (change.seizureIds.size ? 1 : 0),
        routes: v.routes + (change.routes ? 1 : 0),
      })),
    );
    // Sync state or status changed: everything may have arrived at once.
    const offChange = r.onChange(() => setVersions((v) => ({ any: v.any + 1, meta: v.meta + 1, summary: v.summary + 1, seizures: v.seizures + 1, routes: v.routes + 1 })));
    return () => {
      offObserve();
      offChange();
      r.release();
      setReplica(null);
    };
  }, [client, workspaceId, caseId]);

  const caseDoc = useMemo(() => (replica ? new CaseDoc(replica.doc) : null), [replica]);
  if (!replica || !caseDoc) return null;
  return { replica, caseDoc, version: versions.any, versions, synced: replica.synced, status: replica.status };
}
