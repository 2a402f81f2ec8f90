/**
 * Where main finds the Electron-ABI build of better-sqlite3 that it hands to the data service as
 * NEST_SQLITE_BINDING. node_modules keeps the Node-ABI build for tests and browser mode; the
 * Electron build lives beside it:
 * - from sources (`npm start`): `.native/electron-<electron version>-<platform>-<arch>/better_sqlite3.node`,
 *   made by scripts/electron-native.mjs (which must name it the same way: a test checks that);
 * - packaged: `<resources>/native/better_sqlite3.node`, copied there by electron-builder's
 *   `extraResources` (electron-builder.yml).
 */
import path from 'node:path';

/** The binary's file name. */
export const SQLITE_BINARY = 'better_sqlite3.node';

/** The `.native/` subfolder of one Electron build: `electron-<version>-<platform>-<arch>`. */
export function nativeDirName(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

/** Inputs of {@link sqliteBindingPath}. */
export interface BindingInput {
  /** `app.isPackaged`. */
  packaged: boolean;
  /** `process.resourcesPath` (packaged). */
  resourcesPath: string;
  /** The app root (`app.getAppPath()`): the folder holding package.json. */
  appPath: string;
  /** `process.versions.electron`. */
  electronVersion: string;
  platform: string;
  arch: string;
}

/** The absolute path of the Electron-ABI better_sqlite3.node for this run. */
export function sqliteBindingPath(input: BindingInput): string {
  if (input.packaged) return path.join(input.resourcesPath, 'native', SQLITE_BINARY);
  return path.join(input.appPath, '.native', nativeDirName(input.electronVersion, input.platform, input.arch), SQLITE_BINARY);
}

/** The file name of the Electron-ABI build of better-sqlite3-multiple-ciphers (encrypted workspaces). */
export const SQLCIPHER_BINARY = 'better_sqlite3_multiple_ciphers.node';

/**
 * The absolute path of the Electron-ABI better-sqlite3-multiple-ciphers binary, beside
 * better-sqlite3's (handed to the data service as NEST_SQLCIPHER_BINDING). Its build and packaging
 * step is still to be added to scripts/electron-native.mjs and electron-builder.yml (docs/desktop.md).
 */
export function sqlcipherBindingPath(input: BindingInput): string {
  return path.join(path.dirname(sqliteBindingPath(input)), SQLCIPHER_BINARY);
}
