/**
 * The writable end of a resumable blob write: appends what it is given to an open file and says,
 * after each write has completed, how far the file now goes (`onWritten`), so that the running
 * hash (background-hash.ts) and the flush-behind (flush-behind.ts) follow the bytes on disk, not
 * the bytes in flight.
 *
 * Why not fs.WriteStream: with its 16 KiB buffer every 64 KiB socket chunk paused the socket until
 * the write was done, and when a cut connection destroys it, it drops what it buffered without
 * saying how much reached the file. Here up to `highWaterMark` bytes queue while a write runs and
 * go to the disk in one `writev`; a destroy waits for the write in flight, so `onWritten` has
 * always reported exactly the file's length. The file descriptor stays the caller's (closed by it).
 */
import fs from 'node:fs';
import { Writable, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { NestError } from '../../shared/errors';

/** Options of {@link PartWriter}. */
export interface PartWriterOptions {
  /** The open file (append mode or positioned at `start`); not closed here. */
  fd: number;
  /** Length of the file when the writer starts, bytes. */
  start: number;
  /** Length the file may reach, bytes: a chunk past it fails the stream with NestError('too-large') and is not written. */
  limit: number;
  /** Called after each completed write with the file's new length. */
  onWritten: (length: number) => void;
  /** Bytes queued while a write runs (default 4 MiB). */
  highWaterMark?: number;
}

/** Appends to `fd`; see the module comment. */
export class PartWriter extends Writable {
  private length: number;
  /** The write under way, if any: destroy waits for it. */
  private inFlight: Promise<void> | null = null;

  constructor(private readonly o: PartWriterOptions) {
    super({ highWaterMark: o.highWaterMark ?? 4 * 1024 * 1024 });
    this.length = o.start;
  }

  /** Bytes the file holds, as far as this writer knows (its start plus every completed write). */
  get written(): number {
    return this.length;
  }

  /**
   * Resolves when no write is running. After a failed pipeline call it before reading the file's
   * length or closing `fd`: the pipeline may settle while the writer's last write still runs.
   */
  idle(): Promise<void> {
    return this.inFlight ?? Promise.resolve();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.writeAll([chunk], cb);
  }

  override _writev(chunks: { chunk: Buffer }[], cb: (err?: Error | null) => void): void {
    this.writeAll(
      chunks.map((c) => c.chunk),
      cb,
    );
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    // The file must not be closed, nor its length read, while a write to it is still running.
    void (this.inFlight ?? Promise.resolve()).then(() => cb(err));
  }

  private writeAll(bufs: Buffer[], cb: (err?: Error | null) => void): void {
    const bytes = bufs.reduce((n, b) => n + b.length, 0);
    if (this.length + bytes > this.o.limit) {
      cb(new NestError('too-large', { id: 'file.too-large', values: { size: this.length + bytes, max: this.o.limit } }));
      return;
    }
    this.inFlight = new Promise((settled) => {
      const step = (rest: Buffer[]): void => {
        fs.writev(this.o.fd, rest, (err, n) => {
          if (err) {
            settled();
            return cb(err);
          }
          this.length += n;
          this.o.onWritten(this.length);
          const left = dropBytes(rest, n);
          if (left.length > 0) return step(left); // a short write: the rest follows
          this.inFlight = null;
          settled();
          cb();
        });
      };
      step(bufs);
    });
  }
}

/**
 * Pipes `source` into `writer`. When the source fails (a dropped connection), the writer still
 * writes what it had queued and ends, and the promise resolves: what arrived is kept, so the
 * client resumes from there (with pipeline() a cut would drop the writer's queue, up to 4 MiB).
 * @throws the writer's error (a refused chunk, a failed write); the source is destroyed then.
 */
export function drainInto(source: Readable, writer: PartWriter): Promise<void> {
  return new Promise((resolve, reject) => {
    writer.once('error', (err) => {
      source.unpipe(writer);
      source.destroy();
      reject(err);
    });
    writer.once('finish', () => resolve());
    finished(source).catch(() => {
      source.unpipe(writer);
      if (!writer.destroyed) writer.end();
    });
    source.pipe(writer);
  });
}

/** `bufs` without their first `n` bytes. */
function dropBytes(bufs: Buffer[], n: number): Buffer[] {
  const out: Buffer[] = [];
  let skip = n;
  for (const b of bufs) {
    if (skip >= b.length) {
      skip -= b.length;
      continue;
    }
    out.push(skip > 0 ? b.subarray(skip) : b);
    skip = 0;
  }
  return out;
}
