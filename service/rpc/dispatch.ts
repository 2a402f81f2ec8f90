/**
 * RPC dispatch: the one door every call goes through, from a renderer or in-process (CLIs).
 * Checks the method name, validates params by the contract's schema, checks the permission the
 * method declares (authorize.ts, from shared/permissions), then calls the handler with the handler context.
 */
import { NestError, describeIssues, fieldIssues } from '../../shared/errors';
import { isRpcMethod, rpcContract } from '../../shared/rpc/contract';
import type { RpcContext } from './context';
import { authorize } from './authorize';
import { handlers } from './handlers';

/**
 * Runs one RPC call.
 * @throws NestError('unknown-method') for a method the contract does not declare;
 *   NestError('invalid-params') naming each bad field; NestError('read-only' | 'forbidden') when the
 *   caller may not run the method, or NestError('forbidden') when a window's session calls a
 *   trusted-only method; whatever the handler throws.
 */
export async function dispatch(method: string, params: unknown, ctx: RpcContext): Promise<unknown> {
  if (!isRpcMethod(method)) throw new NestError('unknown-method', { id: 'service.rpc.unknown-method', values: { method: method.slice(0, 80) } });
  const spec = rpcContract[method];
  // Methods that name a path on this computer: never from a window (see MethodSpec.trustedOnly).
  if (spec.trustedOnly && ctx.session !== null && !ctx.session.trusted) {
    throw new NestError('forbidden', { id: 'service.rpc.trusted-only', values: { method } });
  }
  const parsed = spec.params.safeParse(params ?? {});
  if (!parsed.success) {
    throw new NestError('invalid-params', { id: 'service.rpc.invalid-params', values: { method, detail: describeIssues(parsed.error.issues) } }, fieldIssues(parsed.error.issues));
  }
  // The per-method permission check, once, before any handler runs.
  authorize(spec, parsed.data, (id) => ctx.workspaces.get(id));
  const handler = handlers[method] as (p: unknown, ctx: RpcContext) => unknown;
  return await handler(parsed.data, ctx);
}
