/**
 * The RPC contract between renderer and data service, declared once. Each domain declares its
 * methods in its own file; this module merges them into one table (Actual Budget's handler-map
 * pattern). The data service must implement every method (checked by the `Handlers` type) and
 * validates every call's params with the method's schema.
 */
import type { z } from 'zod';
import { appRpc, type StorageStatus } from './app';
import { casesRpc, stixRpc } from './cases';
import { caseStatsRpc } from './case-stats';
import { entitiesRpc } from './entities';
import { historyRpc } from './history';
import { heldDeletionsRpc } from './held-deletions';
import { importRpc, type ImportProgress } from './import';
import { seizureEditsRpc } from './seizure-edits';
import { seizureRestoreRpc } from './seizure-restore';
import { syncRpc, type SyncStatus } from './sync';
import { valuationRpc } from './valuation';
import { filesRpc, type FilesProgress, type FilesStatusEvent } from './files';
import { packsRpc, type PacksProgress } from './packs';
import { basemapsRpc } from './basemaps';
import { mapRpc } from './map';
import { workspaceKeyRpc } from './workspace-key';
import type { MethodSpec } from './define';
import type { ErrorInfo } from '../errors';

/** Every RPC method, by name. */
export const rpcContract = { ...appRpc, ...casesRpc, ...caseStatsRpc, ...stixRpc, ...entitiesRpc, ...historyRpc, ...heldDeletionsRpc, ...importRpc, ...seizureEditsRpc, ...seizureRestoreRpc, ...syncRpc, ...valuationRpc, ...filesRpc, ...packsRpc, ...basemapsRpc, ...mapRpc, ...workspaceKeyRpc } as const satisfies Record<string, MethodSpec>;

/** An RPC method name. */
export type RpcMethod = keyof typeof rpcContract;
/** What a caller passes (defaults may be omitted). */
export type RpcParams<M extends RpcMethod> = z.input<(typeof rpcContract)[M]['params']>;
/** What a handler receives (defaults applied). */
export type RpcParsedParams<M extends RpcMethod> = z.output<(typeof rpcContract)[M]['params']>;
/** What a method returns. */
export type RpcResult<M extends RpcMethod> = z.output<(typeof rpcContract)[M]['result']>;

/** True when `name` is a method of the contract. */
export function isRpcMethod(name: string): name is RpcMethod {
  return Object.prototype.hasOwnProperty.call(rpcContract, name);
}

/** Events the data service pushes to renderers: name → payload. */
export interface RpcEvents {
  /** A workspace's projections changed (a case or its seizures were edited, imported or synced). */
  'projection.changed': { workspaceId: string; caseIds: string[]; parts: ('meta' | 'summary' | 'seizures' | 'routes')[] };
  /** The list of workspaces or their settings changed. */
  'workspaces.changed': Record<string, never>;
  /** A workspace's sync status changed. */
  'sync.status': SyncStatus;
  /** A workspace's storage status changed (a change could not be written to disk, or all are written again). */
  'storage.status': StorageStatus;
  /** A frame from this renderer could not be decoded (the connection stays up). */
  'protocol.error': ErrorInfo;
  /** Progress of a file intake or a "verify files" run. */
  'files.progress': FilesProgress;
  /** Progress of a long import (reading the rows, then writing them). */
  'import.progress': ImportProgress;
  /** Progress of a case pack export. */
  'packs.progress': PacksProgress;
  /** Files of a case changed sync status (blob sync with the relay): only the changed ones. */
  'files.status': FilesStatusEvent;
}
/** An event name. */
export type RpcEventName = keyof RpcEvents;
