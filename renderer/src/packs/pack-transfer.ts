/**
 * Moving case packs between the page and the data service, per mode. The page never names a path
 * and never holds a pack in memory:
 * - Electron: the preload's validated IPC asks main to show "Save as" / "Open" and to run the
 *   export or the verification itself, over main's trusted data-service session; the page gets
 *   the result (progress comes as `packs.progress` events on its own port).
 * - Browser mode: the data service stages the pack; the page asks for a single-use download URL
 *   (`packs.downloadTicket`) and navigates a hidden `<a download>` to it, so the browser's own
 *   download manager streams the pack to disk (same origin: the CSP stays strict, no `blob:` URL).
 *   A pack to verify is uploaded to the browser host with the session token (`Authorization: Bearer`).
 */
import type { PackExportParams } from '../../../shared/rpc/packs';
import type { RpcResult } from '../../../shared/rpc/contract';
import type { PackIpcResult } from '../../../shared/desktop-api';
import type { DataClient } from '../data/client';
import { RpcError } from '../data/rpc-error';
import { desktopApi } from '../platform/desktop';
import { browserToken } from '../platform/connect';

/** True in Electron (native dialogs run by main); false in browser mode (download, upload). */
export function hasNativeDialogs(): boolean {
  return desktopApi() !== null;
}

/** The result of an IPC pack call; null when the user cancelled. @throws RpcError with the service's error. */
function unwrap<T>(r: PackIpcResult<T>): T | null {
  if (r.error) throw new RpcError(r.error);
  return r.result;
}

/**
 * Electron: "Save as" `suggestedName`, then main exports the pack there.
 * @returns the export's result, or null when the dialog was cancelled.
 * @throws RpcError when the export failed.
 */
export async function exportPackNative(params: PackExportParams, suggestedName: string): Promise<RpcResult<'packs.export'> | null> {
  const api = desktopApi();
  return api ? unwrap(await api.exportPack({ ...params, suggestedName })) : null;
}

/**
 * Electron: "Open" a pack, then main verifies it.
 * @returns the verifier's report, or null when the dialog was cancelled.
 * @throws RpcError when the verification could not run.
 */
export async function verifyPackNative(workspaceId: string): Promise<RpcResult<'packs.verify'> | null> {
  const api = desktopApi();
  return api ? unwrap(await api.verifyPack(workspaceId)) : null;
}

function token(): string {
  const tk = browserToken();
  if (!tk) throw new Error('no session token');
  return tk;
}

/**
 * Browser mode: hands staged pack `stagedId` to the browser's download manager under `fileName`
 * (the server's `Content-Disposition` names it too), through a single-use URL.
 * @throws RpcError when the data service refuses the ticket (not this member's pack, no longer staged).
 */
export async function downloadStagedPack(client: DataClient, workspaceId: string, stagedId: string, fileName: string): Promise<void> {
  const { url } = await client.call('packs.downloadTicket', { workspaceId, stagedId });
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noreferrer';
  a.className = 'visually-hidden';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * Browser mode: uploads the pack the user chose and returns its staged id for `packs.verify`.
 * @throws Error when the host refuses or the transfer fails.
 */
export async function uploadPack(file: File): Promise<string> {
  const res = await fetch('/packs/upload', { method: 'POST', headers: { Authorization: `Bearer ${token()}`, 'Content-Type': 'application/zip' }, body: file });
  if (!res.ok) throw new Error(`upload failed (${res.status})`);
  return ((await res.json()) as { stagedId: string }).stagedId;
}
