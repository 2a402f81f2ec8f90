/**
 * Types of the data service's RPC handlers, derived from the contract in shared/rpc, so a
 * handler's params and result cannot drift from what the renderer calls.
 */
import type { RpcMethod, RpcParsedParams, RpcResult } from '../../shared/rpc/contract';
import type { RpcContext } from './context';

export type { RpcContext } from './context';

/** The handler of method M: params already validated by the contract's schema. */
export type Handler<M extends RpcMethod> = (params: RpcParsedParams<M>, ctx: RpcContext) => Promise<RpcResult<M>> | RpcResult<M>;

/** Handlers of a set of methods. */
export type HandlerMap<K extends RpcMethod> = { [M in K]: Handler<M> };
