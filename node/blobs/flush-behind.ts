/**
 * Flush-behind for blob writes: every {@link FLUSH_BEHIND_BYTES} bytes handed to the file being
 * written, an `fdatasync` of it starts in the background (libuv's thread pool), so the disk
 * writes while more bytes arrive and are hashed, and the fsync that makes a blob durable before it
 * is renamed into place finds little left to write. Measured: that final fsync of a whole blob
 * was most of the wall time a store write added over a plain copy (bench B1/B2, docs/evidence.md).
 * It changes when bytes reach the disk, never what reaches it: durability is still the commit's
 * fsync.
 */
import fs from 'node:fs';

/** Bytes written between two background flushes. */
export const FLUSH_BEHIND_BYTES = 16 * 1024 * 1024;

/** Background flushes of one open file (`fd`), at most one at a time. */
export class FlushBehind {
  private pending = 0;
  private running: Promise<void> | null = null;

  constructor(
    private readonly fd: number,
    private readonly every: number = FLUSH_BEHIND_BYTES,
  ) {}

  /** Counts `bytes` handed to the file; starts a flush once `every` bytes have been since the last (none while one runs). */
  wrote(bytes: number): void {
    this.pending += bytes;
    if (this.pending < this.every || this.running) return;
    this.pending = 0;
    this.running = new Promise((resolve) =>
      // An error (the file closed under it after a failed write) changes nothing: the commit fsyncs.
      fs.fdatasync(this.fd, () => {
        this.running = null;
        resolve();
      }),
    );
  }

  /** True while a background flush runs. */
  get flushing(): boolean {
    return this.running !== null;
  }

  /** Resolves when no flush is running; wait for it before the file is closed. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}
