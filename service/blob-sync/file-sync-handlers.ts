/**
 * Handlers of blob sync (shared/rpc/files.ts): each file's sync status, "keep files offline" and
 * fetching a file on demand. Every call has passed `authorize()` with `case.read` for the case it
 * names, so a member who may not read a case learns nothing of its files.
 */
import type { filesRpc } from '../../shared/rpc/files';
import type { HandlerMap } from '../rpc/types';

/** The blob sync methods of the files domain. */
export type FileSyncMethod = Extract<keyof typeof filesRpc, 'files.syncStatus' | 'files.setKeepOffline' | 'files.keepOffline' | 'files.fetch'>;

export const fileSyncHandlers: HandlerMap<FileSyncMethod> = {
  'files.syncStatus': (p, { fileSync }) => {
    const s = fileSync.of(p.workspaceId);
    return { keepOffline: s.keepOffline(p.caseId), files: s.statuses(p.caseId) };
  },
  'files.setKeepOffline': (p, { fileSync }) => {
    fileSync.of(p.workspaceId).setKeepOffline(p.caseId, p.keepOffline);
    return { keepOffline: p.keepOffline };
  },
  'files.keepOffline': (p, { fileSync }) => ({ keepOffline: fileSync.of(p.workspaceId).keepOffline(p.caseId) }),
  'files.fetch': (p, { fileSync }) => fileSync.of(p.workspaceId).fetch(p.caseId, p.fileId),
};
