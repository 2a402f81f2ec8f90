/**
 * Content-addressed blob storage on the filesystem, used by the data service (under a workspace
 * folder) and the relay (under its data dir): a blob lives at `sha256/ab/cdef…` below the root,
 * named by its SHA-256, so identical files are stored once and a stored file can be re-checked
 * against its name at any time.
 *
 * Intake streams: bytes are hashed while they are copied to a temporary file, which is fsynced
 * and renamed into place, so memory stays bounded whatever the size and a crash leaves either no
 * blob or a whole one. Resumable writes (the relay's uploads, the desktop's downloads) keep the
 * part received in `partial/<hash>` and append to it, hashing each byte as it is written: the
 * SHA-256 state of the part is kept in memory between the requests of one upload, so completing
 * a blob costs no second read of it (bench B1/B2 measured that re-read as the largest cost). Only
 * a part this process did not write itself (a resume after a restart, or after a write that
 * failed part-way) is read back and hashed once before new bytes are appended. On completion the
 * digest of exactly the bytes in the part is compared with the name, and a mismatch is refused
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
import { FlushBehind } from './flush-behind';

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

/** The running SHA-256 of a resumable write's part: the digest state of its first `bytes` bytes. */
interface PartHash {
  hasher: crypto.Hash;
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
    const state = await this.partHash(hash, part, have);
    let size = have;
    fs.mkdirSync(path.dirname(part), { recursive: true, mode: 0o700 });
    const fd = fs.openSync(part, 'a', 0o600);
    const behind = new FlushBehind(fd);
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        if (size + chunk.length > total) return done(new NestError('too-large', { id: 'file.too-large', values: { size: size + chunk.length, max: total } }));
        size += chunk.length;
        state.hasher.update(chunk);
        state.bytes = size;
        behind.wrote(chunk.length);
        done(null, chunk);
      },
      flush(done) {
        void behind.idle().then(() => done());
      },
    });
    try {
      // Node's small default buffer here, not BLOB_STREAM_BYTES: a cut connection destroys the
      // stream and drops what it still buffered, which the client would then send again.
      await pipeline(source, limit, fs.createWriteStream(part, { fd }));
    } catch (err) {
      // The running hash holds bytes that may not all have reached the part: keep it only when
      // the part is exactly as long, else the next resume hashes the part afresh.
      const held = this.received(hash);
      if (held !== state.bytes) this.partHashes.delete(hash);
      // A dropped connection keeps what arrived (the client resumes from `received`); a refused one too.
      if (err instanceof NestError) throw err;
      return { received: held, complete: false };
    }
    if (size < total) return { received: size, complete: false };
    this.partHashes.delete(hash);
    if (state.hasher.digest('hex') !== hash) {
      fs.rmSync(part, { force: true });
      throw new NestError('validation', { id: 'blob.hash-mismatch' });
    }
    this.commit(part, hash);
    return { received: total, complete: true };
  }

  /**
   * The running hash of `hash`'s part of `have` bytes: the one kept from this process's last
   * write when it covers exactly those bytes, else a new one fed with the part read back once.
   */
  private async partHash(hash: string, part: string, have: number): Promise<PartHash> {
    const kept = this.partHashes.get(hash);
    if (kept && kept.bytes === have) return kept;
    const state: PartHash = { hasher: crypto.createHash('sha256'), bytes: 0 };
    if (have > 0) {
      for await (const chunk of fs.createReadStream(part, { start: 0, end: have - 1, highWaterMark: BLOB_STREAM_BYTES })) {
        state.hasher.update(chunk as Buffer);
        state.bytes += (chunk as Buffer).length;
      }
      if (state.bytes !== have) throw new NestError('validation', { id: 'blob.bad-range', values: { offset: this.received(hash) } });
    }
    this.partHashes.set(hash, state);
    return state;
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
    const dest = this.pathOf(hash);
    if (fs.existsSync(dest)) return;
    const fd = fs.openSync(from, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
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

/** SHA-256 (hex) of a file's bytes, streamed. */
export async function hashFile(file: string): Promise<string> {
  const hasher = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file, { highWaterMark: BLOB_STREAM_BYTES }), hasher);
  return hasher.digest('hex');
}
