/**
 * The main process's IPC endpoints (shared/desktop-api.ts `IPC`), each checking its sender and
 * payload first (ipc-validation.ts):
 * - `nest:request-data-port` (send, no payload): creates a MessageChannelMain, posts one end to
 *   the data service and the other to the asking frame as `nest:data-port`;
 * - `nest:save-file` (invoke, (suggestedName, content)): shows "Save as" attached to the asking
 *   window and writes the UTF-8 content (temporary file + rename, so a failed write never leaves
 *   half a file under the chosen name); resolves to the path, or null when cancelled.
 * - `nest:add-files` (invoke, (workspaceId, caseId)): shows "Open" (several files) attached to the
 *   asking window and adds each chosen file to the case through the data service's
 *   `files.addFromPath`, called by main itself (the page never names a path); resolves to
 *   `{ added, error }` (the error that stopped the rest, as ErrorInfo, or null).
 * A refused message is logged (reason only, never the content); an invoke is rejected with
 * NestError('forbidden' | 'invalid-params').
 *
 * Electron's objects come in through {@link IpcDeps}, so tests drive the endpoints without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../node/log';
import { NestError } from '../../shared/errors';
import { IPC, type AddFilesResult } from '../../shared/desktop-api';
import type { AttachedFile } from '../../shared/domain/attached-file';
import { checkArgs, checkSender, ipcArgs, type FrameLike, type IpcEventLike, type WindowRegistry } from './ipc-validation';

/** A frame that can receive a port (Electron's WebFrameMain). */
export interface PostingFrame<P> extends FrameLike {
  postMessage(channel: string, message: unknown, transfer?: P[]): void;
}

/** An IPC event as the endpoints read it. */
export interface IpcEvent<P> extends IpcEventLike {
  readonly senderFrame: PostingFrame<P> | null;
}

/** The part of Electron's ipcMain the endpoints use. */
export interface IpcMainLike<P> {
  on(channel: string, listener: (event: IpcEvent<P>, ...args: unknown[]) => void): unknown;
  handle(channel: string, listener: (event: IpcEvent<P>, ...args: unknown[]) => Promise<unknown>): void;
}

/** Dependencies of {@link registerIpc}. */
export interface IpcDeps<P extends { close(): void }> {
  ipcMain: IpcMainLike<P>;
  /** webContents ids of the app's windows, kept current by main.ts. */
  ourWebContentsIds: WindowRegistry;
  /** `new MessageChannelMain()`. */
  createChannel(): { port1: P; port2: P };
  /** Hands a port to the data service; false when it was closed instead (service down). */
  connectDataService(port: P): boolean;
  /** Shows "Save as" for the sender's window; resolves to the chosen path or null. */
  showSaveDialog(webContentsId: number, suggestedName: string): Promise<string | null>;
  /** Shows "Open" (files, several) for the sender's window; resolves to the chosen absolute paths (none when cancelled). */
  showOpenFilesDialog(webContentsId: number): Promise<string[]>;
  /** Adds the file at an absolute path to a case through the data service (`files.addFromPath`). */
  addFileFromPath(workspaceId: string, caseId: string, file: string): Promise<AttachedFile>;
  logger: Logger;
}

/** Writes `content` as UTF-8 to `file` through a temporary file in the same folder and a rename. */
export async function writeTextFile(file: string, content: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.nest-tmp`);
  try {
    await fs.promises.writeFile(tmp, content, { encoding: 'utf8', flag: 'w' });
    await fs.promises.rename(tmp, file);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}

/** Registers the IPC endpoints. */
export function registerIpc<P extends { close(): void }>(deps: IpcDeps<P>): void {
  const { ipcMain, logger } = deps;

  ipcMain.on(IPC.requestDataPort, (event, ...args) => {
    const sender = checkSender(event, deps.ourWebContentsIds);
    if (!sender.ok) {
      logger.warn({ channel: IPC.requestDataPort, reason: sender.reason }, 'IPC refused');
      return;
    }
    const payload = checkArgs(ipcArgs.requestDataPort, args);
    if (!payload.ok) {
      logger.warn({ channel: IPC.requestDataPort, reason: payload.reason }, 'IPC refused');
      return;
    }
    const frame = event.senderFrame!;
    const { port1, port2 } = deps.createChannel();
    // When the service is down for good, port1 is closed and the page sees its port close at once.
    if (!deps.connectDataService(port1)) logger.warn('data port handed out while the data service is unavailable');
    try {
      frame.postMessage(IPC.dataPort, null, [port2]);
    } catch (err) {
      // The frame went away between the check and the answer (navigated, closed): drop the channel.
      port2.close();
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'data port could not be delivered');
    }
  });

  ipcMain.handle(IPC.saveFile, async (event, ...args) => {
    const sender = checkSender(event, deps.ourWebContentsIds);
    if (!sender.ok) {
      logger.warn({ channel: IPC.saveFile, reason: sender.reason }, 'IPC refused');
      throw new NestError('forbidden', `${IPC.saveFile} refused: ${sender.reason}`);
    }
    const payload = checkArgs(ipcArgs.saveFile, args);
    if (!payload.ok) {
      logger.warn({ channel: IPC.saveFile, reason: payload.reason }, 'IPC refused');
      throw new NestError('invalid-params', `${IPC.saveFile}: ${payload.reason}`);
    }
    const [suggestedName, content] = payload.value;
    const file = await deps.showSaveDialog(event.sender.id, suggestedName);
    if (!file) return null;
    try {
      await writeTextFile(file, content);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      logger.error({ channel: IPC.saveFile, code }, 'saving a file failed');
      throw new NestError('export-failed', `could not write ${path.basename(file)}: ${code}`);
    }
    logger.info({ bytes: Buffer.byteLength(content, 'utf8') }, 'file saved');
    return file;
  });

  ipcMain.handle(IPC.addFiles, async (event, ...args): Promise<AddFilesResult> => {
    const sender = checkSender(event, deps.ourWebContentsIds);
    if (!sender.ok) {
      logger.warn({ channel: IPC.addFiles, reason: sender.reason }, 'IPC refused');
      throw new NestError('forbidden', `${IPC.addFiles} refused: ${sender.reason}`);
    }
    const payload = checkArgs(ipcArgs.addFiles, args);
    if (!payload.ok) {
      logger.warn({ channel: IPC.addFiles, reason: payload.reason }, 'IPC refused');
      throw new NestError('invalid-params', `${IPC.addFiles}: ${payload.reason}`);
    }
    const [workspaceId, caseId] = payload.value;
    const files = await deps.showOpenFilesDialog(event.sender.id);
    const added: AttachedFile[] = [];
    for (const file of files) {
      try {
        added.push(await deps.addFileFromPath(workspaceId, caseId, file));
      } catch (err) {
        const info = err instanceof NestError ? err.toInfo() : { code: 'internal' as const, message: 'the file could not be added' };
        logger.warn({ channel: IPC.addFiles, code: info.code }, 'adding a file failed');
        return { added, error: info };
      }
    }
    logger.info({ files: added.length }, 'files added');
    return { added, error: null };
  });
}
