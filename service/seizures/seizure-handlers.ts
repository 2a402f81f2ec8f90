/**
 * Handlers of the seizure edit methods (shared/rpc/seizure-edits.ts, and seizure-restore.ts: the deleted list and restore): each resolves the seizure
 * ids to the docs that hold them and writes there (seizure-edits.ts), attributed to this
 * desktop's member. Dispatch has validated the params and checked `case.edit` on the case. A bulk
 * action's seizures are named by id or as "every one the table shows" (seizure-selection.ts).
 */
import type { seizureEditsRpc } from '../../shared/rpc/seizure-edits';
import type { seizureRestoreRpc } from '../../shared/rpc/seizure-restore';
import type { HandlerMap } from '../rpc/types';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { addSeizureAnywhere } from './add-seizure';
import { deleteSeizuresAnywhere, editSeizure, updateSeizuresAnywhere } from './seizure-edits';
import { deletedSeizurePage, restoreSeizuresAnywhere } from './restore-seizures';
import { selectedSeizureIds } from './seizure-selection';

/** The writer of this desktop's member in `ws`. */
function writerOf(ws: WorkspaceRuntime): { memberId: string } {
  return { memberId: ws.local().memberId };
}

export const seizureEditHandlers: HandlerMap<keyof typeof seizureEditsRpc | keyof typeof seizureRestoreRpc> = {
  'seizures.add': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return { volume: addSeizureAnywhere(ws, p.caseId, p.seizureId, p.fields, writerOf(ws)) };
  },
  'seizures.update': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return { changed: editSeizure(ws, p.caseId, p.seizureId, { kind: 'update', patch: p.patch }, writerOf(ws)) };
  },
  'seizures.restoreField': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return { changed: editSeizure(ws, p.caseId, p.seizureId, { kind: 'restore', field: p.field, value: p.value }, writerOf(ws)).length > 0 };
  },
  'seizures.markReviewed': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return { changed: editSeizure(ws, p.caseId, p.seizureId, { kind: 'review' }, writerOf(ws)).length > 0 };
  },
  'seizures.delete': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    editSeizure(ws, p.caseId, p.seizureId, { kind: 'delete' }, writerOf(ws));
    return { deleted: 1 };
  },
  'seizures.bulkDelete': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return { deleted: deleteSeizuresAnywhere(ws, p.caseId, selectedSeizureIds(ws, p.caseId, p), writerOf(ws)) };
  },
  'seizures.bulkUpdate': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return { changed: updateSeizuresAnywhere(ws, p.caseId, selectedSeizureIds(ws, p.caseId, p), p.patch, writerOf(ws)) };
  },
  'seizures.deletedPage': (p, { workspaces }) => deletedSeizurePage(workspaces.get(p.workspaceId), p.caseId, p.offset, p.limit),
  'seizures.restore': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    return { restored: restoreSeizuresAnywhere(ws, p.caseId, p.seizureIds, writerOf(ws)) };
  },
};
