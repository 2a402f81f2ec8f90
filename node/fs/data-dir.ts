/**
 * Where NEST Desk keeps its data: the OS's per-user app-data folder, the same folder Electron
 * calls `userData` (`<appData>/NEST Desk`), so the desktop app and browser mode share data.
 * `NEST_DATA_DIR` overrides it (tests, portable installs, several profiles).
 */
import os from 'node:os';
import path from 'node:path';

/** The product name used for the app-data folder; must equal `productName` in package.json/electron-builder.yml. */
export const APP_FOLDER_NAME = 'NEST Desk';

/**
 * The OS app-data base folder, as Electron computes `app.getPath('appData')`:
 * Windows `%APPDATA%`, macOS `~/Library/Application Support`, Linux `$XDG_CONFIG_HOME` or `~/.config`.
 */
export function osAppDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

/** The data folder: `NEST_DATA_DIR` when set, else `<appData>/NEST Desk`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEST_DATA_DIR ? path.resolve(env.NEST_DATA_DIR) : path.join(osAppDataDir(process.platform, env), APP_FOLDER_NAME);
}
