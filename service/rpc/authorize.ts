/**
 * The one permission check of RPC dispatch: each method declares the action it needs in
 * shared/rpc (`MethodSpec.action`); this checks it with `can` from shared/permissions against the
 * workspace named by the params (and the case, for case actions) before the handler runs.
 */
import { NestError } from '../../shared/errors';
import { ACTIONS, can, type Action } from '../../shared/permissions';
import type { MethodSpec } from '../../shared/rpc/define';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { permissionContext } from '../workspace/permission-context';

/** What a refused action tells the user (the code is the action's `denied`). */
const REFUSED: Record<Action, string> = {
  'workspace.read': 'You are not a member of this workspace.',
  'sync.run': 'You are not a member of this workspace.',
  'case.read': 'You do not have access to this case.',
  'case.create': 'Observers cannot create cases.',
  'case.edit': 'You may read this case but not change it.',
  'seizures.import': 'You may read this case but not import into it.',
  'seizures.export': 'Observers cannot export case data. Ask an investigator or prosecutor.',
  'rates.import': 'Observers cannot import exchange rates.',
  'rates.remove': 'Observers cannot remove exchange rates.',
  'case.index': 'Only workspace admins can change the case index.',
  'rates.edit': 'Only workspace admins can change the shared exchange rates.',
  'prices.edit': 'Only workspace admins can change the price list.',
  'workspace.settings': 'Only workspace admins can change the workspace settings.',
  'members.invite': 'Only workspace admins can invite members.',
  'members.remove': 'Only workspace admins can remove members.',
  'sync.configure': 'Only workspace admins can connect a workspace to a relay or see its key.',
};

/**
 * Checks that the caller may run a method declared by `spec` with `params` (already validated).
 * `workspace(id)` opens the workspace the params name.
 * @throws NestError with the action's `denied` code ('read-only' or 'forbidden') when refused;
 *   NestError('not-found') from `workspace` for an unknown workspace.
 */
export function authorize(spec: MethodSpec, params: unknown, workspace: (id: string) => WorkspaceRuntime): void {
  const action = spec.action;
  if (action === null) return;
  const p = params as { workspaceId?: unknown; caseId?: unknown };
  if (typeof p.workspaceId !== 'string') throw new NestError('internal', `a method needing "${action}" must take a workspaceId`);
  const { subject, target } = permissionContext(workspace(p.workspaceId));
  const caseId = typeof p.caseId === 'string' ? p.caseId : undefined;
  if (!can(subject, action, { ...target, ...(caseId ? { caseId } : {}) })) throw new NestError(ACTIONS[action].denied, REFUSED[action]);
}
