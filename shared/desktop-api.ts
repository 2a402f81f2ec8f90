/**
 * The one object the Electron preload exposes to the page, as `window.nestDesk`, and the message
 * names of the port hand-over. The page never sees `ipcRenderer`.
 *
 * Hand-over: the page calls `nestDesk.requestDataPort()`; main creates a MessageChannel, gives
 * one end to the data service and sends the other to this window; the preload forwards it with
 * `window.postMessage(DATA_PORT_MESSAGE, '*', [port])`, and the page takes `event.ports[0]`.
 *
 * Restart: if the data service process dies, main starts a new one and sends
 * `IPC.dataServiceRestarted` to every window; the preload forwards it as the window message
 * {@link DATA_SERVICE_RESTARTED_MESSAGE}. The page's old port is dead by then (Electron fires
 * `close` on it): the page calls `requestDataPort()` again and resyncs its docs over the new port.
 */

import type { AttachedFile } from './domain/attached-file';
import type { ErrorInfo } from './errors';
import type { z } from 'zod';
import type { AddBasemapsResult } from './rpc/basemaps';
import type { PackExportParams, packExportResultSchema, packVerifyResultSchema } from './rpc/packs';

/** What `addFiles` resolves to. */
export interface AddFilesResult {
  added: AttachedFile[];
  error: ErrorInfo | null;
}

/** What `addBasemaps` resolves to (both lists empty when the dialog was cancelled). */
export type { AddBasemapsResult };

/**
 * What a pack IPC call resolves to: the data service's result, or the error that stopped it (its
 * catalogue id and values, for the page's locale); both null when the user cancelled the dialog.
 */
export interface PackIpcResult<T> {
  result: T | null;
  error: ErrorInfo | null;
}

/** IPC channel names (renderer ↔ main), each validated in main. */
export const IPC = {
  requestDataPort: 'nest:request-data-port',
  dataPort: 'nest:data-port',
  saveFile: 'nest:save-file',
  /** renderer → main (invoke): (suggestedName, png bytes) → saved path or null. */
  savePng: 'nest:save-png',
  /** Case packs, invoke (request): "Save as", then main has the data service write the pack there. */
  exportPack: 'nest:export-pack',
  /** Case packs, invoke (workspaceId): "Open", then main has the data service verify that pack. */
  verifyPack: 'nest:verify-pack',
  /** invoke (workspaceId, caseId): native "Add files" dialog, the chosen files added to the case. */
  addFiles: 'nest:add-files',
  /** invoke (no payload): native "Open" for .mbtiles/.pmtiles files, registered as offline basemaps. */
  addBasemaps: 'nest:add-basemaps',
  /** main → renderer, no payload: the data service was restarted; request a new port. */
  dataServiceRestarted: 'nest:data-service-restarted',
} as const;

/** The window message that carries the data-service MessagePort from the preload to the page. */
export const DATA_PORT_MESSAGE = 'nest-desk:data-port';

/** The window message (no ports) telling the page that the data service restarted. */
export const DATA_SERVICE_RESTARTED_MESSAGE = 'nest-desk:data-service-restarted';

/** What `window.nestDesk` offers. */
export interface DesktopApi {
  /** 'electron'. */
  readonly kind: 'electron';
  /** process.platform of the desktop (for keyboard hints). */
  readonly platform: string;
  /** Asks main for a MessagePort to the data service (delivered as a window message). */
  requestDataPort(): void;
  /**
   * Shows a native "Save as" dialog and writes `content` (UTF-8) to the chosen file.
   * Resolves to the saved path, or null when cancelled.
   */
  saveFile(suggestedName: string, content: string): Promise<string | null>;
  /**
   * Shows a native "Save as" dialog and writes `png` (the bytes of a PNG image, at most 50 MiB;
   * the name must end in .png) to the chosen file. Resolves to the saved path, or null when cancelled.
   */
  savePng(suggestedName: string, png: Uint8Array): Promise<string | null>;
  /**
   * Shows "Save as" for a case pack (`suggestedName`, .zip) and has main export the pack there
   * through its trusted data-service session (`packs.exportToFile`; the page never names a
   * path). Progress arrives as `packs.progress` events on the page's own port.
   */
  exportPack(request: PackExportParams & { suggestedName: string }): Promise<PackIpcResult<z.infer<typeof packExportResultSchema>>>;
  /** Shows "Open" for one case pack (.zip) and has main verify it (`packs.verifyFile`). */
  verifyPack(workspaceId: string): Promise<PackIpcResult<z.infer<typeof packVerifyResultSchema>>>;
  /**
   * Shows the native "Add files" dialog; main adds each chosen file to the case through the data
   * service's `files.addFromPath` (the page never names a path), one after the other. Resolves to
   * the files added (none when cancelled) and the error that stopped the rest (too large, not
   * allowed …; its catalogue id and values, for the page's locale), or null.
   */
  addFiles(workspaceId: string, caseId: string): Promise<AddFilesResult>;
  /**
   * Shows the native "Open" dialog for offline basemap files (.mbtiles, .pmtiles, several); main
   * registers the chosen files with the data service (`basemaps.addFromPaths`; the page never names
   * a path), which remembers them on this device. Their tiles are then served under
   * `app://nest/basemaps/…`.
   */
  addBasemaps(): Promise<AddBasemapsResult>;
}
