/**
 * Electron main: a thin shell (docs/desktop.md). It holds no case data. It
 * - takes the single-instance lock (a second launch focuses the running app);
 * - serves dist/renderer under `app://nest/` with the CSP on every response (electron/main/app-protocol.ts),
 *   and `app://nest/basemaps/…` from the data service's offline basemaps (electron/main/basemap-protocol.ts,
 *   with the "Add basemap files" dialog);
 * - opens sandboxed, context-isolated windows without Node (electron/main/window-options.ts),
 *   each with its own MessagePort to the data service;
 * - blocks navigation, new windows, webviews, permissions and network requests of pages
 *   (electron/main/web-guards.ts);
 * - runs the data service in a utilityProcess, restarting it if it dies and closing it cleanly
 *   on quit (electron/main/data-service-supervisor.ts);
 * - answers the IPC calls after checking sender and payload (electron/main/ipc-handlers.ts); for
 *   "Add files" it shows the native dialog and calls the data service itself over a port of its
 *   own (electron/main/service-call.ts).
 */
import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, protocol, safeStorage, session, shell, utilityProcess, type MessagePortMain, type WebContents } from 'electron';
import { createLogger } from '../node/log';
import { IPC } from '../shared/desktop-api';
import { APP_FOLDER_NAME } from '../node/fs/data-dir';
import { APP_INDEX_URL, APP_SCHEME } from './main/app-url';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './main/app-protocol';
import { basemapRest, createBasemapProtocolHandler, registerBasemapDialog } from './main/basemap-protocol';
import { DataServiceSupervisor } from './main/data-service-supervisor';
import { serviceCaller } from './main/service-call';
import type { RpcMethod, RpcParams, RpcResult } from '../shared/rpc/contract';
import { loadDataKey, unlockMessage } from './main/data-key';
import { registerIpc } from './main/ipc-handlers';
import { registerSavePng } from './main/save-png-ipc';
import { registerPackDialogs } from './main/pack-dialogs';
import { menuTemplate } from './main/menu';
import { sqlcipherBindingPath, sqliteBindingPath } from './main/native-binding';
import { guardWebContents, hardenSession } from './main/web-guards';
import { handlePrintMessage } from './main/print-handler';
import { windowOptions } from './main/window-options';

const logger = createLogger('main');

// Before `ready`: the scheme's privileges, sandbox for every renderer, and the app's name, so
// userData is "<appData>/NEST Desk" — the folder node/fs/data-dir.ts and browser mode use.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.setName(APP_FOLDER_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_FOLDER_NAME));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  /** The app's windows by webContents id (the registry IPC sender checks consult). */
  const windows = new Map<number, BrowserWindow>();
  const distDir = __dirname; // dist/electron, inside app.asar when packaged
  const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
  const dataDir = process.env.NEST_DATA_DIR ? path.resolve(process.env.NEST_DATA_DIR) : app.getPath('userData');
  const bindingInput = {
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  };
  const sqliteBinding = sqliteBindingPath(bindingInput);
  const sqlcipherBinding = sqlcipherBindingPath(bindingInput);

  /** The data key, unwrapped through the OS keychain once `app` is ready (data-key.ts). */
  let dataKey: Buffer | null = null;
  const supervisor = new DataServiceSupervisor<MessagePortMain>({
    fork: () => {
      const child = utilityProcess.fork(path.join(distDir, 'data-service.cjs'), [], {
        serviceName: 'NEST Desk data service',
        stdio: 'inherit',
        env: { ...process.env, NEST_DATA_DIR: dataDir, NEST_SQLITE_BINDING: sqliteBinding, NEST_SQLCIPHER_BINDING: sqlcipherBinding, NEST_APP_VERSION: app.getVersion() },
      });
      // The key is the process's first message: never in its environment or arguments (visible to other processes).
      if (dataKey) child.postMessage(unlockMessage(dataKey));
      // Reports of case packs are printed here: the utility process has no renderer (print-handler.ts).
      child.on('message', (m: unknown) => handlePrintMessage(m, (r) => child.postMessage(r), { createWindow: (o) => new BrowserWindow(o), logger: logger.child({ part: 'print' }) }));
      return child;
    },
    onRestarted: () => {
      for (const win of windows.values()) if (!win.isDestroyed()) win.webContents.send(IPC.dataServiceRestarted);
    },
    onGiveUp: (reason) => {
      dialog.showErrorBox('NEST Desk: the data service stopped', `${reason}\n\nYour data is safe on disk. Quit NEST Desk and start it again; if this keeps happening, send the log to your administrator.`);
    },
    logger: logger.child({ part: 'supervisor' }),
  });

  function createWindow(): BrowserWindow {
    const win = new BrowserWindow(windowOptions({ preload: path.join(distDir, 'preload.cjs'), packaged: app.isPackaged }));
    const id = win.webContents.id;
    windows.set(id, win);
    win.on('closed', () => windows.delete(id));
    win.once('ready-to-show', () => win.show());
    win.webContents.on('render-process-gone', (_e, details) => logger.error({ reason: details.reason, exitCode: details.exitCode }, 'window renderer gone'));
    void win.loadURL(APP_INDEX_URL);
    return win;
  }

  let confirmingLink = false;
  async function offerExternalLink(url: string, contents: WebContents): Promise<void> {
    if (confirmingLink) return; // one question at a time: a script cannot queue a stream of them
    confirmingLink = true;
    try {
      const owner = BrowserWindow.fromWebContents(contents);
      const options = { type: 'question' as const, buttons: ['Open in browser', 'Cancel'], defaultId: 1, cancelId: 1, noLink: true, message: 'Open this link in your web browser?', detail: url };
      const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      if (response === 0) await shell.openExternal(url);
    } finally {
      confirmingLink = false;
    }
  }

  app.on('web-contents-created', (_e, contents) => {
    guardWebContents(contents, {
      openExternal: (url) => void offerExternalLink(url, contents).catch((err: unknown) => logger.error({ err: String(err) }, 'opening a link failed')),
      report: (ev) => logger.warn(ev, 'blocked by web guards'),
    });
  });

  app.on('second-instance', () => {
    const win = [...windows.values()].find((w) => !w.isDestroyed());
    if (!win) return void createWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (windows.size === 0 && app.isReady()) createWindow();
  });

  let shutdown: Promise<void> | null = null;
  let shutdownDone = false;
  app.on('will-quit', (e) => {
    if (shutdownDone) return;
    e.preventDefault();
    shutdown ??= supervisor
      .shutdown(10_000)
      .then((result) => logger.info({ result }, 'data service stopped'))
      .catch((err: unknown) => logger.error({ err: String(err) }, 'data service shutdown failed'))
      .finally(() => {
        shutdownDone = true;
        app.quit();
      });
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, (ev) => logger.warn(ev, 'blocked by session guards'));

    const showSaveDialog = async (webContentsId: number, suggestedName: string): Promise<string | null> => {
      const ext = path.extname(suggestedName).slice(1).toLowerCase();
      const options: Electron.SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
        filters: ext ? [{ name: `${ext.toUpperCase()} file`, extensions: [ext] }, { name: 'All files', extensions: ['*'] }] : [],
      };
      const owner = windows.get(webContentsId);
      const r = owner && !owner.isDestroyed() ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    };
    // A port of main's own per call: the service authorises it as the local member, like a window's,
    // and lets it (alone) name a path: the one main's native dialog returned.
    const trustedCall = async <M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResult<M>> => {
      const { port1, port2 } = new MessageChannelMain();
      if (!supervisor.connect(port1, { trusted: true })) port2.close();
      const caller = serviceCaller(port2);
      try {
        return await caller.call(method, params);
      } finally {
        caller.close();
      }
    };
    // app://nest/basemaps/… goes to the data service's basemaps (basemap-protocol.ts); the rest is the app's files.
    const appFiles = createAppProtocolHandler(rendererDir, (info) => logger.warn(info, 'app:// request refused'));
    const basemapAnswers = createBasemapProtocolHandler(
      (params) => trustedCall('basemaps.request', params),
      (reason) => logger.warn({ reason }, 'basemap request failed'),
    );
    protocol.handle(APP_SCHEME, (request) => (basemapRest(request.url) !== null ? basemapAnswers(request) : appFiles(request)));
    registerBasemapDialog({
      ipcMain,
      ourWebContentsIds: windows,
      showOpenBasemaps: async (id) => {
        const options: Electron.OpenDialogOptions = { properties: ['openFile', 'multiSelections'], filters: [{ name: 'Offline basemaps (MBTiles, PMTiles)', extensions: ['mbtiles', 'pmtiles'] }] };
        const owner = windows.get(id);
        const r = owner && !owner.isDestroyed() ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
        return r.canceled ? [] : r.filePaths;
      },
      addFromPaths: (paths) => trustedCall('basemaps.addFromPaths', { paths }),
      logger: logger.child({ part: 'ipc' }),
    });
    registerIpc<MessagePortMain>({
      ipcMain,
      ourWebContentsIds: windows,
      createChannel: () => new MessageChannelMain(),
      connectDataService: (port) => supervisor.connect(port),
      showSaveDialog,
      showOpenFilesDialog: async (webContentsId) => {
        const options: Electron.OpenDialogOptions = { properties: ['openFile', 'multiSelections'] };
        const owner = windows.get(webContentsId);
        const r = owner && !owner.isDestroyed() ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
        return r.canceled ? [] : r.filePaths;
      },
      addFileFromPath: (workspaceId, caseId, file) => trustedCall('files.addFromPath', { workspaceId, caseId, path: file }),
      logger: logger.child({ part: 'ipc' }),
    });
    registerSavePng({ ipcMain, ourWebContentsIds: windows, showSaveDialog, logger: logger.child({ part: 'ipc' }) });

    const ownerOf = (id: number): BrowserWindow | undefined => {
      const w = windows.get(id);
      return w && !w.isDestroyed() ? w : undefined;
    };
    registerPackDialogs({
      ipcMain,
      ourWebContentsIds: windows,
      showSaveZip: async (id, suggestedName) => {
        const options: Electron.SaveDialogOptions = { defaultPath: path.join(app.getPath('documents'), suggestedName), properties: ['createDirectory', 'showOverwriteConfirmation'], filters: [{ name: 'Case pack (ZIP)', extensions: ['zip'] }] };
        const owner = ownerOf(id);
        const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      showOpenZip: async (id) => {
        const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters: [{ name: 'Case pack (ZIP)', extensions: ['zip'] }] };
        const owner = ownerOf(id);
        const r = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      callService: trustedCall,
      logger: logger.child({ part: 'ipc' }),
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          packaged: app.isPackaged,
          platform: process.platform,
          appName: APP_FOLDER_NAME,
          onNewWindow: () => createWindow(),
          onAbout: () => {
            const owner = BrowserWindow.getFocusedWindow();
            const options = {
              type: 'info' as const,
              title: `About ${APP_FOLDER_NAME}`,
              message: `${APP_FOLDER_NAME} ${app.getVersion()}`,
              detail: `Shared case files, seizure maps and illicit-profit estimates for environmental-crime task forces.\n\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}\nData folder: ${dataDir}`,
            };
            void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
          },
        }),
      ),
    );

    const missing = [sqliteBinding, sqlcipherBinding].filter((f) => !fs.existsSync(f));
    if (missing.length > 0) {
      const how = app.isPackaged ? 'The installation is incomplete: reinstall NEST Desk.' : 'Run "npm start" (it builds them) or "node scripts/electron-native.mjs" with internet access.';
      dialog.showErrorBox('NEST Desk cannot open its database', `SQLite for Electron (better-sqlite3, better-sqlite3-multiple-ciphers) is missing:\n${missing.join('\n')}\n\n${how}`);
      logger.error({ missing }, 'Electron builds of the SQLite drivers are missing');
      app.quit();
      return;
    }
    logger.info({ dataDir, packaged: app.isPackaged }, 'starting');
    loadDataKey(dataDir, safeStorage, logger.child({ part: 'keys' })).then(
      (key) => {
        dataKey = key;
        supervisor.start();
        createWindow();
      },
      (err: unknown) => {
        const reason = err instanceof Error ? err.message : String(err);
        logger.error({ reason }, 'data key unavailable');
        dialog.showErrorBox('NEST Desk cannot unlock its data', reason);
        app.quit();
      },
    );
  });
}
