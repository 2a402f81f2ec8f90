/**
 * The browser-mode host's file routes (issue 13): adding a file to a case by an HTTP upload and
 * reading a case file's bytes, both for the page the host served and nobody else.
 *
 * - `POST /files/<workspace>/<case>?name=<original name>`: the body (any type) is streamed to a
 *   temporary file (0600, in the data folder's `uploads/`), counted as it arrives and cut off past
 *   the size limit (413), then added through the same intake as Electron's native dialog
 *   (`files.addFromPath`, so the hashing progress comes as `files.progress` events); answers 200
 *   with the attached file's JSON. The temporary file is always removed.
 * - `GET /files/<workspace>/<case>/<sha256>`: the stored bytes of a file of that case, with the
 *   media type recorded at intake (sniffed from the bytes), `X-Content-Type-Options: nosniff`, a
 *   CSP that runs nothing (`default-src 'none'; sandbox`) and `Content-Disposition: attachment`,
 *   so a file is never rendered as a page of the app's origin.
 *
 * Both need `Authorization: Bearer <per-launch token>` (the page sends it with `fetch`; a foreign
 * page cannot, since the host answers no CORS preflight) and the member's permission on the case,
 * decided by the one RPC check (`authorize` with the method's declared action: `case.edit` to add,
 * `case.read` to read). A hash the case does not list opens nothing (404), whatever is stored.
 * Refusals are logged with their reason, never with the token or a file's name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Logger } from '../../node/log';
import { bearerToken } from './bearer';
import { CaseFiles } from '../../shared/docs/case-files';
import { isSha256 } from '../../shared/domain/attached-file';
import { NestError, type ErrorCode } from '../../shared/errors';
import { rpcContract } from '../../shared/rpc/contract';
import { authorize } from '../rpc/authorize';
import { workspaceBlobStore } from '../blobs/case-files-service';
import type { DataService } from '../data-service';

/** Options of {@link handleFileRoute}. */
export interface FileRouteOptions {
  service: DataService;
  /** True when the request carries the host's token. */
  tokenOk: (given: string | undefined) => boolean;
  /** Largest upload accepted, bytes. */
  maxBytes: number;
  logger: Logger;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UPLOAD = new RegExp(`^/files/(${UUID})/(${UUID})$`, 'i');
const READ = new RegExp(`^/files/(${UUID})/(${UUID})/([0-9a-f]{64})$`, 'i');

const STATUS: Partial<Record<ErrorCode, number>> = { forbidden: 403, 'read-only': 403, 'not-found': 404, 'too-large': 413, validation: 400, 'invalid-params': 400 };

/** Sends a NestError as `{ error: ErrorInfo }` with the status of its code (500 for an unexpected error). */
function sendError(res: http.ServerResponse, err: unknown): void {
  const info = err instanceof NestError ? err.toInfo() : { code: 'internal' as const, message: 'internal error' };
  const status = STATUS[info.code] ?? 500;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }).end(JSON.stringify({ error: info }));
}

/** A header-safe `filename*` parameter (RFC 6266 / 5987). */
function dispositionOf(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Streams `req` into `file`, refusing past `max` bytes (NestError('too-large')). */
async function receive(req: http.IncomingMessage, file: string, max: number): Promise<number> {
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > max) return done(new NestError('too-large', { id: 'file.too-large', values: { size, max } }));
      done(null, chunk);
    },
  });
  await pipeline(req, meter, fs.createWriteStream(file, { fd: fs.openSync(file, 'wx', 0o600) }));
  return size;
}

async function upload(req: http.IncomingMessage, res: http.ServerResponse, o: FileRouteOptions, workspaceId: string, caseId: string, query: URLSearchParams): Promise<void> {
  const params = { workspaceId, caseId };
  authorize(rpcContract['files.addFromPath'], params, (id) => o.service.workspace(id));
  const length = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(length) && length > o.maxBytes) throw new NestError('too-large', { id: 'file.too-large', values: { size: length, max: o.maxBytes } });
  const name = (query.get('name') ?? '').slice(0, 255) || 'upload';
  const dir = path.join(o.service.dataDir, 'uploads');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `${randomUUID()}.part`);
  try {
    await receive(req, tmp, o.maxBytes);
    const file = await o.service.invoke('files.addFromPath', { workspaceId, caseId, path: tmp, name });
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }).end(JSON.stringify(file));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function read(req: http.IncomingMessage, res: http.ServerResponse, o: FileRouteOptions, workspaceId: string, caseId: string, hash: string): void {
  authorize(rpcContract['files.verify'], { workspaceId, caseId }, (id) => o.service.workspace(id));
  const ws = o.service.workspace(workspaceId);
  const record = ws.host.with(ws.caseDocName(caseId), (doc) => new CaseFiles(doc).all().find((f) => f.hash === hash.toLowerCase()));
  if (!record) throw new NestError('not-found', { id: 'blob.not-referenced' });
  const blobs = workspaceBlobStore(ws.store.file);
  const size = blobs.size(record.hash);
  if (size === null) throw new NestError('not-found', { id: 'blob.not-referenced' });
  res.writeHead(200, {
    'Content-Type': record.mediaType,
    'Content-Length': String(size),
    'Content-Disposition': dispositionOf(record.name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'private, no-store',
  });
  if (req.method === 'HEAD') res.end();
  else blobs.read(record.hash).pipe(res);
}

/**
 * Answers `req` when its path is a file route and returns true; returns false for any other path
 * (the caller serves the app). Never throws: refusals are answered with their status.
 */
export function handleFileRoute(req: http.IncomingMessage, res: http.ServerResponse, o: FileRouteOptions): boolean {
  const url = new URL(req.url ?? '/', 'http://host');
  if (!url.pathname.startsWith('/files/')) return false;
  const refuse = (status: number, reason: string): true => {
    o.logger.warn({ method: req.method, status, reason }, 'refused a file request');
    req.resume();
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end(reason);
    return true;
  };
  if (!o.tokenOk(bearerToken(req))) return refuse(401, 'token missing or wrong');
  const up = UPLOAD.exec(url.pathname);
  const rd = READ.exec(url.pathname);
  const work =
    req.method === 'POST' && up
      ? upload(req, res, o, up[1]!.toLowerCase(), up[2]!.toLowerCase(), url.searchParams)
      : (req.method === 'GET' || req.method === 'HEAD') && rd && isSha256(rd[3]!.toLowerCase())
        ? Promise.resolve().then(() => read(req, res, o, rd[1]!.toLowerCase(), rd[2]!.toLowerCase(), rd[3]!.toLowerCase()))
        : null;
  if (!work) return refuse(up || rd ? 405 : 404, up || rd ? 'method not allowed' : 'not found');
  work.catch((err: unknown) => {
    o.logger.warn({ method: req.method, code: err instanceof NestError ? err.code : 'internal', err: err instanceof NestError ? undefined : String(err) }, 'file request failed');
    req.resume();
    sendError(res, err);
  });
  return true;
}
