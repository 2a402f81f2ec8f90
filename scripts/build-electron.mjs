/**
 * `npm run build:electron`: bundles the desktop's Node side with esbuild into dist/electron/:
 *   electron/main.ts                  → main.cjs          (Electron main; `electron` external)
 *   electron/preload.ts               → preload.cjs       (sandboxed preload; only `electron` may stay a require)
 *   service/entries/utility-entry.ts → data-service.cjs  (the utilityProcess; no `electron` at all)
 *   service/import/parse-worker.ts    → import-worker.cjs (the import parse worker the data service
 *                                       starts from its own folder: service/import/parse-off-thread.ts)
 *   service/entries/verify-cli.ts     → nest-verify.cjs   (the standalone case-pack verifier: plain
 *                                       `node nest-verify.cjs pack.zip`, no app, no database, no
 *                                       node_modules; shipped beside the app, outside app.asar)
 *
 * Kept external (required from node_modules at run time): `electron`; better-sqlite3 (native,
 * loaded with the Electron-ABI binary that main passes as NEST_SQLITE_BINDING) and
 * better-sqlite3-multiple-ciphers (the encrypted workspace databases, NEST_SQLCIPHER_BINDING); ws's optional
 * native helpers bufferutil and utf-8-validate. Everything else, pino included (we log through
 * pino.destination, no worker transports), is bundled. A bundle that imports a forbidden module
 * (electron in the data service, better-sqlite3 in main or the preload, anything but electron in
 * the preload) fails the build.
 *
 * Usage: node scripts/build-electron.mjs [--out DIR]   (default DIR: dist/electron)
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The bundles: entry, output file, externals, modules that must not be imported, an optional first line. */
export const BUNDLES = [
  { name: 'main', entry: 'electron/main.ts', out: 'main.cjs', external: ['electron'], forbid: ['better-sqlite3', 'better-sqlite3-multiple-ciphers'] },
  { name: 'preload', entry: 'electron/preload.ts', out: 'preload.cjs', external: ['electron'], forbid: ['better-sqlite3', 'better-sqlite3-multiple-ciphers'], onlyElectron: true },
  { name: 'data-service', entry: 'service/entries/utility-entry.ts', out: 'data-service.cjs', external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'bufferutil', 'utf-8-validate'], forbid: ['electron'] },
  { name: 'import-worker', entry: 'service/import/parse-worker.ts', out: 'import-worker.cjs', external: [], forbid: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers'] },
  // Everything inlined: a court's reviewer runs it with any Node 20, from the pack and a key alone.
  { name: 'nest-verify', entry: 'service/entries/verify-cli.ts', out: 'nest-verify.cjs', external: [], forbid: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers'], banner: '#!/usr/bin/env node' },
];

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * An esbuild plugin failing the build when the bundle imports a forbidden package, or (preload)
 * a Node built-in: a sandboxed preload can require only `electron` (npm code is inlined).
 */
function guard(bundle) {
  return {
    name: 'nest-guard',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point' || path.isAbsolute(args.path)) return undefined;
        const id = args.path;
        const pkg = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
        const from = path.relative(root, args.importer);
        if (bundle.forbid.includes(pkg)) return { errors: [{ text: `${bundle.name} must not import "${id}" (imported by ${from})` }] };
        if (bundle.onlyElectron && BUILTINS.has(id)) return { errors: [{ text: `the sandboxed preload cannot use the Node built-in "${id}" (imported by ${from})` }] };
        return undefined;
      });
    },
  };
}

/** Builds every bundle into `outDir`; returns their sizes in bytes. */
export async function buildElectron(outDir = path.join(root, 'dist', 'electron')) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const sizes = {};
  for (const bundle of BUNDLES) {
    const outfile = path.join(outDir, bundle.out);
    await build({
      absWorkingDir: root,
      entryPoints: [path.join(root, bundle.entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'linked',
      legalComments: 'none',
      external: bundle.external,
      plugins: [guard(bundle)],
      ...(bundle.banner ? { banner: { js: bundle.banner } } : {}),
      // node/store/app-root.ts reads import.meta.url only when __dirname is missing (ESM sources).
      logOverride: { 'empty-import-meta': 'silent' },
      logLevel: 'warning',
    });
    if (bundle.banner) fs.chmodSync(outfile, 0o755);
    sizes[bundle.out] = fs.statSync(outfile).size;
  }
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const outDir = values.out ? path.resolve(values.out) : undefined;
  buildElectron(outDir).then(
    (sizes) => {
      for (const [file, bytes] of Object.entries(sizes)) console.log(`built dist/electron/${file} (${(bytes / 1024).toFixed(0)} KiB)`);
    },
    (err) => {
      console.error(`build:electron failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
