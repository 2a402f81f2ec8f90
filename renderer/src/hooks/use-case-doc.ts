/**
 * Opens a case's doc replica for as long as a view shows it and re-renders on every change
 * (local or from another window). Edits go through the returned {@link CaseDoc}'s typed helpers.
 */
import { useEffect, useMemo, useState } from 'react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { caseDocName } from '../../../shared/docs/names';
import type { DocReplica } from '../data/client';
import { useClient } from '../app/services';

/** A case replica in a view. `version` increases on every change so memos can depend on it. */
export interface CaseReplica {
  replica: DocReplica;
  caseDoc: CaseDoc;
  version: number;
  synced: boolean;
  /** 'read-only' when this member may only read; 'refused' / 'error' with a message when the doc cannot be opened. */
  status: DocReplica['status'];
}

/** Opens `<ws>/case/<caseId>` and tracks its changes. */
export function useCaseDoc(workspaceId: string, caseId: string): CaseReplica | null {
  const client = useClient();
  const [replica, setReplica] = useState<DocReplica | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const r = client.openDoc(caseDocName(workspaceId, caseId));
    setReplica(r);
    const bump = (): void => setVersion((v) => v + 1);
    const cd = new CaseDoc(r.doc);
    const offObserve = cd.observe(bump);
    const offChange = r.onChange(bump);
    return () => {
      offObserve();
      offChange();
      r.release();
      setReplica(null);
    };
  }, [client, workspaceId, caseId]);

  const caseDoc = useMemo(() => (replica ? new CaseDoc(replica.doc) : null), [replica]);
  if (!replica || !caseDoc) return null;
  return { replica, caseDoc, version, synced: replica.synced, status: replica.status };
}
