/**
 * Resolves request paths to the built renderer's files (dist/renderer) safely: no path may
 * escape the folder, and unknown paths fall back to index.html (single-page app).
 */
import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** A resolved static file. */
export interface StaticFile {
  file: string;
  contentType: string;
}

/**
 * The file for URL path `urlPath` under `root`, or null when it would escape `root`.
 * Paths without a file fall back to `index.html`.
 */
export function resolveStatic(root: string, urlPath: string): StaticFile | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const full = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  const file = fs.existsSync(full) && fs.statSync(full).isFile() ? full : path.join(root, 'index.html');
  return { file, contentType: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
}
