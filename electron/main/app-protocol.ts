/**
 * The `app://` protocol: serves the built renderer (dist/renderer) to app windows, with the CSP
 * and security headers of node/web/csp.ts on every response (no connect sources beyond
 * 'self': in Electron the page talks to the data service over a MessagePort, not the network).
 *
 * Split in two for testing: {@link planAppRequest} decides (pure apart from `fs.stat`), and
 * {@link createAppProtocolHandler} turns the plan into a fetch `Response` for `protocol.handle`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { securityHeaders } from '../../node/web/csp';
import { APP_SCHEME, isAppUrl } from './app-url';

/**
 * The scheme's privileges, registered before `ready`: `standard` (relative URLs, an origin of its
 * own, web storage), `secure` (a secure context, like https), `supportFetchAPI` (the page may
 * fetch its own assets), `codeCache` (faster start). Not `corsEnabled` (other origins cannot
 * read our files), not `bypassCSP`, no service workers, no streaming.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** What to answer to one request. */
export interface AppResponsePlan {
  /** 200 with a file; 400 malformed path; 403 outside the folder or a foreign host; 404; 405 not GET/HEAD. */
  status: 200 | 400 | 403 | 404 | 405;
  /** The absolute file to send (status 200 only). */
  file?: string;
  /** Why the request was refused (status ≠ 200), for the log; never sent to the page. */
  reason?: string;
  /** Response headers: the CSP and security headers always, plus Content-Type and Cache-Control. */
  headers: Record<string, string>;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root + path.sep);
}

/**
 * Plans the answer to `method url` under `rendererDir` (an absolute folder).
 * - only GET and HEAD; only `app://nest/…`;
 * - the path is percent-decoded, normalised and must stay inside `rendererDir`, also after
 *   following symlinks; a NUL byte or a malformed escape is refused;
 * - `/` is index.html; an unknown path without an extension is index.html too (client-side
 *   routes); an unknown file with an extension is 404.
 */
export function planAppRequest(rendererDir: string, method: string, url: string): AppResponsePlan {
  const base = { ...securityHeaders(), 'Cache-Control': 'no-cache' };
  const refuse = (status: AppResponsePlan['status'], reason: string): AppResponsePlan => ({ status, reason, headers: { ...base, 'Content-Type': 'text/plain; charset=utf-8' } });
  if (method !== 'GET' && method !== 'HEAD') {
    const r = refuse(405, `method ${method.slice(0, 20)} is not allowed`);
    r.headers.Allow = 'GET, HEAD';
    return r;
  }
  if (!isAppUrl(url)) return refuse(403, 'not an app://nest/ URL');
  const root = path.resolve(rendererDir);
  let rel: string;
  try {
    rel = decodeURIComponent(new URL(url).pathname);
  } catch {
    return refuse(400, 'malformed percent-encoding in the path');
  }
  if (rel.includes('\0')) return refuse(400, 'NUL byte in the path');
  const normal = path.posix.normalize(`/${rel}`);
  let full = path.resolve(root, `.${normal}`);
  if (!inside(root, full)) return refuse(403, 'path escapes the app folder');
  if (full === root || normal.endsWith('/')) full = path.join(full, 'index.html');
  if (!isFile(full)) {
    if (path.posix.extname(normal) !== '') return refuse(404, 'no such file');
    full = path.join(root, 'index.html');
    if (!isFile(full)) return refuse(404, 'the app is not built (index.html is missing)');
  }
  try {
    if (!inside(fs.realpathSync(root), fs.realpathSync(full))) return refuse(403, 'path escapes the app folder through a link');
  } catch {
    return refuse(404, 'no such file');
  }
  return { status: 200, file: full, headers: { ...base, 'Content-Type': TYPES[path.extname(full).toLowerCase()] ?? 'application/octet-stream' } };
}

/** Reports refused requests (the URL's path is not case content; it is logged for debugging). */
export type RefusalLogger = (info: { status: number; url: string; reason: string }) => void;

/**
 * The `protocol.handle('app', …)` handler: answers each request from {@link planAppRequest},
 * reading the file asynchronously. Every response, refusals included, carries the CSP.
 */
export function createAppProtocolHandler(rendererDir: string, onRefused: RefusalLogger = () => {}): (request: Request) => Promise<Response> {
  return async (request) => {
    const plan = planAppRequest(rendererDir, request.method, request.url);
    if (plan.status !== 200 || !plan.file) {
      onRefused({ status: plan.status, url: request.url.slice(0, 300), reason: plan.reason ?? '' });
      return new Response(request.method === 'HEAD' ? null : `${plan.status}`, { status: plan.status, headers: plan.headers });
    }
    let body: Buffer;
    try {
      body = await fs.promises.readFile(plan.file);
    } catch {
      onRefused({ status: 404, url: request.url.slice(0, 300), reason: 'file vanished while reading' });
      return new Response('404', { status: 404, headers: { ...plan.headers, 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: { ...plan.headers, 'Content-Length': String(body.byteLength) } });
  };
}
