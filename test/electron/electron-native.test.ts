/**
 * scripts/electron-native.mjs, the Electron builds of better-sqlite3 and
 * better-sqlite3-multiple-ciphers (encrypted workspaces):
 * - it names the folder and both binaries exactly as main looks for them (electron/main/native-binding.ts);
 * - it strips npm settings that would build against Node's headers (the `nodedir` trap);
 * - it tells a Node-ABI binary from an Electron one by asking this Node to load it;
 * - end to end on a fake checkout with a stand-in prebuild-install: makes the binary once,
 *   reuses them while versions match, remakes only the one whose package changed, and refuses a
 *   "prebuilt" that is really a Node build (of either package).
 * The real download and node-gyp build need the internet and are verified on a machine with it
 * (docs/desktop.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeDirName, SQLCIPHER_BINARY, sqlcipherBindingPath, sqliteBindingPath, SQLITE_BINARY } from '../../electron/main/native-binding';
import { ROOT } from './helpers/build';

interface NativeScript {
  SQLITE_BINARY: string;
  SQLCIPHER_BINARY: string;
  NATIVE_PACKAGES: { name: string; binary: string; built: string }[];
  nativeDirName(v: string, platform: string, arch: string): string;
  packageStageDir(root: string, os: string, arch: string): string;
  buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  probeBinary(file: string): 'node' | { abi: string } | { unknown: string };
  installedVersions(root?: string): { electron: string; abi: string | null; packages: Record<string, string> };
  ensureElectronBindings(opts: { root: string; platform?: string; arch?: string; force?: boolean; log?: (s: string) => void }): Record<string, string>;
  beforePack(context: unknown): Promise<void>;
}

let script: NativeScript;
const NODE_BUILD = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', SQLITE_BINARY);
const NODE_CIPHER_BUILD = path.join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
const PACKAGES = ['better-sqlite3', 'better-sqlite3-multiple-ciphers'];

beforeAll(async () => {
  script = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'electron-native.mjs')).href)) as NativeScript;
});

describe('naming', () => {
  it('matches what main looks for', () => {
    expect(script.SQLITE_BINARY).toBe(SQLITE_BINARY);
    expect(script.SQLCIPHER_BINARY).toBe(SQLCIPHER_BINARY);
    expect(script.NATIVE_PACKAGES.map((p) => [p.name, p.binary])).toEqual([['better-sqlite3', 'better_sqlite3.node'], ['better-sqlite3-multiple-ciphers', 'better_sqlite3_multiple_ciphers.node']]);
    for (const [v, p, a] of [['45.3.4', 'linux', 'x64'], ['46.0.0', 'darwin', 'arm64'], ['45.3.4', 'win32', 'ia32']] as const) {
      expect(script.nativeDirName(v, p, a)).toBe(nativeDirName(v, p, a));
    }
    const dev = sqliteBindingPath({ packaged: false, resourcesPath: '/r', appPath: ROOT, electronVersion: '45.3.4', platform: 'linux', arch: 'x64' });
    expect(dev).toBe(path.join(ROOT, '.native', 'electron-45.3.4-linux-x64', 'better_sqlite3.node'));
    expect(sqliteBindingPath({ packaged: true, resourcesPath: '/opt/NEST Desk/resources', appPath: '/x', electronVersion: '45.3.4', platform: 'linux', arch: 'x64' })).toBe(path.join('/opt/NEST Desk/resources', 'native', 'better_sqlite3.node'));
    expect(sqlcipherBindingPath({ packaged: false, resourcesPath: '/r', appPath: ROOT, electronVersion: '45.3.4', platform: 'linux', arch: 'x64' })).toBe(path.join(ROOT, '.native', 'electron-45.3.4-linux-x64', 'better_sqlite3_multiple_ciphers.node'));
    expect(sqlcipherBindingPath({ packaged: true, resourcesPath: '/opt/NEST Desk/resources', appPath: '/x', electronVersion: '45.3.4', platform: 'linux', arch: 'x64' })).toBe(path.join('/opt/NEST Desk/resources', 'native', 'better_sqlite3_multiple_ciphers.node'));
  });

  it('reads the installed versions (Electron 45 has NODE_MODULE_VERSION 150)', () => {
    const v = script.installedVersions(ROOT);
    expect(v.electron).toMatch(/^45\./);
    expect(v.abi).toBe('150');
    expect(v.packages).toEqual({ 'better-sqlite3': '12.11.1', 'better-sqlite3-multiple-ciphers': '12.11.1' });
  });
});

describe('buildEnv', () => {
  it('drops npm settings that would point a native build at Node instead of Electron', () => {
    const env = buildEnvOf({ PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_TARGET: '20.0.0', npm_config_runtime: 'node', npm_config_build_from_source: 'true', 'npm_config_dist-url': 'x', npm_config_https_proxy: 'http://proxy:3128', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_https_proxy: 'http://proxy:3128', npm_config_cache: '/c' });
  });
});

function buildEnvOf(env: Record<string, string>): NodeJS.ProcessEnv {
  return script.buildEnv(env);
}

describe('probeBinary', () => {
  it('recognises node_modules’ binaries (both drivers) as Node builds', () => {
    expect(script.probeBinary(NODE_BUILD)).toBe('node');
    expect(script.probeBinary(NODE_CIPHER_BUILD)).toBe('node');
  });

  it('does not mistake a non-binary for a Node build', () => {
    const f = path.join(os.tmpdir(), `nest-not-a-binary-${process.pid}.node`);
    fs.writeFileSync(f, 'not an ELF file');
    try {
      expect(script.probeBinary(f)).toMatchObject({ unknown: expect.any(String) });
    } finally {
      fs.rmSync(f, { force: true });
    }
  });
});

describe('ensureElectronBinding (fake checkout)', () => {
  let root: string;
  const logs: string[] = [];
  const log = (s: string) => logs.push(s);

  /**
   * A checkout with electron, better-sqlite3 and better-sqlite3-multiple-ciphers package files and a
   * stand-in prebuild-install that writes bytes naming the package it runs for (or a Node build of
   * the cipher driver, or fails).
   */
  function fakeCheckout(prebuilt: 'bytes' | 'node-build' | 'fails'): string {
    const r = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-native-'));
    const nm = path.join(r, 'node_modules');
    fs.mkdirSync(path.join(nm, 'electron'), { recursive: true });
    fs.writeFileSync(path.join(nm, 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: '45.3.4' }));
    fs.writeFileSync(path.join(nm, 'electron', 'abi_version'), '150');
    for (const name of PACKAGES) {
      fs.mkdirSync(path.join(nm, name, 'lib'), { recursive: true });
      fs.writeFileSync(path.join(nm, name, 'package.json'), JSON.stringify({ name, version: '12.11.1' }));
    }
    fs.mkdirSync(path.join(nm, 'prebuild-install'), { recursive: true });
    fs.writeFileSync(path.join(nm, 'prebuild-install', 'package.json'), JSON.stringify({ name: 'prebuild-install', version: '0.0.0-test' }));
    const body =
      prebuilt === 'fails'
        ? `console.error('prebuild-install warn install getaddrinfo ENOTFOUND github.com'); process.exit(1);`
        : prebuilt === 'node-build'
          ? `fs.mkdirSync('build/Release', { recursive: true }); if (JSON.parse(fs.readFileSync('package.json', 'utf8')).name === 'better-sqlite3-multiple-ciphers') fs.copyFileSync(${JSON.stringify(NODE_CIPHER_BUILD)}, 'build/Release/better_sqlite3.node'); else fs.writeFileSync('build/Release/better_sqlite3.node', 'electron-abi-bytes');`
          : `fs.mkdirSync('build/Release', { recursive: true }); fs.writeFileSync('build/Release/better_sqlite3.node', 'electron-abi-bytes of ' + JSON.parse(fs.readFileSync('package.json', 'utf8')).name + ':' + process.argv.slice(2).join(' '));`;
    fs.writeFileSync(path.join(nm, 'prebuild-install', 'bin.js'), `const fs = require('node:fs');\n${body}\n`);
    return r;
  }

  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('downloads both once into .native/, with a manifest, then reuses them', () => {
    root = fakeCheckout('bytes');
    const files = script.ensureElectronBindings({ root, platform: 'linux', arch: 'x64', log });
    const dir = path.join(root, '.native', 'electron-45.3.4-linux-x64');
    expect(files).toEqual({ 'better-sqlite3': path.join(dir, 'better_sqlite3.node'), 'better-sqlite3-multiple-ciphers': path.join(dir, 'better_sqlite3_multiple_ciphers.node') });
    const args = '--runtime electron --target 45.3.4 --arch x64 --platform linux --verbose';
    expect(fs.readFileSync(files['better-sqlite3']!, 'utf8')).toBe(`electron-abi-bytes of better-sqlite3:${args}`);
    expect(fs.readFileSync(files['better-sqlite3-multiple-ciphers']!, 'utf8')).toBe(`electron-abi-bytes of better-sqlite3-multiple-ciphers:${args}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    for (const name of PACKAGES) expect(manifest[name]).toMatchObject({ electron: '45.3.4', version: '12.11.1', platform: 'linux', arch: 'x64', abi: '150', source: 'prebuilt' });

    logs.length = 0;
    script.ensureElectronBindings({ root, platform: 'linux', arch: 'x64', log });
    expect(logs).toEqual([
      'better-sqlite3 12.11.1 for Electron 45.3.4 (linux-x64): ready (.native/electron-45.3.4-linux-x64/better_sqlite3.node)',
      'better-sqlite3-multiple-ciphers 12.11.1 for Electron 45.3.4 (linux-x64): ready (.native/electron-45.3.4-linux-x64/better_sqlite3_multiple_ciphers.node)',
    ]);
  });

  it('makes only the one again whose package changed or whose file was altered', () => {
    const dir = path.join(root, '.native', 'electron-45.3.4-linux-x64');
    fs.writeFileSync(path.join(dir, 'better_sqlite3_multiple_ciphers.node'), 'tampered');
    logs.length = 0;
    script.ensureElectronBindings({ root, platform: 'linux', arch: 'x64', log });
    expect(logs[0]).toMatch(/^better-sqlite3 12\.11\.1 .*: ready/);
    expect(logs[1]).toContain('better-sqlite3-multiple-ciphers 12.11.1 for Electron 45.3.4 (linux-x64) is missing: getting it once');
    expect(fs.readFileSync(path.join(dir, 'better_sqlite3_multiple_ciphers.node'), 'utf8')).toMatch(/^electron-abi-bytes of better-sqlite3-multiple-ciphers:/);
    fs.writeFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.12.0' }));
    logs.length = 0;
    script.ensureElectronBindings({ root, platform: 'linux', arch: 'x64', log });
    expect(logs[0]).toContain('better-sqlite3 12.12.0 for Electron 45.3.4 (linux-x64) is missing');
    expect(logs.at(-1)).toMatch(/^better-sqlite3-multiple-ciphers 12\.11\.1 .*: ready/);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect([manifest['better-sqlite3'].version, manifest['better-sqlite3-multiple-ciphers'].version]).toEqual(['12.12.0', '12.11.1']);
  });

  it('refuses a "prebuilt" binary that is really a Node build (here the cipher driver’s)', () => {
    const r = fakeCheckout('node-build');
    try {
      expect(() => script.ensureElectronBindings({ root: r, platform: process.platform, arch: process.arch, log })).toThrow(/The prebuilt better-sqlite3-multiple-ciphers binary loads under Node .*: it is a Node build, not an Electron one/);
      expect(fs.existsSync(path.join(r, '.native', nativeDirName('45.3.4', process.platform, process.arch), 'better_sqlite3_multiple_ciphers.node'))).toBe(false);
    } finally {
      fs.rmSync(r, { recursive: true, force: true });
    }
  });

  it('explains what to do when it cannot download nor build', () => {
    const r = fakeCheckout('fails');
    try {
      // Another platform: node-gyp cannot cross-compile, so only the download is tried.
      const other = process.platform === 'win32' ? 'linux' : 'win32';
      let message = '';
      try {
        script.ensureElectronBindings({ root: r, platform: other, arch: 'x64', log });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toContain(`Could not get better-sqlite3 12.11.1 for Electron 45.3.4 (${other}-x64).`);
      expect(message).toContain('downloading the prebuilt binary (github.com) failed: exit code 1');
      expect(message).toContain('ENOTFOUND github.com');
      expect(message).toContain(`building from source failed: cannot compile for ${other}-x64`);
      expect(message).toContain('This machine looks offline');
      expect(message).toContain('`npm test` and browser mode (`npm run serve`) do not need this build');
    } finally {
      fs.rmSync(r, { recursive: true, force: true });
    }
  });
});
