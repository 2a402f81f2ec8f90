/**
 * Moving case packs between the page and the data service, per mode: in Electron the native
 * dialogs (through the preload's validated IPC) give absolute paths the data service reads or
 * writes itself; in browser mode the pack is downloaded from, or uploaded to, the browser host
 * with the session token in the `X-Nest-Token` header (service/entries/pack-routes.ts).
 */
import { desktopApi } from '../platform/desktop';
import { downloadBlob } from '../platform/save-text-file';
import { browserToken } from '../platform/connect';

/** The header the browser host reads the session token from (mirrors service/entries/pack-routes.ts). */
const TOKEN_HEADER = 'X-Nest-Token';

/** True in Electron (native dialogs, paths); false in browser mode (download, upload). */
export function hasNativeDialogs(): boolean {
  return desktopApi() !== null;
}

/** Electron: "Save as" for the pack; the chosen path, or null when cancelled. */
export function chooseDestination(suggestedName: string): Promise<string | null> {
  return desktopApi()?.choosePackDestination(suggestedName) ?? Promise.resolve(null);
}

/** Electron: "Open" for a pack to verify; its path, or null when cancelled. */
export function choosePackFile(): Promise<string | null> {
  return desktopApi()?.choosePackToVerify() ?? Promise.resolve(null);
}

function token(): string {
  const tk = browserToken();
  if (!tk) throw new Error('no session token');
  return tk;
}

/**
 * Browser mode: downloads staged pack `stagedId` and hands it to the browser as `fileName`.
 * @throws Error when the host refuses or the transfer fails.
 */
export async function downloadStagedPack(stagedId: string, fileName: string): Promise<void> {
  const res = await fetch(`/packs/download/${stagedId}`, { headers: { [TOKEN_HEADER]: token() } });
  if (!res.ok) throw new Error(`download failed (${res.status})`);
  downloadBlob(fileName, await res.blob());
}

/**
 * Browser mode: uploads the pack the user chose and returns its staged id for `packs.verify`.
 * @throws Error when the host refuses or the transfer fails.
 */
export async function uploadPack(file: File): Promise<string> {
  const res = await fetch('/packs/upload', { method: 'POST', headers: { [TOKEN_HEADER]: token(), 'Content-Type': 'application/zip' }, body: file });
  if (!res.ok) throw new Error(`upload failed (${res.status})`);
  return ((await res.json()) as { stagedId: string }).stagedId;
}
