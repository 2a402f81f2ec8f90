/**
 * SHA-256 of a file while it is being written, computed off the main thread. The writer says how
 * far the file has been written (`feed(to)`); a worker thread reads those bytes back from the file
 * (the page cache, so it costs a memory copy, not a disk read) and hashes them. The main thread,
 * which receives the bytes from a socket and hands them to the disk, then does no per-byte work
 * of its own: measured, hashing on it was most of what made a blob download slower than a plain
 * HTTP download of the same file (bench B2, docs/evidence.md "Performance").
 *
 * What is hashed is what the file holds, read back after each write completed, so the digest
 * covers exactly the bytes on disk, never bytes that were buffered but not written.
 *
 * One worker serves the whole process (started on first use, it does not keep the process alive
 * while idle). Its code is a plain JavaScript string evaluated in the worker, so it runs the same
 * from the TypeScript sources, a bundle or the packaged app. Memory: one read buffer of
 * {@link HASH_READ_BYTES} in the worker.
 */
import { Worker } from 'node:worker_threads';

/** Bytes the worker reads per step. */
export const HASH_READ_BYTES = 1024 * 1024;

/** Bytes written between two messages to the worker (fewer, larger reads cost less per byte). */
export const FEED_BYTES = 4 * 1024 * 1024;

/** The worker: running hashes keyed by id; `feed` reads the file's next bytes into one, `digest` answers and forgets it. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
const states = new Map();
const buf = Buffer.allocUnsafe(${HASH_READ_BYTES});
function feed(s, file, from, to) {
  if (s.error) return;
  if (from !== s.bytes) { s.error = 'fed out of order: ' + from + ' after ' + s.bytes; return; }
  const fd = fs.openSync(file, 'r');
  try {
    for (let pos = from; pos < to; ) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, to - pos), pos);
      if (n === 0) { s.error = 'the file ends at ' + pos + ', before ' + to; return; }
      s.hash.update(buf.subarray(0, n));
      pos += n;
      s.bytes = pos;
    }
  } finally {
    fs.closeSync(fd);
  }
}
parentPort.on('message', (m) => {
  let s = states.get(m.id);
  if (!s) { s = { hash: crypto.createHash('sha256'), bytes: 0, error: null }; states.set(m.id, s); }
  if (m.op === 'feed') {
    try { feed(s, m.file, m.from, m.to); } catch (err) { s.error = String(err && err.message || err); }
  } else if (m.op === 'digest') {
    states.delete(m.id);
    parentPort.postMessage(s.error ? { seq: m.seq, error: s.error } : { seq: m.seq, hex: s.hash.digest('hex'), bytes: s.bytes });
  } else states.delete(m.id);
});
`;

/** A reply of the worker to `digest`. */
interface DigestReply {
  seq: number;
  hex?: string;
  bytes?: number;
  error?: string;
}

/** The process's hashing worker and the digests it still owes. */
class HashWorker {
  readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (hex: string) => void; reject: (err: Error) => void }>();
  private seq = 0;
  dead = false;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref();
    this.worker.on('message', (r: DigestReply) => {
      const w = this.waiting.get(r.seq);
      if (!w) return;
      this.waiting.delete(r.seq);
      if (this.waiting.size === 0) this.worker.unref();
      if (r.hex !== undefined) w.resolve(r.hex);
      else w.reject(new Error(`background hash failed: ${r.error}`));
    });
    const fail = (err: Error): void => {
      this.dead = true;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the hashing worker exited (${code})`)));
  }

  post(m: { op: 'feed'; id: number; file: string; from: number; to: number } | { op: 'drop'; id: number }): void {
    this.worker.postMessage(m);
  }

  digest(id: number): Promise<string> {
    const seq = ++this.seq;
    // Kept alive while a digest is owed: the caller may have nothing else holding the event loop.
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.worker.postMessage({ op: 'digest', id, seq });
    });
  }
}

let shared: HashWorker | null = null;
let nextId = 1;

function hashWorker(): HashWorker {
  if (!shared || shared.dead) shared = new HashWorker();
  return shared;
}

/**
 * The running SHA-256 of one file's first `bytes` bytes, kept by the worker. Feed it, in order,
 * the offsets the file has been written up to; `digest()` ends it.
 */
export class BackgroundHash {
  private readonly id = nextId++;
  private readonly w = hashWorker();
  /** Bytes handed to the worker so far. */
  private fed = 0;
  /** Bytes of the file covered once the pending feed is handed over. */
  private upto = 0;
  private ended = false;

  /** @param file the file being written (read back by the worker; must not be truncated meanwhile). */
  constructor(readonly file: string) {}

  /** Bytes of the file this hash covers (or will, once the worker has caught up). */
  get bytes(): number {
    return this.upto;
  }

  /** The file is now written up to byte `to` (exclusive); handed to the worker in steps of {@link FEED_BYTES}. */
  feed(to: number): void {
    if (to < this.upto) throw new Error(`BackgroundHash.feed went back from ${this.upto} to ${to}`);
    this.upto = to;
    if (this.upto - this.fed >= FEED_BYTES) this.handOver();
  }

  /**
   * The hex SHA-256 of the file's first {@link bytes} bytes; ends this hash.
   * @throws Error when the worker could not read them (the file shrank) or died; callers hash the file themselves then.
   */
  async digest(): Promise<string> {
    if (this.ended) throw new Error('BackgroundHash already ended');
    this.ended = true;
    if (this.w.dead) throw new Error('the hashing worker exited');
    this.handOver();
    return this.w.digest(this.id);
  }

  /** Forgets this hash (the worker frees its state). */
  drop(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.w.dead) this.w.post({ op: 'drop', id: this.id });
  }

  private handOver(): void {
    if (this.upto === this.fed || this.w.dead) return;
    this.w.post({ op: 'feed', id: this.id, file: this.file, from: this.fed, to: this.upto });
    this.fed = this.upto;
  }
}

