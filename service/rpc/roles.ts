/**
 * Role checks shared by handlers of several domains (until each method declares its action for the
 * one check in dispatch).
 */
import { NestError } from '../../shared/errors';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/**
 * Throws unless this machine's member is an admin of `ws`.
 * @param what completes "Only workspace admins can …" (e.g. "invite members").
 * @throws NestError('forbidden')
 */
export function requireAdmin(ws: WorkspaceRuntime, what: string): void {
  if (ws.local().role !== 'admin') throw new NestError('forbidden', `Only workspace admins can ${what}.`);
}
