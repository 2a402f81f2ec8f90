/**
 * Helpers to declare RPC methods and events once, as zod schemas, so that the data service
 * validates every call and both sides derive their TypeScript types from the same declaration.
 * Each method also declares the permission it needs (an action of shared/permissions), checked
 * once at dispatch.
 */
import type { z } from 'zod';
import type { Action } from '../permissions/actions';

/** One RPC method: the schema of its params and of its result, and the action it needs. */
export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
  /** One line for docs/rpc.md and error messages. */
  summary: string;
  /**
   * What the caller must be allowed to do (`can(member, action, { workspace, caseId })` with the
   * params' `workspaceId` and `caseId`), or null for methods outside any workspace (identity,
   * the list of workspaces, creating or joining one).
   */
  action: Action | null;
  /**
   * True for methods a window may not call: they name a path on this computer (e.g. read a file
   * into a case), so only the data service's own entries (CLIs, the browser host's upload route)
   * and Electron main (after its native dialog) may. A window's page never chooses a path: a page
   * that could would add any readable file (a key, another app's data) to a case that syncs.
   */
  trustedOnly: boolean;
}

/** Declares an RPC method that needs `action` (null: outside any workspace). */
export function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R, summary: string, action: Action | null): MethodSpec<P, R> {
  return { params, result, summary, action, trustedOnly: false };
}

/** Declares an RPC method only trusted callers may run (see {@link MethodSpec.trustedOnly}); otherwise as {@link method}. */
export function trustedMethod<P extends z.ZodType, R extends z.ZodType>(params: P, result: R, summary: string, action: Action | null): MethodSpec<P, R> {
  return { params, result, summary, action, trustedOnly: true };
}
