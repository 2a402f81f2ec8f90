/**
 * The one object the Electron preload exposes to the page, as `window.nestDesk`, and the message
 * names of the port hand-over. The page never sees `ipcRenderer`.
 *
 * Hand-over: the page calls `nestDesk.requestDataPort()`; main creates a MessageChannel, gives
 * one end to the data service and sends the other to this window; the preload forwards it with
 * `window.postMessage(DATA_PORT_MESSAGE, '*', [port])`, and the page takes `event.ports[0]`.
 */

/** IPC channel names (renderer ↔ main), each validated in main. */
export const IPC = {
  requestDataPort: 'nest:request-data-port',
  dataPort: 'nest:data-port',
  saveFile: 'nest:save-file',
} as const;

/** The window message that carries the data-service MessagePort from the preload to the page. */
export const DATA_PORT_MESSAGE = 'nest-desk:data-port';

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
}
