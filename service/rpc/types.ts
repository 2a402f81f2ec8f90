/**
 * Types of the data service's RPC handlers, derived from the contract in shared/rpc, so a
 * handler's params and result cannot drift from what the renderer calls.
 */
import type { RpcMethod, RpcParsedParams, RpcResult } from '../../shared/rpc/contract';
import type { DataService } from '../data-service';
import type { Session } from '../renderer-sync/session';

/** What every handler receives besides its params. */
export interface RpcContext {
  service: DataService;
  /** The calling renderer's session; null for in-process callers (CLIs). */
  session: Session | null;
}

/** The handler of method M: params already validated by the contract's schema. */
export type Handler<M extends RpcMethod> = (params: RpcParsedParams<M>, ctx: RpcContext) => Promise<RpcResult<M>> | RpcResult<M>;

/** Handlers of a set of methods. */
export type HandlerMap<K extends RpcMethod> = { [M in K]: Handler<M> };
