/**
 * Content-addressed blob storage on the filesystem, used by the data service (under a workspace
 * folder) and the relay (under its data dir): a blob lives at `sha256/ab/cdef…` below the root,
 * named by its SHA-256, so identical files are stored once and a stored file can be re-checked
 * against its name at any time.
 *
 * Intake streams: bytes are hashed while they are copied to a temporary file, which is fsynced
 * and renamed into place, so memory stays bounded whatever the size and a crash leaves either no
 * blob or a whole one. Resumable writes (the relay's uploads, the desktop's downloads) keep the
 * part received in `partial/<hash>` and append to it (node/blobs/part-writer.ts), hashing each
 * byte once it is written: a worker thread reads the new bytes back from the page cache and keeps
 * the part's running SHA-256 (node/blobs/background-hash.ts), kept between the requests of one
 * upload, so completing a blob costs no second read of it and the thread that receives the bytes
 * does no hashing (bench B1/B2 measured that re-read, then that hashing, as the largest costs).
 * Only a part this process did not write itself (a resume after a restart, or after a write that
 * failed part-way) is read back and hashed once before new bytes are appended. On completion the
 * digest of exactly the bytes in the part is compared with the name (the part hashed on this
 * thread instead if the worker could not answer), and a mismatch is refused
 * and the part dropped. Writes of one hash run one at a time, so a second writer finds the part
 * where the first left it. Files are created 0600.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NestError } from '../../shared/errors';
import { isSha256 } from '../../shared/domain/attached-file';
import { SNIFF_BYTES } from '../../shared/domain/media-type';
import type { BlobStore } from './blob-store';
import { BackgroundHash } from './background-hash';
import { FlushBehind } from './flush-behind';
import { drainInto, PartWriter } from './part-writer';

/** What intake learnt: the SHA-256 (hex), size in bytes and the first bytes (for sniffing the media type). */
export interface IntakeResult {
  hash: string;
  size: number;
  head: Uint8Array;
}

/** Result of checking one stored blob against its name. */
export type BlobCheck = 'ok' | 'changed' | 'missing';

/** Options of {@link FsBlobStore}. */
export interface FsBlobStoreOptions {
  /** Largest blob accepted, bytes. */
  maxBytes: number;
}

/** Stream buffer size for blob reads and writes, bytes: fewer, larger chunks than Node's 64 KiB default cost less per byte. */
export const BLOB_STREAM_BYTES = 1024 * 1024;

/** The running SHA-256 of a resumable write's part: the hash of its first `bytes` bytes (computed by the hashing worker). */
interface PartHash {
  hasher: BackgroundHash;
  bytes: number;
}

/** Content-addressed blobs under one root folder (answers the {@link BlobStore} methods synchronously). */
export class FsBlobStore implements BlobStore {
  /** hash → the running hash of its part, for parts this process wrote (see the module comment). */
  private readonly partHashes = new Map<string, PartHash>();
  /** hash → the write of it under way (settled, never rejected): the next one waits for it. */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    readonly root: string,
    private readonly o: FsBlobStoreOptions,
  ) {}

  /** Path of blob `hash` (whether or not it exists). @throws NestError('validation') for a malformed hash. */
  pathOf(hash: string): string {
    if (!isSha256(hash)) throw new NestError('validation', { id: 'blob.bad-hash', values: { hash: String(hash).slice(0, 80) } });
    return path.join(this.root, 'sha256', hash.slice(0, 2), hash.slice(2));
  }

  /** True when blob `hash` is stored. */
  has(hash: string): boolean {
    return fs.existsSync(this.pathOf(hash));
  }

  /** Size of blob `hash` in bytes, or null when it is not stored. */
  size(hash: string): number | null {
    try {
      return fs.statSync(this.pathOf(hash)).size;
    } catch {
      return null;
    }
  }

  /** A stream of blob `hash`'s bytes `start`…`end` (inclusive; whole blob by default). @throws NestError('not-found'). */
  read(hash: string, start?: number, end?: number): Readable {
    if (!this.has(hash)) throw new NestError('not-found', { id: 'blob.not-referenced' });
    return fs.createReadStream(this.pathOf(hash), { start, end, highWaterMark: BLOB_STREAM_BYTES });
  }

  /**
   * Stores the bytes of `source`, hashing while copying (bounded memory); `onProgress` gets the
   * bytes copied so far.
   * @throws NestError('too-large') past the size limit (nothing kept).
   */
  async intake(source: Readable, onProgress?: (bytes: number) => void): Promise<IntakeResult> {
    const tmp = this.tempPath('intake');
    const hasher = crypto.createHash('sha256');
    let size = 0;
    const head: number[] = [];
    const max = this.o.maxBytes;
    // Opened synchronously so that the `finally` below removes it even when the copy fails at once.
    const fd = fs.openSync(tmp, 'wx', 0o600);
    const behind = new FlushBehind(fd);
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > max) return done(new NestError('too-large', { id: 'file.too-large', values: { size, max } }));
        for (let i = 0; head.length < SNIFF_BYTES && i < chunk.length; i++) head.push(chunk[i]!);
        hasher.update(chunk);
        behind.wrote(chunk.length);
        onProgress?.(size);
        done(null, chunk);
      },
      flush(done) {
        void behind.idle().then(() => done());
      },
    });
    try {
      await pipeline(source, meter, fs.createWriteStream(tmp, { fd, highWaterMark: BLOB_STREAM_BYTES }));
      const hash = hasher.digest('hex');
      this.commit(tmp, hash);
      return { hash, size, head: Uint8Array.from(head) };
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  /** Bytes already received of a resumable write of `hash` (0 when none is under way; the whole size when the blob is stored). */
  received(hash: string): number {
    const whole = this.size(hash);
    if (whole !== null) return whole;
    try {
      return fs.statSync(this.partialPath(hash)).size;
    } catch {
      return 0;
    }
  }

  /**
   * Appends `source` at `offset` to the resumable write of `hash`, hashing the bytes as they are
   * written; when `total` bytes are there, compares the digest with `hash` and stores the blob.
   * Writes of the same hash are queued: each starts when the one before it has ended.
   * @returns bytes received so far and whether the blob is now stored.
   * @throws NestError('validation') `blob.bad-range` when `offset` is not where the part ends,
   *   `blob.hash-mismatch` when the completed bytes do not hash to `hash` (the part is dropped);
   *   NestError('too-large') past the size limit or past `total`.
   */
  async writeResumable(hash: string, offset: number, total: number, source: Readable): Promise<{ received: number; complete: boolean }> {
    this.pathOf(hash); // a malformed hash is refused before it is queued
    const before = this.writing.get(hash) ?? Promise.resolve();
    const run = before.then(() => this.appendPart(hash, offset, total, source));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.writing.set(hash, settled);
    void settled.then(() => {
      if (this.writing.get(hash) === settled) this.writing.delete(hash);
    });
    return run;
  }

  /** {@link writeResumable} once no other write of `hash` is under way. */
  private async appendPart(hash: string, offset: number, total: number, source: Readable): Promise<{ received: number; complete: boolean }> {
    if (this.has(hash)) {
      source.resume();
      return { received: total, complete: true };
    }
    if (total > this.o.maxBytes) throw new NestError('too-large', { id: 'file.too-large', values: { size: total, max: this.o.maxBytes } });
    const part = this.partialPath(hash);
    const have = this.received(hash);
    if (offset !== have) throw new NestError('validation', { id: 'blob.bad-range', values: { offset: have } });
    fs.mkdirSync(path.dirname(part), { recursive: true, mode: 0o700 });
    const fd = fs.openSync(part, 'a', 0o600);
    let closed = false;
    const close = (): void => {
      if (!closed) fs.closeSync(fd);
      closed = true;
    };
    try {
      const state = this.partHash(hash, part, have);
      const behind = new FlushBehind(fd);
      const writer = new PartWriter({
        fd,
        start: have,
        limit: total,
        onWritten: (length) => {
          behind.wrote(length - state.bytes);
          state.bytes = length;
          state.hasher.feed(length);
        },
      });
      try {
        await drainInto(source, writer);
      } catch (err) {
        await writer.idle();
        await behind.idle();
        // The running hash follows completed writes only, so it still covers exactly the part;
        // a failed write leaves the part's length unknown to it: then the next resume hashes afresh.
        const held = this.received(hash);
        if (held !== state.bytes) this.forgetPartHash(hash);
        // A dropped connection keeps what arrived (the client resumes from `received`); a refused one too.
        if (err instanceof NestError) throw err;
        return { received: held, complete: false };
      }
      await behind.idle();
      if (state.bytes < total) return { received: state.bytes, complete: false };
      this.partHashes.delete(hash);
      // The hash's tail and the part's fsync run side by side: both wait on other threads.
      const [digest] = await Promise.all([state.hasher.digest().catch(() => hashFile(part)), fsyncAsync(fd)]);
      close();
      if (digest !== hash) {
        fs.rmSync(part, { force: true });
        throw new NestError('validation', { id: 'blob.hash-mismatch' });
      }
      this.place(part, hash);
      return { received: total, complete: true };
    } finally {
      close();
    }
  }

  /**
   * The running hash of `hash`'s part of `have` bytes: the one kept from this process's last
   * write when it covers exactly those bytes, else a new one that starts by hashing the part
   * already there (read once, by the hashing worker).
   */
  private partHash(hash: string, part: string, have: number): PartHash {
    const kept = this.partHashes.get(hash);
    if (kept && kept.bytes === have) return kept;
    kept?.hasher.drop();
    const state: PartHash = { hasher: new BackgroundHash(part), bytes: have };
    state.hasher.feed(have);
    this.partHashes.set(hash, state);
    return state;
  }

  private forgetPartHash(hash: string): void {
    this.partHashes.get(hash)?.hasher.drop();
    this.partHashes.delete(hash);
  }

  /** Resolves when the root folder exists (created if need be) and is writable (for the relay's /health). */
  async ping(): Promise<void> {
    fs.mkdirSync(this.root, { recursive: true, mode: 0o700 });
    await fs.promises.access(this.root, fs.constants.R_OK | fs.constants.W_OK);
  }

  /** Re-hashes blob `hash` from disk: `ok`, `changed` (its bytes no longer hash to its name) or `missing`. */
  async check(hash: string): Promise<BlobCheck> {
    if (!this.has(hash)) return 'missing';
    return (await hashFile(this.pathOf(hash))) === hash ? 'ok' : 'changed';
  }

  /** Moves the complete file `from` into place as blob `hash` (fsynced; kept as is when the blob exists already). */
  private commit(from: string, hash: string): void {
    if (fs.existsSync(this.pathOf(hash))) return;
    const fd = fs.openSync(from, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.place(from, hash);
  }

  /** Renames the complete, already fsynced file `from` into place as blob `hash` and fsyncs the folder (kept as is when the blob exists already). */
  private place(from: string, hash: string): void {
    const dest = this.pathOf(hash);
    if (fs.existsSync(dest)) {
      fs.rmSync(from, { force: true });
      return;
    }
    fs.mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
    fs.chmodSync(from, 0o600);
    fs.renameSync(from, dest);
    try {
      const dfd = fs.openSync(path.dirname(dest), 'r');
      fs.fsyncSync(dfd);
      fs.closeSync(dfd);
    } catch {
      /* directories cannot be fsynced on Windows; the rename is still atomic there */
    }
  }

  private tempPath(kind: string): string {
    const dir = path.join(this.root, 'tmp');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return path.join(dir, `${kind}-${process.pid}-${crypto.randomUUID()}`);
  }

  private partialPath(hash: string): string {
    this.pathOf(hash); // validates the hash before it names a file
    return path.join(this.root, 'partial', hash);
  }
}

/** fsync of an open file on libuv's thread pool. */
function fsyncAsync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve())));
}

/** SHA-256 (hex) of a file's bytes, streamed. */
export async function hashFile(file: string): Promise<string> {
  const hasher = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file, { highWaterMark: BLOB_STREAM_BYTES }), hasher);
  return hasher.digest('hex');
}
