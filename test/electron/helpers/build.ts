/**
 * Test helper: bundles the desktop's Node side with scripts/build-electron.mjs into a fresh
 * folder under dist/ (so the bundles find the app root by walking up, as from dist/electron),
 * and removes it afterwards. Each test file builds its own copy: no stale output, no races.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** A built copy of dist/electron. */
export interface BuiltBundles {
  dir: string;
  main: string;
  preload: string;
  dataService: string;
  /** The standalone case-pack verifier. */
  nestVerify: string;
  remove(): void;
}

/**
 * Builds the bundles.
 * @throws Error with esbuild's output when the build fails.
 */
export function buildBundles(): BuiltBundles {
  fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'dist', '.test-electron-'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs'), '--out', dir], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-electron failed:\n${r.stdout}\n${r.stderr}`);
  return {
    dir,
    main: path.join(dir, 'main.cjs'),
    preload: path.join(dir, 'preload.cjs'),
    dataService: path.join(dir, 'data-service.cjs'),
    nestVerify: path.join(dir, 'nest-verify.cjs'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
