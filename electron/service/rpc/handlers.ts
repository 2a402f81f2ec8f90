/**
 * All RPC handlers, merged from the domain handler maps. The `HandlerMap<RpcMethod>` type makes
 * a method declared in shared/rpc without a handler a compile error.
 */
import type { RpcMethod } from '../../../shared/rpc/contract';
import { appHandlers } from './app-handlers';
import { caseHandlers } from './case-handlers';
import { importHandlers } from './import-handlers';
import { syncHandlers } from './sync-handlers';
import { valuationHandlers } from './valuation-handlers';
import type { HandlerMap } from './types';

/** Every method's handler. */
export const handlers: HandlerMap<RpcMethod> = { ...appHandlers, ...caseHandlers, ...importHandlers, ...syncHandlers, ...valuationHandlers };
