/**
 * Where Chromium or Chrome is on this machine, for printing outside Electron: `NEST_CHROMIUM`
 * when set (and then only it: a wrong setting should fail, not be silently replaced), else the
 * usual install paths of Linux distributions, macOS and Windows, first that exists wins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NestError } from '../../../shared/errors';

/** The usual executable paths on `platform`, in the order they are tried. */
export function chromiumCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', path.join(env.HOME ?? '~', 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome')];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((r) => [path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(r, 'Chromium', 'Application', 'chrome.exe'), path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/opt/google/chrome/chrome'];
}

/**
 * The Chromium executable to print with.
 * @throws NestError('export-failed', report.print.no-chromium) naming every path tried and the fix.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (p: string) => boolean = (p) => fs.existsSync(p)): string {
  const tried = env.NEST_CHROMIUM ? [env.NEST_CHROMIUM] : chromiumCandidates(platform, env);
  const found = tried.find(exists);
  if (!found) throw new NestError('export-failed', { id: 'report.print.no-chromium', values: { tried: tried.join(', ') } });
  return found;
}
