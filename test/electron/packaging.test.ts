/**
 * Packaging, checked offline:
 * - electron-builder.yml: productName is the data folder's name, npm rebuilds are off, the
 *   beforePack hook is scripts/electron-native.mjs, the Electron-ABI binary goes to
 *   <resources>/native where main looks for it;
 * - (Linux) a real `electron-builder --linux dir` run on a copy of the project, with a stand-in
 *   Electron distribution (the real zip cannot be downloaded here): the hook stages the binary,
 *   app.asar holds exactly the app's files and better-sqlite3's JavaScript, the fuses are flipped,
 *   and the data service extracted from app.asar runs under Node from that layout.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { extractAll, listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_FOLDER_NAME } from '../../node/fs/data-dir';
import { sqlcipherBindingPath, sqliteBindingPath } from '../../electron/main/native-binding';
import { ROOT } from './helpers/build';
import { portRpc } from './helpers/port-rpc';
import { forkInWorker } from './helpers/worker-utility';

const yml = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
const topLevel = (key: string): string | undefined => new RegExp(`^${key}:\\s*(.+?)\\s*$`, 'm').exec(yml)?.[1];
const electronVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

describe('electron-builder.yml', () => {
  it('names the product as the data folder', () => {
    expect(topLevel('productName')).toBe(APP_FOLDER_NAME);
    expect(topLevel('appId')).toBe('org.nestdesk.app');
  });

  it('provides the Electron builds of both SQLite drivers itself instead of rebuilding node_modules', () => {
    expect(topLevel('npmRebuild')).toBe('false');
    expect(topLevel('beforePack')).toBe('./scripts/electron-native.mjs');
    expect(yml).toMatch(/extraResources:\n\s+- from: \.native\/package\/\$\{os\}-\$\{arch\}\n\s+to: native\n\s+filter:\n\s+- better_sqlite3\.node\n\s+- better_sqlite3_multiple_ciphers\.node\n/);
  });

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(yml).toMatch(/linux:\n\s+target:\n\s+- AppImage\n\s+- deb\n/);
    expect(yml).toMatch(/win:\n\s+target:\n\s+- nsis\n/);
    expect(yml).toMatch(/mac:\n\s+target:\n\s+- dmg\n/);
  });
});

describe.skipIf(process.platform !== 'linux')('electron-builder --linux dir (offline, stand-in Electron)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-pack-'));
  const project = path.join(work, 'project');
  const fakeElectron = path.join(work, 'electron-dist');
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('packs the app with the Electron builds of better-sqlite3 and its cipher variant beside app.asar', { timeout: 180_000 }, async () => {
    // The project: bundles built fresh, the renderer as built (or a placeholder page), our config.
    fs.mkdirSync(project, { recursive: true });
    for (const p of ['package.json', 'electron-builder.yml', 'migrations', 'resources', 'build', 'scripts/electron-native.mjs']) fs.cpSync(path.join(ROOT, p), path.join(project, p), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs'), '--out', path.join(project, 'dist', 'electron')], { encoding: 'utf8' });
    expect(b.status, b.stderr).toBe(0);
    const renderer = path.join(ROOT, 'dist', 'renderer');
    if (fs.existsSync(path.join(renderer, 'index.html'))) fs.cpSync(renderer, path.join(project, 'dist', 'renderer'), { recursive: true });
    else {
      fs.mkdirSync(path.join(project, 'dist', 'renderer'), { recursive: true });
      fs.writeFileSync(path.join(project, 'dist', 'renderer', 'index.html'), '<!doctype html><title>NEST Desk</title>');
    }

    // "Electron builds" already in .native/ (the hook's fast path), as a previous `npm start` leaves them.
    const at = { resourcesPath: '', appPath: project, electronVersion, platform: 'linux', arch: 'x64' };
    const devBindings = { 'better-sqlite3': sqliteBindingPath({ packaged: false, ...at }), 'better-sqlite3-multiple-ciphers': sqlcipherBindingPath({ packaged: false, ...at }) };
    const nativeDir = path.dirname(devBindings['better-sqlite3']);
    fs.mkdirSync(nativeDir, { recursive: true });
    const manifest: Record<string, unknown> = {};
    for (const [name, file] of Object.entries(devBindings)) {
      fs.writeFileSync(file, `electron-abi placeholder of ${name}`);
      const sha256 = createHash('sha256').update(`electron-abi placeholder of ${name}`).digest('hex');
      manifest[name] = { electron: electronVersion, version: '12.11.1', platform: 'linux', arch: 'x64', sha256 };
    }
    fs.writeFileSync(path.join(nativeDir, 'manifest.json'), JSON.stringify(manifest));

    // A stand-in Electron distribution: an executable carrying Electron's fuse wire, as the real one does.
    fs.mkdirSync(path.join(fakeElectron, 'resources'), { recursive: true });
    const wire = Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.alloc(32), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.alloc(32)]);
    fs.writeFileSync(path.join(fakeElectron, 'electron'), wire, { mode: 0o755 });
    for (const f of ['LICENSE', 'LICENSES.chromium.html', 'chrome-sandbox', 'chrome_crashpad_handler', 'icudtl.dat', 'resources.pak', 'v8_context_snapshot.bin']) fs.writeFileSync(path.join(fakeElectron, f), 'x');
    fs.writeFileSync(path.join(fakeElectron, 'version'), electronVersion);

    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--linux', 'dir', '--x64', `-c.electronDist=${fakeElectron}`], { cwd: project, encoding: 'utf8', timeout: 170_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain(`better-sqlite3 12.11.1 for Electron ${electronVersion} (linux-x64): ready`);
    expect(r.stdout).toContain(`better-sqlite3-multiple-ciphers 12.11.1 for Electron ${electronVersion} (linux-x64): ready`);

    const out = path.join(project, 'release', 'linux-unpacked');
    expect(fs.existsSync(path.join(out, 'nest-desk'))).toBe(true);
    // main.ts looks for <resources>/native/<binary> when packaged: both are there, and nothing else.
    const packed = { resourcesPath: path.join(out, 'resources'), appPath: '', electronVersion, platform: 'linux', arch: 'x64' };
    expect(fs.readFileSync(sqliteBindingPath({ packaged: true, ...packed }), 'utf8')).toBe('electron-abi placeholder of better-sqlite3');
    expect(fs.readFileSync(sqlcipherBindingPath({ packaged: true, ...packed }), 'utf8')).toBe('electron-abi placeholder of better-sqlite3-multiple-ciphers');
    expect(fs.readdirSync(path.join(out, 'resources', 'native')).sort()).toEqual(['better_sqlite3.node', 'better_sqlite3_multiple_ciphers.node']);

    const asar = path.join(out, 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    for (const f of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/electron/data-service.cjs', '/dist/renderer/index.html', '/migrations/001_doc_store.sql', '/resources/demo/seizures-public.csv', '/node_modules/better-sqlite3/lib/index.js', '/node_modules/better-sqlite3-multiple-ciphers/lib/index.js']) expect(files).toContain(f);
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.node') || f.startsWith('/node_modules/better-sqlite3/build') || f.startsWith('/node_modules/better-sqlite3/deps'))).toEqual([]);
    expect(files.filter((f) => /^\/node_modules\/[^/]+$/.test(f) || /^\/node_modules\/@[^/]+\/[^/]+$/.test(f)).filter((f) => !/better-sqlite3|bindings|file-uri-to-path/.test(f))).toEqual([]);
    expect(files.some((f) => f.startsWith('/scripts') || f.startsWith('/electron/') || f.startsWith('/build/'))).toBe(false);

    const fuses = await getCurrentFuseWire(path.join(out, 'nest-desk'));
    // FuseV1Options order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolPrivileges; '0' off, '1' on.
    const wireOf = fuses as unknown as Record<number, number>;
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => String.fromCharCode(wireOf[i]!)).join('')).toBe('01001100');

    // The data service from inside app.asar runs from that layout (Node standing in for Electron,
    // with node_modules' Node build standing in for the Electron build).
    const extracted = path.join(work, 'extracted');
    extractAll(asar, extracted);
    const dataDir = path.join(work, 'data');
    const proc = forkInWorker(path.join(extracted, 'dist', 'electron', 'data-service.cjs'), {
      ...process.env,
      NEST_DATA_DIR: dataDir,
      NEST_SQLITE_BINDING: path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      NEST_SQLCIPHER_BINDING: path.join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'),
    });
    const { port1, port2 } = new MessageChannel();
    proc.postMessage({ type: 'unlock', key: new Uint8Array(32).fill(7) }); // main's first message: the data key
    proc.postMessage({ type: 'connect' }, [port1]);
    const win = portRpc(port2);
    await win.call('identity.create', { name: 'Mei Chen', agency: 'Customs', role: 'admin' });
    await expect(win.call('workspaces.create', { name: 'Ivory', casePrefix: 'IVO', reportingCurrency: 'USD' })).resolves.toMatchObject({ name: 'Ivory', caseCount: 0 });
    const exit = new Promise<number>((res) => proc.worker.once('exit', res));
    proc.postMessage({ type: 'shutdown' });
    await expect(exit).resolves.toBe(0);
  });
});
