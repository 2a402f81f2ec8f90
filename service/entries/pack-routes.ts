/**
 * Browser mode's routes for case packs, beside the page and `/rpc` on the browser host:
 * - `GET /packs/download/<id>?t=<ticket>` streams a pack the data service staged, as an
 *   attachment, to the browser's own download manager (the page navigates a hidden
 *   `<a download>` to the URL `packs.downloadTicket` gave it; nothing passes through page
 *   memory). The ticket is single-use, short-lived and minted for the member who staged the pack
 *   (service/packs/pack-tickets.ts); a wrong, used or expired one gets 403 and no byte.
 * - `POST /packs/upload` stores a pack the user chose to verify and answers `{ stagedId }`; it
 *   needs the per-launch session token (`Authorization: Bearer`, ./bearer.ts) and the host's own `Origin`.
 * Neither the token nor a ticket is ever logged (the host logs no URLs; refusals log the reason only).
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../../node/log';
import { newStagedPack } from '../packs/pack-staging';
import { redeemTicket } from '../packs/pack-tickets';
import { bearerToken } from './bearer';

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
  /** The clock tickets expire by (ms since the epoch); Date.now by default. */
  now?: () => number;
}

/** `Content-Disposition: attachment` for `name`: an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Handles `req` when it is a pack route; false when it is not one (the host serves it). */
export function handlePackRoute(req: IncomingMessage, res: ServerResponse, deps: PackRouteDeps): boolean {
  const url = req.url ?? '';
  const download = /^\/packs\/download\/([A-Za-z0-9_-]{22})\?t=([^&#]*)$/.exec(url);
  if (download) {
    if (req.method !== 'GET') return void res.writeHead(405, { Allow: 'GET' }).end(), true;
    void sendStaged(res, deps, download[1]!, download[2]!);
    return true;
  }
  if (url.startsWith('/packs/download/')) {
    res.writeHead(403, { 'Content-Type': 'text/plain' }).end('ticket missing');
    return true;
  }
  if (url !== '/packs/upload') return false;
  if (!deps.tokenMatches(bearerToken(req))) {
    deps.logger.warn('refused a pack upload without the session token');
    res.writeHead(401, { 'Content-Type': 'text/plain' }).end('token missing or wrong');
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

/** Streams staged pack `id` when `ticket` redeems (backpressure: read only as fast as the socket drains). */
async function sendStaged(res: ServerResponse, deps: PackRouteDeps, id: string, ticket: string): Promise<void> {
  const found = redeemTicket(deps.dataDir, id, ticket, (deps.now ?? Date.now)());
  if (!found) {
    deps.logger.warn('refused a pack download: ticket wrong, used or expired');
    res.writeHead(403, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('ticket wrong, used or expired');
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/zip',
    'Content-Length': String(fs.statSync(found.file).size),
    'Content-Disposition': attachmentHeader(found.owner.fileName),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  try {
    await pipeline(fs.createReadStream(found.file, { highWaterMark: 1024 * 1024 }), res);
  } catch (err) {
    // The browser cancelled the download or the disk failed: the response is already cut short.
    deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'pack download interrupted');
  }
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
