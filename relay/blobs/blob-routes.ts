/**
 * The relay's blob endpoint (shapes and paths in shared/protocol/relay/blobs.ts): files of a case
 * uploaded and downloaded by hash, authorised by the case that references them. For every request:
 * the token is verified for the doc's workspace; the member's access to the named case doc is
 * decided by the permission model from the workspace doc the relay holds (read to download or ask,
 * write to upload); and the case doc, as the relay holds it, must list the hash among its live
 * files — so a hash learnt elsewhere opens nothing. Each refusal is logged with its reason.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BlobStore } from '../../node/blobs/blob-store';
import { caseFileHashes } from '../../shared/docs/case-files';
import { parseDocName, workspaceDocName } from '../../shared/docs/names';
import { isSha256 } from '../../shared/domain/attached-file';
import { NestError } from '../../shared/errors';
import { needsRegistry } from '../../shared/permissions';
import { BLOBS_HAS_PATH, BLOBS_PATH, blobsHasRequestSchema, type BlobPutResponse, type BlobsHasResponse } from '../../shared/protocol/relay/blobs';
import { decideAccess } from '../access';
import { authenticate } from '../authenticate';
import { registryFor } from '../registration';
import type { RouteContext } from '../http-routes';

type Reply = (res: ServerResponse, status: number, body: unknown) => void;

/** Largest `has` request body, bytes. */
const MAX_HAS_BODY = 100_000;

/** True when `pathname` is the blob endpoint's. */
export function isBlobPath(pathname: string): boolean {
  return pathname === BLOBS_PATH || pathname.startsWith(`${BLOBS_PATH}/`);
}

/** Handles a request on the blob endpoint. */
export async function handleBlobs(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RouteContext, blobs: BlobStore, reply: Reply): Promise<void> {
  const isHas = url.pathname === BLOBS_HAS_PATH;
  const hash = isHas ? null : url.pathname.slice(BLOBS_PATH.length + 1);
  if (!isHas && !isSha256(hash)) return reply(res, 400, { error: 'bad-hash' });
  const method = req.method ?? 'GET';
  const wantWrite = method === 'PUT';
  if (isHas ? method !== 'POST' : !['GET', 'HEAD', 'PUT'].includes(method)) return reply(res, 405, { error: 'method-not-allowed' });
  const docName = url.searchParams.get('doc') ?? '';
  const ref = parseDocName(docName);
  if (!ref || ref.kind !== 'case') return reply(res, 400, { error: 'bad-doc' });
  const auth = await authenticate(req.headers, ref.workspaceId, ctx.storage, ctx.now());
  if (!auth.ok) {
    ctx.log.info({ path: BLOBS_PATH, reason: auth.reason }, 'blob request refused');
    return reply(res, 401, { error: 'unauthorized', reason: auth.reason });
  }
  const refuse = (status: number, reason: string): void => {
    ctx.log.info({ path: BLOBS_PATH, member: auth.claims.memberId, doc: docName, hash, reason }, 'blob request refused');
    reply(res, status, { error: status === 404 ? 'not-found' : 'forbidden', reason });
  };
  const wsRoom = await ctx.hub.rooms.acquire(workspaceDocName(ref.workspaceId.toLowerCase()));
  let referenced: Set<string>;
  try {
    const ws = wsRoom.workspace!;
    const registry = ctx.caseRegistration === 'required' && needsRegistry(auth.claims, ref, ws) ? await registryFor(ctx.hub.rooms, ws, ref, auth.claims) : undefined;
    const decision = decideAccess(ws, ref, auth.claims, registry);
    if (!decision.ok) return refuse(403, decision.reason);
    if (wantWrite && decision.access !== 'write') return refuse(403, 'read-only');
    const caseRoom = await ctx.hub.rooms.acquire(docName);
    try {
      referenced = caseFileHashes(caseRoom.doc);
    } finally {
      ctx.hub.rooms.release(caseRoom);
    }
  } finally {
    ctx.hub.rooms.release(wsRoom);
  }
  if (isHas) return has(req, res, blobs, referenced, reply, refuse);
  if (!referenced.has(hash!)) return refuse(403, 'not-referenced');
  if (wantWrite) return put(req, res, url, blobs, hash!, reply, ctx);
  return get(req, res, blobs, hash!, refuse);
}

async function has(req: IncomingMessage, res: ServerResponse, blobs: BlobStore, referenced: Set<string>, reply: Reply, refuse: (s: number, r: string) => void): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_HAS_BODY) return reply(res, 413, { error: 'too-large' });
    chunks.push(c);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return reply(res, 400, { error: 'bad-body' });
  }
  const parsed = blobsHasRequestSchema.safeParse(body);
  if (!parsed.success) return reply(res, 400, { error: 'bad-body' });
  if (parsed.data.hashes.some((h) => !referenced.has(h))) return refuse(403, 'not-referenced');
  const out: BlobsHasResponse = { have: [], received: {} };
  for (const h of parsed.data.hashes) {
    if (await blobs.has(h)) out.have.push(h);
    else {
      const n = await blobs.received(h);
      if (n > 0) out.received[h] = n;
    }
  }
  return reply(res, 200, out);
}

async function put(req: IncomingMessage, res: ServerResponse, url: URL, blobs: BlobStore, hash: string, reply: Reply, ctx: RouteContext): Promise<void> {
  const offset = Number(url.searchParams.get('offset') ?? '0');
  const total = Number(url.searchParams.get('total'));
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(total) || total < offset) return reply(res, 400, { error: 'bad-range' });
  try {
    const r: BlobPutResponse = await blobs.writeResumable(hash, offset, total, req);
    if (r.complete) ctx.log.info({ path: BLOBS_PATH, hash, bytes: total }, 'blob stored');
    return reply(res, 200, r);
  } catch (err) {
    if (!(err instanceof NestError)) throw err;
    const id = err.messageRef?.id;
    if (id === 'blob.bad-range') return reply(res, 409, { error: 'bad-range', received: await blobs.received(hash) });
    if (id === 'blob.hash-mismatch') {
      ctx.log.warn({ path: BLOBS_PATH, hash }, 'blob upload refused: bytes do not match the hash');
      return reply(res, 422, { error: 'hash-mismatch' });
    }
    if (err.code === 'too-large') return reply(res, 413, { error: 'too-large' });
    throw err;
  }
}

async function get(req: IncomingMessage, res: ServerResponse, blobs: BlobStore, hash: string, refuse: (s: number, r: string) => void): Promise<void> {
  const size = await blobs.size(hash);
  if (size === null) return refuse(404, 'not-stored');
  const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  let start = 0;
  let end = size - 1;
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (req.headers.range) {
    if (!range || Number(range[1]) >= size) {
      res.writeHead(416, { 'content-range': `bytes */${size}` });
      return void res.end();
    }
    start = Number(range[1]);
    end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    headers['content-range'] = `bytes ${start}-${end}/${size}`;
  }
  headers['content-length'] = end - start + 1;
  res.writeHead(req.headers.range ? 206 : 200, headers);
  if (req.method === 'HEAD' || size === 0) return void res.end();
  // A client that goes away stops the read (a database store stops fetching chunks).
  const stream = await blobs.read(hash, start, end);
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
