/**
 * The main process's IPC endpoints for case packs (shared/desktop-api.ts `IPC`), each checking its
 * sender and payload first (ipc-validation.ts), like ipc-handlers.ts:
 * - `nest:choose-pack-destination` (invoke, (suggestedName)): "Save as" for a `.zip` attached to
 *   the asking window; resolves to the chosen absolute path (`.zip` appended when missing), or
 *   null when cancelled. Main writes nothing: the data service streams the pack to that path.
 * - `nest:choose-pack-to-verify` (invoke, no arguments): "Open" for one `.zip`; resolves to its
 *   path or null.
 * Electron's dialogs come in through {@link PackDialogDeps}, so tests drive the endpoints without Electron.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../node/log';
import { NestError } from '../../shared/errors';
import { IPC } from '../../shared/desktop-api';
import { checkArgs, checkSender, fileNameSchema, type WindowRegistry } from './ipc-validation';
import type { IpcMainLike } from './ipc-handlers';

/** Dependencies of {@link registerPackDialogs}. */
export interface PackDialogDeps {
  ipcMain: IpcMainLike<{ close(): void }>;
  ourWebContentsIds: WindowRegistry;
  /** "Save as" (ZIP filter) for the sender's window: the chosen path or null. */
  showSaveZip(webContentsId: number, suggestedName: string): Promise<string | null>;
  /** "Open" (ZIP filter, one file) for the sender's window: the chosen path or null. */
  showOpenZip(webContentsId: number): Promise<string | null>;
  logger: Logger;
}

const args = {
  destination: z.tuple([fileNameSchema], { error: 'takes (suggestedName: string)' }),
  open: z.tuple([], { error: 'takes no arguments' }),
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
  ipcMain.handle(IPC.choosePackDestination, async (event, ...raw) => {
    const [suggestedName] = guard(IPC.choosePackDestination, args.destination, event, raw);
    const file = await deps.showSaveZip(event.sender.id, suggestedName);
    if (!file) return null;
    return path.extname(file).toLowerCase() === '.zip' ? file : `${file}.zip`;
  });
  ipcMain.handle(IPC.choosePackToVerify, async (event, ...raw) => {
    guard(IPC.choosePackToVerify, args.open, event, raw);
    return deps.showOpenZip(event.sender.id);
  });
}
