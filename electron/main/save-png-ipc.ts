/**
 * The `nest:save-png` IPC endpoint (shared/desktop-api.ts `IPC.savePng`): the link chart's PNG,
 * saved as binary through a native "Save as" dialog. The text-only `nest:save-file` cannot carry an
 * image (it writes UTF-8). Like every endpoint, it checks the sender first (ipc-validation.ts
 * `checkSender`) and then the payload with {@link savePngArgs}: a plain `.png` file name and the
 * bytes as a Uint8Array of at most {@link MAX_PNG_BYTES} that start with the PNG signature — so a
 * compromised page cannot use it to write arbitrary files (an executable, a script) under a name
 * of its choosing. Writes go through a temporary file and a rename (a failed write never leaves
 * half a file). Resolves to the saved path, or null when cancelled; a refused call is rejected
 * with NestError('forbidden' | 'invalid-params') and logged with its reason, never its bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../node/log';
import { NestError } from '../../shared/errors';
import { IPC } from '../../shared/desktop-api';
import { checkArgs, checkSender, fileNameSchema, type WindowRegistry } from './ipc-validation';
import type { IpcMainLike } from './ipc-handlers';

/** Largest PNG accepted: 50 MiB (a 16,384 × 16,384 chart at 3× is about 20 MiB). */
export const MAX_PNG_BYTES = 50 * 1024 * 1024;

/** The 8-byte signature every PNG file starts with (ISO/IEC 15948 § 5.2). */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** True when `bytes` start with {@link PNG_SIGNATURE}. */
function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The argument list of `nest:save-png`: (suggestedName ending in .png, PNG bytes). */
export const savePngArgs = z.tuple(
  [
    fileNameSchema.refine((s) => /\.png$/i.test(s), { error: 'must end in .png' }),
    z
      .instanceof(Uint8Array, { error: 'must be a Uint8Array' })
      .refine((b) => b.length <= MAX_PNG_BYTES, { error: `must be at most ${MAX_PNG_BYTES} bytes (50 MiB)` })
      .refine(hasPngSignature, { error: 'must be a PNG image (no PNG signature)' }),
  ],
  { error: 'takes (suggestedName: string, png: Uint8Array)' },
);

/** Dependencies of {@link registerSavePng}. */
export interface SavePngDeps {
  ipcMain: Pick<IpcMainLike<never>, 'handle'>;
  /** webContents ids of the app's windows. */
  ourWebContentsIds: WindowRegistry;
  /** Shows "Save as" for the sender's window; resolves to the chosen path or null. */
  showSaveDialog(webContentsId: number, suggestedName: string): Promise<string | null>;
  logger: Logger;
}

/** Writes `bytes` to `file` through a temporary file in the same folder and a rename. */
export async function writeBinaryFile(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.nest-tmp`);
  try {
    await fs.promises.writeFile(tmp, bytes, { flag: 'w' });
    await fs.promises.rename(tmp, file);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}

/** Registers `nest:save-png` on `deps.ipcMain`. */
export function registerSavePng(deps: SavePngDeps): void {
  const { logger } = deps;
  deps.ipcMain.handle(IPC.savePng, async (event, ...args) => {
    const sender = checkSender(event, deps.ourWebContentsIds);
    if (!sender.ok) {
      logger.warn({ channel: IPC.savePng, reason: sender.reason }, 'IPC refused');
      throw new NestError('forbidden', `${IPC.savePng} refused: ${sender.reason}`);
    }
    const payload = checkArgs(savePngArgs, args);
    if (!payload.ok) {
      logger.warn({ channel: IPC.savePng, reason: payload.reason }, 'IPC refused');
      throw new NestError('invalid-params', `${IPC.savePng}: ${payload.reason}`);
    }
    const [suggestedName, png] = payload.value;
    const file = await deps.showSaveDialog(event.sender.id, suggestedName);
    if (!file) return null;
    try {
      await writeBinaryFile(file, png);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      logger.error({ channel: IPC.savePng, code }, 'saving a PNG failed');
      throw new NestError('export-failed', `could not write ${path.basename(file)}: ${code}`);
    }
    logger.info({ bytes: png.length }, 'PNG saved');
    return file;
  });
}
