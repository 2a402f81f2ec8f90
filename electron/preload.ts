/**
 * The preload of every app window. It runs sandboxed (only `electron`'s renderer modules are
 * available; bundled to dist/electron/preload.cjs) in the isolated world, and exposes exactly one
 * object to the page, `window.nestDesk` ({@link DesktopApi}); the page never sees `ipcRenderer`.
 *
 * It also forwards main's messages to the page as window messages:
 * - `IPC.dataPort` with exactly one MessagePort → `window.postMessage(DATA_PORT_MESSAGE, '*', [port])`;
 * - `IPC.dataServiceRestarted` → `window.postMessage(DATA_SERVICE_RESTARTED_MESSAGE, '*')`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DATA_PORT_MESSAGE, DATA_SERVICE_RESTARTED_MESSAGE, IPC, type AddBasemapsResult, type AddFilesResult, type DesktopApi } from '../shared/desktop-api';

const api: DesktopApi = {
  kind: 'electron',
  platform: process.platform,
  requestDataPort(): void {
    ipcRenderer.send(IPC.requestDataPort);
  },
  saveFile(suggestedName: string, content: string): Promise<string | null> {
    return ipcRenderer.invoke(IPC.saveFile, suggestedName, content) as Promise<string | null>;
  },
  savePng(suggestedName: string, png: Uint8Array): Promise<string | null> {
    return ipcRenderer.invoke(IPC.savePng, suggestedName, png) as Promise<string | null>;
  },
  exportPack(request) {
    return ipcRenderer.invoke(IPC.exportPack, request) as ReturnType<DesktopApi['exportPack']>;
  },
  verifyPack(workspaceId) {
    return ipcRenderer.invoke(IPC.verifyPack, workspaceId) as ReturnType<DesktopApi['verifyPack']>;
  },
  addFiles(workspaceId: string, caseId: string): Promise<AddFilesResult> {
    return ipcRenderer.invoke(IPC.addFiles, workspaceId, caseId) as Promise<AddFilesResult>;
  },
  addBasemaps(): Promise<AddBasemapsResult> {
    return ipcRenderer.invoke(IPC.addBasemaps) as Promise<AddBasemapsResult>;
  },
};

contextBridge.exposeInMainWorld('nestDesk', api);

ipcRenderer.on(IPC.dataPort, (event) => {
  if (event.ports.length !== 1) return;
  window.postMessage(DATA_PORT_MESSAGE, '*', [event.ports[0]!]);
});

ipcRenderer.on(IPC.dataServiceRestarted, () => {
  window.postMessage(DATA_SERVICE_RESTARTED_MESSAGE, '*');
});
