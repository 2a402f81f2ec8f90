/**
 * The application menu as a pure template: File (New window, Close window, Quit), Edit, View
 * (zoom and full screen; reload and DevTools only when not packaged), Help (About, with the
 * version). On macOS the app menu comes first, as the platform expects.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** Inputs of {@link menuTemplate}. */
export interface MenuInput {
  /** `app.isPackaged`: packaged builds offer no reload and no DevTools. */
  packaged: boolean;
  /** `process.platform`. */
  platform: NodeJS.Platform;
  /** Product name shown in "About …". */
  appName: string;
  /** Opens another app window. */
  onNewWindow(): void;
  /** Shows the About box. */
  onAbout(): void;
}

/** The menu template for `Menu.buildFromTemplate`. */
export function menuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const mac = input.platform === 'darwin';
  const about: MenuItemConstructorOptions = { id: 'about', label: `About ${input.appName}`, click: () => input.onAbout() };
  const dev: MenuItemConstructorOptions[] = input.packaged
    ? []
    : [{ id: 'reload', role: 'reload' }, { id: 'force-reload', role: 'forceReload' }, { id: 'devtools', role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    ...(mac ? [{ label: input.appName, submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { id: 'new-window', label: 'New Window', accelerator: 'CmdOrCtrl+N', click: () => input.onNewWindow() },
        { type: 'separator' },
        { id: 'close-window', role: 'close' },
        ...(mac ? [] : [{ id: 'quit', role: 'quit' } satisfies MenuItemConstructorOptions]),
      ],
    },
    { label: '&Edit', role: 'editMenu' },
    {
      label: '&View',
      submenu: [...dev, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: '&Help', role: 'help', submenu: [about] },
  ];
}
