/**
 * All RPC handlers, merged from the domain handler maps. The `HandlerMap<RpcMethod>` type makes
 * a method declared in shared/rpc without a handler a compile error.
 */
import type { RpcMethod } from '../../shared/rpc/contract';
import { appHandlers } from '../workspace/app-handlers';
import { caseHandlers } from '../cases/case-handlers';
import { mapHandlers } from '../map/map-handlers';
import { entityHandlers } from '../entities/entity-handlers';
import { exportHandlers } from '../export/export-handlers';
import { historyHandlers } from '../history/history-handlers';
import { heldDeletionsHandlers } from '../history/held-deletions-handlers';
import { importHandlers } from '../import/import-handlers';
import { seizureEditHandlers } from '../seizures/seizure-handlers';
import { memberHandlers } from '../members/member-handlers';
import { syncHandlers } from '../relay-sync/sync-handlers';
import { valuationHandlers } from '../valuation/valuation-handlers';
import { fileHandlers } from '../blobs/file-handlers';
import { packHandlers } from '../packs/pack-handlers';
import { workspaceKeyHandlers } from '../packs/workspace-key-handlers';
import { stixHandlers } from '../stix/stix-handlers';
import { basemapHandlers } from '../tiles/basemap-handlers';
import type { HandlerMap } from './types';

/** Every method's handler. */
export const handlers: HandlerMap<RpcMethod> = { ...appHandlers, ...caseHandlers, ...entityHandlers, ...importHandlers, ...seizureEditHandlers, ...exportHandlers, ...historyHandlers, ...heldDeletionsHandlers, ...syncHandlers, ...memberHandlers, ...valuationHandlers, ...fileHandlers, ...packHandlers, ...stixHandlers, ...basemapHandlers, ...mapHandlers, ...workspaceKeyHandlers };
