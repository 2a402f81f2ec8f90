/**
 * Helpers to declare RPC methods and events once, as zod schemas, so that the data service
 * validates every call and both sides derive their TypeScript types from the same declaration.
 */
import type { z } from 'zod';

/** One RPC method: the schema of its params and of its result. */
export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
  /** One line for docs/rpc.md and error messages. */
  summary: string;
}

/** Declares an RPC method. */
export function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R, summary: string): MethodSpec<P, R> {
  return { params, result, summary };
}
