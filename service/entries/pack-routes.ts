/**
 * Browser mode's routes for case packs, beside the page and `/rpc` on the browser host: `GET
 * /packs/download/<id>` sends a pack the data service staged for this page (service/packs/
 * pack-staging.ts), and `POST /packs/upload` stores a pack the user chose to verify and answers
 * `{ stagedId }`. Both need the per-launch session token in the `X-Nest-Token` header (the page
 * fetches with it; the token never goes into a URL) and the host's own `Origin` on an upload.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../../node/log';
import { newStagedPack, stagedPack } from '../packs/pack-staging';

/** The header that carries the session token. */
export const PACK_TOKEN_HEADER = 'x-nest-token';
/** Largest upload accepted, in bytes (a pack with many exhibits can be large). */
export const MAX_UPLOAD_BYTES = 16 * 1024 ** 3;

/** What the routes need from the host. */
export interface PackRouteDeps {
  dataDir: string;
  /** True when the header's token is the session token (constant-time). */
  tokenMatches(given: string | undefined): boolean;
  /** The host's own origin (`http://127.0.0.1:PORT`). */
  origin(): string;
  logger: Logger;
}

/** Handles `req` when it is a pack route; false when it is not one (the host serves it). */
export function handlePackRoute(req: IncomingMessage, res: ServerResponse, deps: PackRouteDeps): boolean {
  const url = req.url ?? '';
  const download = /^\/packs\/download\/([A-Za-z0-9_-]{22})$/.exec(url);
  if (!download && url !== '/packs/upload') return false;
  const given = req.headers[PACK_TOKEN_HEADER];
  if (!deps.tokenMatches(typeof given === 'string' ? given : undefined)) {
    deps.logger.warn('refused a pack request without the session token');
    res.writeHead(401, { 'Content-Type': 'text/plain' }).end('token missing or wrong');
    return true;
  }
  if (download) {
    if (req.method !== 'GET') return void res.writeHead(405, { Allow: 'GET' }).end(), true;
    let file: string;
    try {
      file = stagedPack(deps.dataDir, download[1]!);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return true;
    }
    res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': String(fs.statSync(file).size), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    fs.createReadStream(file).pipe(res);
    return true;
  }
  if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST' }).end(), true;
  if (req.headers.origin !== deps.origin()) {
    res.writeHead(403, { 'Content-Type': 'text/plain' }).end('origin not allowed');
    return true;
  }
  void upload(req, res, deps);
  return true;
}

/** Streams the request body into a new staged file (at most {@link MAX_UPLOAD_BYTES}). */
async function upload(req: IncomingMessage, res: ServerResponse, deps: PackRouteDeps): Promise<void> {
  const { id, file } = newStagedPack(deps.dataDir);
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
  });
  try {
    await pipeline(req, fs.createWriteStream(file, { mode: 0o600 }));
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ stagedId: id }));
  } catch (err) {
    fs.rmSync(file, { force: true });
    deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'pack upload failed');
    if (!res.headersSent) res.writeHead(size > MAX_UPLOAD_BYTES ? 413 : 400, { 'Content-Type': 'text/plain' }).end('upload failed');
  }
}
