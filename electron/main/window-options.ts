/**
 * The options of every app window, as one pure function so a test can assert each security flag
 * (Electron security checklist §§ 2–4, 6, 8–10, 12). Windows load only `app://nest/index.html`;
 * the preload is the only code with `ipcRenderer`, and it runs sandboxed.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Inputs of {@link windowOptions}. */
export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preload: string;
  /** `app.isPackaged`: packaged builds get no DevTools. */
  packaged: boolean;
  /** Window icon (Linux; Windows and macOS take it from the executable). */
  icon?: string;
}

/**
 * BrowserWindow options: 1280×800 (min 900×600) px, hidden until `ready-to-show`, and
 * webPreferences with sandbox, context isolation, no Node anywhere, web security on, no
 * `<webview>`, no experimental or Blink features, no spellcheck (Chromium would fetch
 * dictionaries from Google's servers on Windows and Linux), no navigation by dropping a file.
 */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'NEST Desk',
    backgroundColor: '#f4f6f5',
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !input.packaged,
    },
  };
}
