/**
 * Runs the import pipeline in a worker thread (parse-worker.ts) and gives back the same
 * {@link ParsedImport} that parseImportFile would. The data service's main thread only receives
 * the parsed, checked rows, in batches (each message one short task), so a 100,000-row or hostile
 * file never stalls other windows, the renderer sync or the relay sync while it is read.
 *
 * One worker, started on first use and kept (the country polygons it loads take a moment), runs
 * one file at a time in request order; it is `unref`'d so it never keeps a CLI or a test alive.
 * If it dies, the requests in flight reject and the next request starts a new one. After a large
 * parse ({@link RETIRE_AFTER_ROWS} rows or more) it is ended once it has no work: V8 keeps the
 * heap such a parse grew (hundreds of MB for 100,000 rows) for the life of the thread, and the
 * import's writing, which comes next, needs that memory (docs/architecture.md "P3").
 *
 * Stopping a parse (`import.abort`, running-imports.ts): the worker parses synchronously and
 * cannot read a message mid-file, so a stopped parse ends the worker at once; the other requests
 * it held are sent again, from the start, to a new one.
 *
 * Where the worker's code is: beside the bundle (`import-worker.cjs` next to data-service.cjs,
 * scripts/build-electron.mjs) when running bundled; from the TypeScript sources (tsx, vitest,
 * `npm run serve`) `parse-worker.ts`, with tsx's loader registered in the worker first, as
 * relay/storage/worker-relay-storage.ts does (Node does not carry a parent's loader into workers).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isErrorCode, NestError, type ErrorInfo } from '../../shared/errors';
import { isMessageId } from '../../shared/messages';
import type { ParsedImport, ParsedTable } from './index';
import type { WorkerParseInput, WorkerParseReply, WorkerParseRequest } from './parse-worker-protocol';
import { cancelledBeforeWriting } from './running-imports';

/**
 * Receives a parse's table and valid rows as the worker sends them (parseImportFile's `onTable` /
 * `onSeizures`), instead of the rows being collected into the result (whose `seizures` is then
 * empty). Each is told once, in file order, even when the parse is sent again to a new worker.
 */
export interface ParseStream {
  onTable(table: ParsedTable): void;
  onSeizures(batch: ParsedImport['seizures']): void;
}

interface Pending {
  input: WorkerParseInput;
  seizures: ParsedImport['seizures'];
  stream: ParseStream | undefined;
  /** Rows received from the current worker, and rows given to `stream` over every worker: a parse sent again repeats its rows, which the stream has had. */
  received: number;
  delivered: number;
  tableSent: boolean;
  onProgress: ((done: number, total: number) => void) | undefined;
  resolve(parsed: ParsedImport): void;
  reject(err: Error): void;
}

/** A parse that gave this many rows or more ends the worker once it is idle (see the module comment). */
export const RETIRE_AFTER_ROWS = 10_000;

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

/** The error the worker reported, rebuilt: a NestError keeps its code and catalogue message. */
function toError(e: ErrorInfo | { name: string; message: string }): Error {
  if ('code' in e && isErrorCode(e.code)) {
    return new NestError(e.code, e.messageId && isMessageId(e.messageId) ? { id: e.messageId, ...(e.values ? { values: e.values } : {}) } : e.message, e.issues);
  }
  const err = new Error(e.message);
  err.name = 'name' in e ? e.name : 'Error';
  return err;
}

/** Starts the worker from the bundle or the sources (see the module comment). */
function startWorker(): Worker {
  const here = typeof import.meta.url === 'string' ? import.meta.url : '';
  // Bundled: the code is read with fs and run as an eval'd script, so that it also loads from inside
  // a packaged app.asar (fs reads the archive there; a Worker given the path might not).
  if (!here.endsWith('.ts')) return new Worker(fs.readFileSync(path.join(__dirname, 'import-worker.cjs'), 'utf8'), { eval: true });
  const entry = new URL('./parse-worker.ts', here);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true });
}

/** The running worker, started when there is none. */
function theWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.unref();
  let retire = false;
  w.on('message', (reply: WorkerParseReply) => {
    // A worker ended by a stopped parse may still deliver: its requests were sent to a new one.
    if (worker !== w) return;
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.kind === 'progress') {
      p.onProgress?.(reply.done, reply.total);
      return;
    }
    if (reply.kind === 'table') {
      if (!p.tableSent) p.stream?.onTable(reply.table);
      p.tableSent = true;
      return;
    }
    if (reply.kind === 'seizures') {
      const from = p.received;
      p.received += reply.seizures.length;
      if (!p.stream) for (const s of reply.seizures) p.seizures.push(s);
      else if (p.received > p.delivered) {
        // A parse sent again starts from the file's first row: only the rows not yet given go on.
        p.stream.onSeizures(from >= p.delivered ? reply.seizures : reply.seizures.slice(p.delivered - from));
        p.delivered = p.received;
      }
      return;
    }
    pending.delete(reply.id);
    if (reply.kind === 'done') {
      retire ||= p.received >= RETIRE_AFTER_ROWS;
      p.resolve({ ...reply.parsed, seizures: p.seizures });
    } else p.reject(toError(reply.error));
    if (retire && !pending.size && worker === w) {
      // Forgotten first, so its exit is not taken for a failure; the next request starts a new one.
      worker = null;
      void w.terminate();
    }
  });
  const die = (err: Error): void => {
    if (worker !== w) return;
    worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', die);
  w.on('exit', (code) => die(new Error(`the import parse worker stopped (exit code ${code})`)));
  worker = w;
  return w;
}

/**
 * Parses an import file in the worker: the same result as parseImportFile with the country
 * lookups of service/geo/country-at.ts (which the worker supplies). `onProgress` is told the
 * rows checked of all, every few thousand rows (parseImportFile's `onProgress`); `stream`, when
 * given, receives the table and the rows as they come (see {@link ParseStream}).
 * @throws NestError('import-failed') when the file is unusable (as parseImportFile); Error when
 *   the worker fails or stops.
 */
export function parseOffThread(input: WorkerParseInput, onProgress?: (done: number, total: number) => void, signal?: AbortSignal, stream?: ParseStream): Promise<ParsedImport> {
  if (signal?.aborted) return Promise.reject(cancelledBeforeWriting(input.fileName));
  const id = nextId++;
  const onAbort = (): void => stopParse(id);
  return new Promise<ParsedImport>((resolve, reject) => {
    pending.set(id, { input, seizures: [], stream, received: 0, delivered: 0, tableSent: false, onProgress, resolve, reject });
    signal?.addEventListener('abort', onAbort, { once: true });
    send(id, input);
  }).finally(() => {
    signal?.removeEventListener('abort', onAbort);
    if (!pending.size) worker?.unref();
  });
}

/** Posts request `id` to the worker (started when there is none), which then keeps the process alive until it has no work. */
function send(id: number, input: WorkerParseInput): void {
  const w = theWorker();
  w.ref();
  const request: WorkerParseRequest = { id, input };
  w.postMessage(request);
}

/**
 * Stops parse `id`: rejects it with NestError('cancelled') and ends the worker (it cannot be
 * interrupted otherwise); the requests it also held start again on a new worker, with their rows
 * received so far dropped (they come again; a stream is not given them twice).
 */
function stopParse(id: number): void {
  const p = pending.get(id);
  if (!p) return;
  pending.delete(id);
  const w = worker;
  // Forgotten first, so its exit is not taken for a failure of the others.
  worker = null;
  if (w) void w.terminate();
  p.reject(cancelledBeforeWriting(p.input.fileName));
  for (const [other, q] of pending) {
    q.seizures.length = 0;
    q.received = 0;
    send(other, q.input);
  }
}

/** The running parse worker's thread id, or null when none runs (for diagnostics and tests). */
export function parseWorkerThreadId(): number | null {
  return worker?.threadId ?? null;
}
