/**
 * The desktop's client of the relay's blob endpoint (shapes in shared/protocol/relay/blobs.ts):
 * `has` in batches, resumable chunked uploads streamed from disk, and downloads resumed with a
 * Range request into the store's resumable write, which hashes the bytes as they arrive and
 * refuses the blob when they do not match its name (node/blobs/fs-blob-store.ts `writeResumable`). Memory
 * stays bounded by the streams' buffers whatever the file size.
 *
 * Uses node:http(s) rather than fetch so that an upload's body is a file stream with a known
 * length and a cut connection surfaces as an error the retry loop handles.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Transform, type Readable } from 'node:stream';
import { BLOB_STREAM_BYTES, type FsBlobStore } from '../../node/blobs/fs-blob-store';
import { authorizationHeader } from '../../shared/protocol/relay';
import { BLOBS_HAS_PATH, MAX_HAS_HASHES, blobPutResponseSchema, blobUrl, blobsHasResponseSchema, type BlobsHasResponse } from '../../shared/protocol/relay/blobs';
import { TransferError } from './transfer-error';

/** Bytes sent per PUT request (each streamed from disk; a cut chunk resumes where the relay's part ends). */
export const DEFAULT_CHUNK_BYTES = 64 * 1024 * 1024;

/** Where the relay is and who asks. */
export interface RelayBlobClientOptions {
  /** The relay's HTTP base, e.g. `http://127.0.0.1:4444` (relay-url.ts `relayUrls().http`). */
  httpBase: string;
  /** The member's current token. */
  token: () => string;
  /** Bytes per PUT (default {@link DEFAULT_CHUNK_BYTES}). */
  chunkBytes?: number;
}

/** Progress callback: bytes done of total. */
export type OnBytes = (done: number, total: number) => void;

/** A small response: status and the parsed JSON body (or null). */
interface JsonResponse {
  status: number;
  body: unknown;
}

/** Client of one relay's blob endpoint. */
export class RelayBlobClient {
  private readonly o: RelayBlobClientOptions;
  private readonly chunk: number;

  constructor(o: RelayBlobClientOptions) {
    this.o = o;
    this.chunk = o.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  }

  /**
   * Which of `hashes` the relay holds for case doc `doc`, asked in batches of MAX_HAS_HASHES.
   * @throws TransferError (refused / unreachable / relay error).
   */
  async has(doc: string, hashes: readonly string[], signal?: AbortSignal): Promise<BlobsHasResponse> {
    const out: BlobsHasResponse = { have: [], received: {} };
    for (let i = 0; i < hashes.length; i += MAX_HAS_HASHES) {
      const batch = hashes.slice(i, i + MAX_HAS_HASHES);
      const body = Buffer.from(JSON.stringify({ hashes: batch }));
      const r = await this.request('POST', `${BLOBS_HAS_PATH}?doc=${encodeURIComponent(doc)}`, { body, signal, headers: { 'content-type': 'application/json' } });
      if (r.status !== 200) throw TransferError.fromStatus(r.status, r.body);
      const parsed = blobsHasResponseSchema.safeParse(r.body);
      if (!parsed.success) throw TransferError.relayError(r.status);
      out.have.push(...parsed.data.have);
      Object.assign(out.received, parsed.data.received);
    }
    return out;
  }

  /**
   * Uploads the file `file` as blob `hash` (`total` bytes) of case doc `doc`, from byte `from`
   * (what the relay reported as received), one chunk per PUT, each streamed from disk. A 409
   * (the relay's part ends elsewhere) continues from the relay's `received`.
   * @throws TransferError — retryable for a cut connection (the caller asks `has` again and resumes).
   */
  async upload(doc: string, hash: string, file: string, total: number, from: number, onBytes?: OnBytes, signal?: AbortSignal): Promise<void> {
    let offset = from;
    onBytes?.(offset, total);
    for (let guard = 0; ; guard++) {
      if (guard > 10_000) throw TransferError.relayError(0);
      const len = Math.min(this.chunk, total - offset);
      const body = len > 0 ? fs.createReadStream(file, { start: offset, end: offset + len - 1, highWaterMark: BLOB_STREAM_BYTES }) : null;
      let sent = offset;
      body?.on('data', (c: Buffer | string) => {
        sent += c.length;
        onBytes?.(sent, total);
      });
      const r = await this.request('PUT', blobUrl(hash, doc, { offset, total }), { stream: body, length: len, signal });
      if (r.status === 409) {
        const received = (r.body as { received?: unknown } | null)?.received;
        if (typeof received !== 'number') throw TransferError.relayError(409);
        offset = received;
        continue;
      }
      if (r.status !== 200) throw TransferError.fromStatus(r.status, r.body);
      const parsed = blobPutResponseSchema.safeParse(r.body);
      if (!parsed.success) throw TransferError.relayError(r.status);
      onBytes?.(parsed.data.received, total);
      if (parsed.data.complete) return;
      if (parsed.data.received <= offset && len > 0) throw TransferError.retry('the relay kept none of the chunk');
      offset = parsed.data.received;
    }
  }

  /**
   * Downloads blob `hash` (`total` bytes) of case doc `doc` into `store`, resuming the part the
   * store already holds with `Range: bytes=<received>-`. The store hashes the bytes as they are
   * written and, on completion, drops the blob when the digest does not match (TransferError `corrupt`, not retryable).
   * @throws TransferError — retryable when the connection was cut (the part is kept).
   */
  async download(doc: string, hash: string, total: number, store: FsBlobStore, onBytes?: OnBytes, signal?: AbortSignal): Promise<void> {
    if (store.has(hash)) return;
    const from = store.received(hash);
    onBytes?.(from, total);
    const res = await this.open('GET', blobUrl(hash, doc), { signal, headers: from > 0 ? { range: `bytes=${from}-` } : {} });
    if (res.statusCode !== 200 && res.statusCode !== 206) {
      const body = await readJson(res);
      throw TransferError.fromStatus(res.statusCode ?? 0, body);
    }
    // A 200 to a range request would restart at 0: the part is not continued with it.
    if (from > 0 && res.statusCode !== 206) {
      res.destroy();
      throw TransferError.relayError(200);
    }
    let done = from;
    const meter = new Transform({
      transform(c: Buffer, _e, cb) {
        done += c.length;
        onBytes?.(done, total);
        cb(null, c);
      },
    });
    res.on('error', (err) => meter.destroy(err));
    let r: { received: number; complete: boolean };
    try {
      r = await store.writeResumable(hash, from, total, res.pipe(meter));
    } catch (err) {
      const id = (err as { messageRef?: { id?: string } }).messageRef?.id;
      if (id === 'blob.hash-mismatch') throw TransferError.corrupt();
      if (id === 'blob.bad-range') throw TransferError.retry('the local part changed meanwhile');
      throw err;
    }
    if (!r.complete) throw TransferError.retry(`connection cut at byte ${r.received}`);
  }

  private async request(method: string, pathAndQuery: string, o: { body?: Buffer; stream?: Readable | null; length?: number; signal?: AbortSignal | undefined; headers?: Record<string, string> }): Promise<JsonResponse> {
    const headers: Record<string, string | number> = { ...o.headers };
    if (o.body) headers['content-length'] = o.body.length;
    else if (o.length !== undefined) headers['content-length'] = o.length;
    const res = await this.open(method, pathAndQuery, { signal: o.signal, headers }, (req) => {
      if (o.stream) {
        o.stream.on('error', (err) => req.destroy(err));
        o.stream.pipe(req);
      } else req.end(o.body);
    });
    return { status: res.statusCode ?? 0, body: await readJson(res) };
  }

  /** Sends a request and resolves with the response head; `write` sends the body (default: none). */
  private open(method: string, pathAndQuery: string, o: { signal?: AbortSignal | undefined; headers?: Record<string, string | number> }, write?: (req: http.ClientRequest) => void): Promise<http.IncomingMessage> {
    const url = new URL(pathAndQuery, this.o.httpBase.endsWith('/') ? this.o.httpBase : `${this.o.httpBase}/`);
    // The base may carry a path (a relay behind a proxy): keep it before the endpoint's path.
    url.pathname = `${new URL(this.o.httpBase).pathname.replace(/\/+$/, '')}${pathAndQuery.split('?')[0]}`;
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(url, { method, headers: { ...o.headers, authorization: authorizationHeader(this.o.token()) }, signal: o.signal, agent: false });
      req.on('response', resolve);
      req.on('error', (err) => reject(o.signal?.aborted ? TransferError.aborted() : TransferError.unreachable(err)));
      if (write) write(req);
      else req.end();
    });
  }
}

/** Reads a small JSON body (null when empty or not JSON). */
async function readJson(res: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const c of res as AsyncIterable<Buffer>) {
      size += c.length;
      if (size > 1_000_000) break; // an answer this large is not ours
      chunks.push(c);
    }
  } catch (err) {
    throw TransferError.unreachable(err);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}
