/**
 * Gives the native packages the data service loads ({@link NATIVE_PACKAGES}: better-sqlite3 and
 * better-sqlite3-multiple-ciphers) Electron builds without touching node_modules (docs/desktop.md).
 *
 * node_modules keeps their Node-ABI builds, for tests, browser mode and the relay. Electron needs
 * builds for its own ABI. This script makes them and keeps them at
 *
 *   .native/electron-<electron version>-<platform>-<arch>/<binary>  (+ manifest.json)
 *
 * which electron/main/native-binding.ts hands to the data service (NEST_SQLITE_BINDING,
 * NEST_SQLCIPHER_BINDING). It runs before every `npm start` (fast when the builds exist and match
 * the installed Electron and packages) and as electron-builder's `beforePack` hook, which also
 * stages the binaries for `extraResources` (see electron-builder.yml).
 *
 * How, for each package, in a temporary copy of node_modules/<package> (never modified):
 *   1. prebuild-install --runtime electron --target <version>: downloads the official prebuilt
 *      binary from the better-sqlite3 GitHub release (needs internet);
 *   2. if that fails, and the target is this machine: node-gyp rebuild --runtime=electron
 *      --target=<version> --dist-url=https://electronjs.org/headers (needs internet for the
 *      headers and a C++ toolchain);
 *   3. checks the result: under this Node it must refuse to load with Electron's
 *      NODE_MODULE_VERSION (a binary that loads here is a Node build, the trap that
 *      `electron-builder install-app-deps` and an `nodedir` npm setting lead to).
 * npm settings that would redirect the build to Node's headers (nodedir, target, runtime,
 * disturl, build_from_source…) are removed from the child processes' environment.
 *
 * Usage: node scripts/electron-native.mjs [--platform P] [--arch A] [--force] [--check]
 *   --check  only report whether the build is present and current (exit 1 when not)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(path.join(ROOT, 'package.json'));

/**
 * The native packages the desktop data service loads, each with the file name its Electron build
 * gets in `.native/` and in the package (the same names as electron/main/native-binding.ts, a test
 * checks) and the file its own build writes. better-sqlite3 opens clear databases (a workspace
 * database from before encryption, while it is encrypted in place); better-sqlite3-multiple-ciphers
 * opens every encrypted workspace database.
 */
export const NATIVE_PACKAGES = [
  { name: 'better-sqlite3', binary: 'better_sqlite3.node', built: 'build/Release/better_sqlite3.node' },
  { name: 'better-sqlite3-multiple-ciphers', binary: 'better_sqlite3_multiple_ciphers.node', built: 'build/Release/better_sqlite3.node' },
];

/** better-sqlite3's binary file name (the same as electron/main/native-binding.ts SQLITE_BINARY). */
export const SQLITE_BINARY = NATIVE_PACKAGES[0].binary;
/** better-sqlite3-multiple-ciphers' binary file name (electron/main/native-binding.ts SQLCIPHER_BINARY). */
export const SQLCIPHER_BINARY = NATIVE_PACKAGES[1].binary;

/** The `.native/` subfolder of one Electron build (the same as electron/main/native-binding.ts). */
export function nativeDirName(electronVersion, platform, arch) {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

/** Where electron-builder's `extraResources` picks the binary up: `.native/package/<os>-<arch>`. */
export function packageStageDir(root, builderOs, arch) {
  return path.join(root, '.native', 'package', `${builderOs}-${arch}`);
}

/** Versions that decide which binaries are needed: Electron's, its ABI and each native package's (`packages[name]`). */
export function installedVersions(root = ROOT, packages = NATIVE_PACKAGES) {
  const read = (p) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', p, 'package.json'), 'utf8'));
  const electron = read('electron').version;
  let abi = null;
  try {
    abi = fs.readFileSync(path.join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
  } catch {
    /* older electron packages have no abi_version file; prebuild-install works it out itself */
  }
  return { electron, abi, packages: Object.fromEntries(packages.map((p) => [p.name, read(p.name).version])) };
}

/** npm settings (as npm_config_* variables) that would make a native build target Node instead of Electron. */
export const DISTURBING_NPM_SETTINGS = ['nodedir', 'target', 'runtime', 'disturl', 'dist_url', 'build_from_source', 'arch', 'target_arch', 'platform', 'target_platform', 'libc', 'devdir'];

/** `env` without the settings of {@link DISTURBING_NPM_SETTINGS} (any case, `-` or `_`). */
export function buildEnv(env = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    const m = /^npm_config_(.+)$/i.exec(k);
    if (m && DISTURBING_NPM_SETTINGS.includes(m[1].toLowerCase().replace(/-/g, '_'))) continue;
    out[k] = v;
  }
  return out;
}

/**
 * What this Node says when asked to load `file`: 'node' (it loads: a Node-ABI build),
 * { abi: 'N' } (refused, built for NODE_MODULE_VERSION N) or { unknown: message }.
 */
export function probeBinary(file) {
  const r = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file], { encoding: 'utf8', timeout: 30_000 });
  if (r.status === 0) return 'node';
  const out = `${r.stderr ?? ''}${r.stdout ?? ''}`;
  const m = /NODE_MODULE_VERSION (\d+)\./.exec(out);
  return m ? { abi: m[1] } : { unknown: out.split('\n').find((l) => l.trim()) ?? `exit ${r.status}` };
}

function sha256(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function readManifest(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * True when `dir` holds `pkg`'s binary made for exactly these versions, platform and arch, unaltered.
 * `want`: { electron, version (the package's), platform, arch }.
 */
export function isCurrent(dir, pkg, want) {
  const file = path.join(dir, pkg.binary);
  const m = readManifest(dir)?.[pkg.name];
  if (!m || !fs.existsSync(file)) return false;
  return m.electron === want.electron && m.version === want.version && m.platform === want.platform && m.arch === want.arch && m.sha256 === sha256(file);
}

function run(label, args, cwd, timeoutMs, log) {
  log(`  ${label}: ${args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}`);
  const r = spawnSync(process.execPath, args, { cwd, env: buildEnv(), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error) return { ok: false, why: r.error.message, output };
  if (r.status !== 0) return { ok: false, why: `exit code ${r.status}`, output };
  return { ok: true, output };
}

/** The telling lines of a tool's output: its error lines (at most 4), else its last 4 lines. */
function keyLines(text) {
  const lines = text.trim().split('\n');
  const errors = lines.filter((l) => /ERR! stack Error|ERR! .*error|warn install|\bError:/i.test(l)).slice(0, 4);
  return (errors.length ? errors : lines.slice(-4)).map((l) => `      ${l.trim()}`).join('\n');
}

function looksOffline(text) {
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|network|socket hang up|fetch failed/i.test(text);
}

/**
 * Makes sure the Electron builds of every package in `packages` exist for `platform`/`arch` in
 * `.native/`; returns { [package name]: absolute path of its binary }. Current builds are reused.
 * @throws Error with a readable explanation (offline, no toolchain…) when one cannot be made.
 */
export function ensureElectronBindings({ root = ROOT, platform = process.platform, arch = process.arch, force = false, log = (s) => console.log(s), packages = NATIVE_PACKAGES } = {}) {
  const v = installedVersions(root, packages);
  const dir = path.join(root, '.native', nativeDirName(v.electron, platform, arch));
  const out = {};
  for (const pkg of packages) out[pkg.name] = ensureOne({ root, pkg, v, dir, platform, arch, force, log });
  return out;
}

/** {@link ensureElectronBindings} for one package: reuse, else download, else build; probe; record. */
function ensureOne({ root, pkg, v, dir, platform, arch, force, log }) {
  const version = v.packages[pkg.name];
  const want = { electron: v.electron, version, platform, arch };
  const target = path.join(dir, pkg.binary);
  const label = `${pkg.name} ${version} for Electron ${v.electron} (${platform}-${arch})`;
  if (!force && isCurrent(dir, pkg, want)) {
    log(`${label}: ready (${path.relative(root, target)})`);
    return target;
  }
  log(`${label} is missing: getting it once…`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), `nest-${pkg.name}-`));
  try {
    const src = path.join(root, 'node_modules', pkg.name);
    for (const entry of ['package.json', 'binding.gyp', 'lib', 'src', 'deps']) {
      if (fs.existsSync(path.join(src, entry))) fs.cpSync(path.join(src, entry), path.join(work, entry), { recursive: true });
    }
    const built = path.join(work, pkg.built);
    const tries = [];
    let source = null;

    const prebuild = require.resolve('prebuild-install/bin.js', { paths: [src] });
    const pre = run('download the prebuilt binary', [prebuild, '--runtime', 'electron', '--target', v.electron, '--arch', arch, '--platform', platform, '--verbose'], work, 180_000, log);
    if (pre.ok && fs.existsSync(built)) source = 'prebuilt';
    else tries.push({ what: 'downloading the prebuilt binary (github.com)', why: pre.why ?? 'no binary produced', output: pre.output });

    if (!source) {
      if (platform !== process.platform || arch !== process.arch) {
        tries.push({ what: 'building from source', why: `cannot compile for ${platform}-${arch} on ${process.platform}-${process.arch}`, output: '' });
      } else {
        let gyp = process.env.npm_config_node_gyp;
        if (!gyp || !fs.existsSync(gyp)) {
          try {
            gyp = require.resolve('node-gyp/bin/node-gyp.js');
          } catch {
            gyp = null;
          }
        }
        if (!gyp) {
          tries.push({ what: 'building from source', why: 'node-gyp was not found (it comes with npm and with electron-builder)', output: '' });
        } else {
          fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
          const gy = run('build from source', [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${v.electron}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'], work, 20 * 60_000, log);
          if (gy.ok && fs.existsSync(built)) source = 'source';
          else tries.push({ what: 'building from source (headers from electronjs.org, C++ toolchain)', why: gy.why ?? 'no binary produced', output: gy.output });
        }
      }
    }

    if (!source) {
      const offline = tries.some((t) => looksOffline(t.output));
      const lines = [
        `Could not get ${label}.`,
        ...tries.map((t) => `  - ${t.what} failed: ${t.why}${t.output ? `\n${keyLines(t.output)}` : ''}`),
        offline ? 'This machine looks offline: both ways need the internet once.' : '',
        '`npm test` and browser mode (`npm run serve`) do not need this build; only the Electron app does.',
        `On a machine with internet run "node scripts/electron-native.mjs" in this checkout, or copy the folder .native/${nativeDirName(v.electron, platform, arch)}/ made there into this one.`,
      ].filter(Boolean);
      throw new Error(lines.join('\n'));
    }

    // Both binaries must refuse Node's ABI: one that loads here is a Node build (the nodedir trap).
    if (platform === process.platform && arch === process.arch) {
      const probe = probeBinary(built);
      if (probe === 'node') throw new Error(`The ${source} ${pkg.name} binary loads under Node ${process.version}: it is a Node build, not an Electron one. Check for an npm "nodedir" or "target" setting and run again with --force.`);
      if (probe.abi && v.abi && probe.abi !== v.abi) throw new Error(`The ${source} ${pkg.name} binary was built for NODE_MODULE_VERSION ${probe.abi}, but Electron ${v.electron} needs ${v.abi}.`);
      if (probe.unknown) log(`  note: could not confirm the ${pkg.name} binary's ABI under Node (${probe.unknown.slice(0, 200)})`);
    }

    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(built, target);
    // One manifest per folder, one entry per package: a rebuild of one keeps the others' entries.
    const manifest = { ...(readManifest(dir) ?? {}), [pkg.name]: { ...want, abi: v.abi, source, sha256: sha256(target), madeAt: new Date().toISOString() } };
    fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    log(`${label}: ${source === 'prebuilt' ? 'downloaded the prebuilt binary' : 'built from source'} → ${path.relative(root, target)}`);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** electron-builder's Arch enum (builder-util) → Node's `process.arch` names. */
const BUILDER_ARCH = { 0: 'ia32', 1: 'x64', 2: 'arm', 3: 'arm64' };
/** electron-builder's Arch enum → the name its `${arch}` macro expands to. */
const BUILDER_ARCH_MACRO = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64' };
/** Electron platform name → electron-builder's `${os}` macro. */
const BUILDER_OS = { darwin: 'mac', mas: 'mac', win32: 'win', linux: 'linux' };

/**
 * electron-builder `beforePack` hook: ensures the Electron builds for the platform and arch being
 * packed and stages them at `.native/package/<os>-<arch>/` for `extraResources`.
 */
export async function beforePack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = BUILDER_ARCH[context.arch];
  if (!arch) throw new Error(`electron-native: cannot package the native modules for arch ${context.arch} (universal macOS builds are not supported: build x64 and arm64 separately)`);
  const files = ensureElectronBindings({ platform, arch, log: (s) => console.log(`  • ${s}`) });
  const stage = packageStageDir(ROOT, BUILDER_OS[context.electronPlatformName], BUILDER_ARCH_MACRO[context.arch]);
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  for (const pkg of NATIVE_PACKAGES) fs.copyFileSync(files[pkg.name], path.join(stage, pkg.binary));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { platform: { type: 'string' }, arch: { type: 'string' }, force: { type: 'boolean' }, check: { type: 'boolean' } } });
  const platform = values.platform ?? process.platform;
  const arch = values.arch ?? process.arch;
  if (values.check) {
    const v = installedVersions();
    const dir = path.join(ROOT, '.native', nativeDirName(v.electron, platform, arch));
    let ok = true;
    for (const pkg of NATIVE_PACKAGES) {
      const current = isCurrent(dir, pkg, { electron: v.electron, version: v.packages[pkg.name], platform, arch });
      console.log(`${current ? 'present' : 'missing or stale'}: ${path.relative(ROOT, path.join(dir, pkg.binary))}`);
      ok &&= current;
    }
    process.exit(ok ? 0 : 1);
  }
  try {
    ensureElectronBindings({ platform, arch, force: values.force ?? false });
  } catch (err) {
    console.error(`\n✗ ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
