/**
 * Finds the app's root folder (the one holding `package.json` named "nest-desk", and with it
 * `migrations/` and `resources/`), whether running from sources (tsx, vitest), from the bundled
 * `dist/` build, or from a packaged app.asar. Overridable with `NEST_APP_ROOT`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

function startDir(): string {
  // Bundled CommonJS builds have __dirname; ESM sources have import.meta.url.
  if (typeof __dirname !== 'undefined') return __dirname;
  return path.dirname(fileURLToPath(import.meta.url));
}

/**
 * The app root folder.
 * @throws Error when no `package.json` named "nest-desk" is found above this module.
 */
export function appRoot(): string {
  if (process.env.NEST_APP_ROOT) return process.env.NEST_APP_ROOT;
  if (cached) return cached;
  let dir = startDir();
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'nest-desk') return (cached = dir);
      } catch {
        /* not ours; keep walking */
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`NEST Desk's package.json was not found above ${startDir()}; set NEST_APP_ROOT`);
    dir = up;
  }
}

/** A path inside the app root, e.g. `appPath('migrations')`. */
export function appPath(...parts: string[]): string {
  return path.join(appRoot(), ...parts);
}
