/**
 * Handlers of the files domain (shared/rpc/files.ts): intake from a path, "verify files" (both
 * with progress pushed as `files.progress` events, throttled to about ten a second) and reading a
 * slice of a file the case lists.
 */
import path from 'node:path';
import { CaseFiles } from '../../shared/docs/case-files';
import { NestError } from '../../shared/errors';
import type { filesRpc, FilesProgress } from '../../shared/rpc/files';
import type { HandlerMap, RpcContext } from '../rpc/types';
import { addFileFromPath, readCaseFileSlice, verifyCaseFiles, workspaceBlobStore } from './case-files-service';
import { fileSyncHandlers } from '../blob-sync/file-sync-handlers';

/** A progress reporter that sends at most one event per 100 ms, and always the last. */
function reporter(ctx: RpcContext, base: Omit<FilesProgress, 'done' | 'total'>): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    ctx.events.broadcast('files.progress', { ...base, done, total });
  };
}

export const fileHandlers: HandlerMap<keyof typeof filesRpc> = {
  ...fileSyncHandlers,

  'files.addFromPath': async (p, ctx) => {
    if (!path.isAbsolute(p.path)) throw new NestError('validation', { id: 'file.not-a-file', values: { name: p.path } });
    const ws = ctx.workspaces.get(p.workspaceId);
    const name = ws.caseDocName(p.caseId);
    return addFileFromPath(workspaceBlobStore(ws.store.file), (fn) => ws.host.with(name, fn), p.path, { memberId: ws.local().memberId }, {
      name: p.name,
      onProgress: reporter(ctx, { workspaceId: p.workspaceId, caseId: p.caseId, kind: 'intake' }),
    });
  },

  'files.verify': async (p, ctx) => {
    const ws = ctx.workspaces.get(p.workspaceId);
    const files = ws.host.with(ws.caseDocName(p.caseId), (doc) => new CaseFiles(doc).list());
    return verifyCaseFiles(workspaceBlobStore(ws.store.file), files, reporter(ctx, { workspaceId: p.workspaceId, caseId: p.caseId, kind: 'verify' }));
  },

  'files.read': async (p, ctx) => {
    const ws = ctx.workspaces.get(p.workspaceId);
    const files = ws.host.with(ws.caseDocName(p.caseId), (doc) => new CaseFiles(doc).all());
    const r = await readCaseFileSlice(workspaceBlobStore(ws.store.file), files, p.hash, p.offset, p.length);
    return { base64: Buffer.from(r.bytes).toString('base64'), size: r.size };
  },
};
