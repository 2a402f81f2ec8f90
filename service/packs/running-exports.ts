/**
 * The pack exports running in this data service, by the id their caller gave (`exportId`), so
 * `packs.cancel` can stop one: each holds the AbortController its export watches
 * (export-progress.ts). An export is listed from its start until it settles.
 */
import { NestError } from '../../shared/errors';

interface Running {
  workspaceId: string;
  controller: AbortController;
}

const running = new Map<string, Running>();

/**
 * Lists export `exportId` of workspace `workspaceId` and returns the signal it must watch; pair
 * with {@link endExport} when it settles.
 * @throws NestError('validation', pack.export.already-running) when an export with that id is running already.
 */
export function startExport(exportId: string, workspaceId: string): AbortSignal {
  if (running.has(exportId)) throw new NestError('validation', { id: 'pack.export.already-running' });
  const controller = new AbortController();
  running.set(exportId, { workspaceId, controller });
  return controller.signal;
}

/** Unlists export `exportId` (finished, failed or cancelled). */
export function endExport(exportId: string): void {
  running.delete(exportId);
}

/**
 * Cancels export `exportId` of workspace `workspaceId`: it stops at its next step with
 * NestError('cancelled', pack.export.cancelled).
 * @returns false when no such export is running (finished already, or of another workspace).
 */
export function cancelExport(exportId: string, workspaceId: string): boolean {
  const r = running.get(exportId);
  if (!r || r.workspaceId !== workspaceId) return false;
  r.controller.abort(new NestError('cancelled', { id: 'pack.export.cancelled' }));
  return true;
}
