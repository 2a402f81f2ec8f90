/**
 * The members of a workspace (from its workspace doc replica), as a lookup from member id to
 * display name, for "updated by" columns and the audit trail.
 */
import { useEffect, useState } from 'react';
import { WorkspaceDoc } from '../../../shared/docs/workspace-doc';
import { workspaceDocName } from '../../../shared/docs/names';
import type { Member } from '../../../shared/domain/member';
import { useClient } from '../app/services';

/** Members of `workspaceId` by id; empty until the workspace doc has synced. */
export function useMembers(workspaceId: string): Map<string, Member> {
  const client = useClient();
  const [members, setMembers] = useState<Map<string, Member>>(new Map());
  useEffect(() => {
    const r = client.openDoc(workspaceDocName(workspaceId));
    const wd = new WorkspaceDoc(r.doc);
    const read = (): void => setMembers(new Map(wd.listMembers().map((m) => [m.id, m])));
    read();
    const off = wd.observe(read);
    return () => {
      off();
      r.release();
    };
  }, [client, workspaceId]);
  return members;
}
