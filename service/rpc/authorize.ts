/**
 * The one permission check of RPC dispatch: each method declares the action it needs in
 * shared/rpc (`MethodSpec.action`); this checks it with `can` from shared/permissions against the
 * workspace named by the params (and the case, for case actions) before the handler runs.
 */
import { NestError } from '../../shared/errors';
import type { MessageId } from '../../shared/messages';
import { ACTIONS, can, type Action } from '../../shared/permissions';
import type { MethodSpec } from '../../shared/rpc/define';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { permissionContext } from '../workspace/permission-context';

/** What a refused action tells the user (the code is the action's `denied`). */
const REFUSED: Record<Action, MessageId> = {
  'workspace.read': 'rpc.refused.workspace.read',
  'sync.run': 'rpc.refused.sync.run',
  'case.read': 'rpc.refused.case.read',
  'case.create': 'rpc.refused.case.create',
  'case.edit': 'rpc.refused.case.edit',
  'seizures.import': 'rpc.refused.seizures.import',
  'seizures.export': 'rpc.refused.seizures.export',
  'rates.import': 'rpc.refused.rates.import',
  'rates.remove': 'rpc.refused.rates.remove',
  'case.index': 'rpc.refused.case.index',
  'rates.edit': 'rpc.refused.rates.edit',
  'prices.edit': 'rpc.refused.prices.edit',
  'workspace.settings': 'rpc.refused.workspace.settings',
  'members.invite': 'rpc.refused.members.invite',
  'members.remove': 'rpc.refused.members.remove',
  'sync.configure': 'rpc.refused.sync.configure',
  'records.purge': 'rpc.refused.records.purge',
  'history.view': 'rpc.refused.history.view',
  'history.restore': 'rpc.refused.history.restore',
  'deletions.decide': 'rpc.refused.deletions.decide',
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
  if (typeof p.workspaceId !== 'string') throw new NestError('internal', { id: 'service.rpc.needs-workspace', values: { action } });
  const { subject, target } = permissionContext(workspace(p.workspaceId));
  const caseId = typeof p.caseId === 'string' ? p.caseId : undefined;
  if (!can(subject, action, { ...target, ...(caseId ? { caseId } : {}) })) throw new NestError(ACTIONS[action].denied, { id: REFUSED[action] });
}
