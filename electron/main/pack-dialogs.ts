/**
 * The main process's IPC endpoints for case packs (shared/desktop-api.ts `IPC`), each checking its
 * sender and payload (zod) first, like ipc-handlers.ts. A page never names a path: main shows the
 * native dialog and runs the path-taking, trusted-only RPC itself over its own data-service
 * session (`trusted: true`), then hands the page only the result.
 * - `nest:export-pack` (invoke, (request)): `request` is `packs.export`'s params plus
 *   `suggestedName`; "Save as" for a `.zip` attached to the asking window (`.zip` appended when
 *   missing), then `packs.exportToFile` to that path. Progress reaches the page as the service's
 *   `packs.progress` events on the page's own port (they go to every session).
 * - `nest:verify-pack` (invoke, (workspaceId)): "Open" for one `.zip`, then `packs.verifyFile`.
 * Both resolve to `{ result, error }` (shared/desktop-api.ts `PackIpcResult`): both null when the
 * dialog was cancelled; `error` is the service's ErrorInfo (catalogue id and values) when it failed.
 * Electron's dialogs and main's service session come in through {@link PackDialogDeps}, so tests
 * drive the endpoints without Electron against a real data service.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../node/log';
import { NestError, type ErrorInfo } from '../../shared/errors';
import { IPC, type PackIpcResult } from '../../shared/desktop-api';
import { packExportParamsSchema } from '../../shared/rpc/packs';
import type { RpcParams, RpcResult } from '../../shared/rpc/contract';
import { checkArgs, checkSender, fileNameSchema, type WindowRegistry } from './ipc-validation';
import type { IpcMainLike } from './ipc-handlers';

/** The trusted-only pack methods main calls for a window. */
type MainPackMethod = 'packs.exportToFile' | 'packs.verifyFile';

/** Dependencies of {@link registerPackDialogs}. */
export interface PackDialogDeps {
  ipcMain: IpcMainLike<{ close(): void }>;
  ourWebContentsIds: WindowRegistry;
  /** "Save as" (ZIP filter) for the sender's window: the chosen path or null. */
  showSaveZip(webContentsId: number, suggestedName: string): Promise<string | null>;
  /** "Open" (ZIP filter, one file) for the sender's window: the chosen path or null. */
  showOpenZip(webContentsId: number): Promise<string | null>;
  /** Calls the data service over main's own trusted session (service-call.ts); rejects with its NestError. */
  callService<M extends MainPackMethod>(method: M, params: RpcParams<M>): Promise<RpcResult<M>>;
  logger: Logger;
}

/** The argument list of each pack channel. */
export const packIpcArgs = {
  /** `nest:export-pack`: one object, packs.export's params and the suggested file name; nothing else. */
  exportPack: z.tuple([packExportParamsSchema.extend({ suggestedName: fileNameSchema }).strict()], { error: 'takes (request: { workspaceId, caseId, suggestedName, … })' }),
  /** `nest:verify-pack`: (workspaceId), a UUID. */
  verifyPack: z.tuple([z.string().uuid({ error: 'must be a UUID' })], { error: 'takes (workspaceId: string)' }),
} as const;

/** Registers the two endpoints. */
export function registerPackDialogs(deps: PackDialogDeps): void {
  const { ipcMain, logger } = deps;
  const guard = <T>(channel: string, schema: z.ZodType<T>, event: Parameters<Parameters<typeof ipcMain.handle>[1]>[0], raw: unknown[]): T => {
    const sender = checkSender(event, deps.ourWebContentsIds);
    if (!sender.ok) {
      logger.warn({ channel, reason: sender.reason }, 'IPC refused');
      throw new NestError('forbidden', `${channel} refused: ${sender.reason}`);
    }
    const payload = checkArgs(schema, raw);
    if (!payload.ok) {
      logger.warn({ channel, reason: payload.reason }, 'IPC refused');
      throw new NestError('invalid-params', `${channel}: ${payload.reason}`);
    }
    return payload.value;
  };
  /** Runs `call`, turning its failure into the page's ErrorInfo (logged by code only, never the path). */
  const settle = async <T>(channel: string, call: () => Promise<T>): Promise<PackIpcResult<T>> => {
    try {
      return { result: await call(), error: null };
    } catch (err) {
      const info: ErrorInfo = err instanceof NestError ? err.toInfo() : { code: 'internal', message: 'the pack could not be processed' };
      logger.warn({ channel, code: info.code }, 'pack call failed');
      return { result: null, error: info };
    }
  };
  ipcMain.handle(IPC.exportPack, async (event, ...raw) => {
    const [{ suggestedName, ...params }] = guard(IPC.exportPack, packIpcArgs.exportPack, event, raw);
    const chosen = await deps.showSaveZip(event.sender.id, suggestedName);
    if (!chosen) return { result: null, error: null };
    const outFile = path.extname(chosen).toLowerCase() === '.zip' ? chosen : `${chosen}.zip`;
    return settle(IPC.exportPack, () => deps.callService('packs.exportToFile', { ...params, outFile }));
  });
  ipcMain.handle(IPC.verifyPack, async (event, ...raw) => {
    const [workspaceId] = guard(IPC.verifyPack, packIpcArgs.verifyPack, event, raw);
    const file = await deps.showOpenZip(event.sender.id);
    if (!file) return { result: null, error: null };
    return settle(IPC.verifyPack, () => deps.callService('packs.verifyFile', { workspaceId, path: file }));
  });
}
