/**
 * Where main finds the Electron-ABI builds of better-sqlite3 and better-sqlite3-multiple-ciphers
 * that it hands to the data service as NEST_SQLITE_BINDING and NEST_SQLCIPHER_BINDING.
 * node_modules keeps the Node-ABI builds for tests and browser mode; the Electron builds live
 * beside them, in one folder:
 * - from sources (`npm start`): `.native/electron-<electron version>-<platform>-<arch>/<binary>`,
 *   made by scripts/electron-native.mjs (which must name them the same way: a test checks that);
 * - packaged: `<resources>/native/<binary>`, copied there by electron-builder's `extraResources`
 *   (electron-builder.yml).
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
 * better-sqlite3's (handed to the data service as NEST_SQLCIPHER_BINDING).
 */
export function sqlcipherBindingPath(input: BindingInput): string {
  return path.join(path.dirname(sqliteBindingPath(input)), SQLCIPHER_BINARY);
}
