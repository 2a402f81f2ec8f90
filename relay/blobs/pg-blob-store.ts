/**
 * {@link BlobStore} on PostgreSQL (issue 15, item 7): the relay's blobs in the database every
 * relay process shares (tables of relay/storage/postgres/migrations/002_blobs.sql), so a file
 * uploaded through one process is served by all, and an upload cut on one resumes on another.
 *
 * Bytes go in as rows of up to {@link CHUNK_BYTES} (1 MiB) keyed by their offset, each chunk in
 * its own short transaction that locks the blob's row and checks that the chunk continues exactly
 * where the held part ends: two processes appending to one upload cannot interleave, and what a
 * dropped connection delivered stays held. The SHA-256 covers exactly the committed chunks, each
 * hashed once as it is committed; its state is kept in memory between the requests of one upload
 * (see RunningHash), and only a part this process did not append to last (a resume through
 * another process, or after a restart) is read back and hashed once. Only when the digest equals
 * the name is the blob marked committed (else the part is dropped). Reads fetch one chunk at a time as the consumer pulls, so memory stays at
 * a few MiB per upload or download whatever the file's size.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import pg from 'pg';
import type { BlobStore, ResumableWriteResult } from '../../node/blobs/blob-store';
import { isSha256 } from '../../shared/domain/attached-file';
import { NestError } from '../../shared/errors';
import { poolConfig } from '../storage/postgres/pg-doc-store';
import { migratePostgres } from '../storage/postgres/pg-migrate';

/** Largest chunk row, bytes: big enough that a 2 GiB file is ~2,000 rows, small enough to buffer. */
export const CHUNK_BYTES = 1024 * 1024;

/** Options of {@link PgBlobStore.open}. */
export interface PgBlobStoreOptions {
  /** Largest blob accepted, bytes. */
  maxBytes: number;
  /** Pool size (connections), default 4. */
  poolSize?: number;
  /** Chunk size, bytes (default {@link CHUNK_BYTES}; tests use smaller ones). */
  chunkBytes?: number;
  now?: () => number;
}

/** A row of relay_blobs. */
interface BlobRow {
  size: number;
  received: number;
  committed: boolean;
}

/**
 * The SHA-256 of an upload's held part, kept by the process that appended it: the digest state of
 * the first `bytes` bytes, and the last chunk row it appended (offset and inserting transaction
 * id). An upload arrives as many requests (the desktop PUTs 64 MiB at a time); keeping the state
 * between them is what makes an N-chunk upload hash each byte once instead of re-reading the whole
 * part for every request (quadratic in the file's size). The row's `xmin` tells whether the part
 * is still the one this state covers: a part dropped (hash mismatch) and uploaded again through
 * another process has the same length but new rows.
 */
interface RunningHash {
  hasher: crypto.Hash;
  bytes: number;
  last: { offset: number; xmin: string } | null;
}

/** The PostgreSQL blob store. Open it with {@link PgBlobStore.open}; `close()` ends its pool. */
export class PgBlobStore implements BlobStore {
  private readonly chunk: number;
  private readonly now: () => number;
  /** hash → the running hash of an upload this process appended to (see {@link RunningHash}). */
  private readonly running = new Map<string, RunningHash>();
  /** Bytes fed to SHA-256 by this store since it was opened (re-reads of held parts included): what the tests count. */
  hashedBytes = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly o: PgBlobStoreOptions,
  ) {
    this.chunk = o.chunkBytes ?? CHUNK_BYTES;
    this.now = o.now ?? Date.now;
  }

  /**
   * Connects to `url` with a pool of its own and applies pending migrations (a no-op when the
   * relay's storage did already).
   * @throws NestError('database-too-new' | 'migration-failed'); the pg error when it cannot connect.
   */
  static async open(url: string, o: PgBlobStoreOptions): Promise<PgBlobStore> {
    const pool = new pg.Pool(poolConfig(url, o.poolSize ?? 4));
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      const c = await pool.connect();
      try {
        await migratePostgres(c);
      } finally {
        c.release();
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PgBlobStore(pool, o);
  }

  /** Ends the pool. */
  async close(): Promise<void> {
    await this.pool.end();
  }

  /** @inheritdoc */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1 FROM relay_blobs LIMIT 1');
  }

  /** @inheritdoc */
  async has(hash: string): Promise<boolean> {
    return (await this.row(hash))?.committed === true;
  }

  /** @inheritdoc */
  async size(hash: string): Promise<number | null> {
    const r = await this.row(hash);
    return r?.committed ? r.size : null;
  }

  /** @inheritdoc */
  async received(hash: string): Promise<number> {
    const r = await this.row(hash);
    if (!r) return 0;
    return r.committed ? r.size : r.received;
  }

  /** @inheritdoc */
  async writeResumable(hash: string, offset: number, total: number, source: Readable): Promise<ResumableWriteResult> {
    const row = await this.row(hash);
    if (row?.committed) {
      source.resume();
      return { received: row.size, complete: true };
    }
    if (total > this.o.maxBytes) throw new NestError('too-large', { id: 'file.too-large', values: { size: total, max: this.o.maxBytes } });
    const have = row?.received ?? 0;
    if (offset !== have) throw new NestError('validation', { id: 'blob.bad-range', values: { offset: have } });
    if (have > total) throw new NestError('too-large', { id: 'file.too-large', values: { size: have, max: total } });
    const t = this.now();
    // The declared total is the latest client's: the hash check at the end decides whether it was right.
    await this.pool.query(
      'INSERT INTO relay_blobs (hash, size, received, committed, created_at, updated_at) VALUES ($1, $2, 0, false, $3, $3) ON CONFLICT (hash) DO UPDATE SET size = EXCLUDED.size, updated_at = EXCLUDED.updated_at WHERE NOT relay_blobs.committed',
      [hash, total, t],
    );
    // The running hash of what is held: this process's own when it still covers exactly the
    // held part, else the held part hashed once; then each chunk as it is committed. The bytes
    // hashed are exactly the bytes stored, each once per process, with no pass at the end.
    const state = await this.runningHash(hash, have);
    let pos = have;
    // One chunk-sized buffer, filled from the request and reused for every row: no per-chunk copies.
    const buf = Buffer.allocUnsafe(Math.min(this.chunk, Math.max(total - have, 1)));
    let fill = 0;
    const flush = async (): Promise<void> => {
      if (fill === 0) return;
      const piece = buf.subarray(0, fill);
      const xmin = await this.appendChunk(hash, pos, piece);
      this.feed(state, piece);
      state.last = { offset: pos, xmin };
      pos += fill;
      fill = 0;
    };
    try {
      for await (const c of source as AsyncIterable<Buffer>) {
        if (pos + fill + c.length > total) throw new NestError('too-large', { id: 'file.too-large', values: { size: pos + fill + c.length, max: total } });
        for (let at = 0; at < c.length; ) {
          const n = c.copy(buf, fill, at);
          fill += n;
          at += n;
          if (fill === buf.length) await flush();
        }
      }
    } catch (err) {
      if (err instanceof NestError) throw err;
      // A dropped connection keeps what arrived (the client resumes from `received`).
      await flush().catch(() => undefined);
      return { received: await this.received(hash), complete: false };
    }
    await flush();
    if (pos < total) return { received: pos, complete: false };
    if (this.running.get(hash) === state) this.running.delete(hash);
    if (state.hasher.digest('hex') !== hash) {
      await this.pool.query('DELETE FROM relay_blobs WHERE hash = $1 AND NOT committed', [hash]);
      throw new NestError('validation', { id: 'blob.hash-mismatch' });
    }
    await this.pool.query('UPDATE relay_blobs SET committed = true, updated_at = $2 WHERE hash = $1 AND received = size', [hash, this.now()]);
    return { received: total, complete: true };
  }

  /**
   * The running hash of `hash`'s held part of `have` bytes (see {@link RunningHash}): the one
   * kept from this process's last append when the part is still the one it appended to (same
   * length, and its last chunk row is the one this process inserted), else a new one fed with the
   * held part read back once.
   */
  private async runningHash(hash: string, have: number): Promise<RunningHash> {
    const kept = this.running.get(hash);
    if (kept && kept.bytes === have) {
      if (!kept.last) return kept;
      const r = await this.pool.query<{ xmin: string }>('SELECT xmin::text AS xmin FROM relay_blob_chunks WHERE hash = $1 AND offset_bytes = $2', [hash, kept.last.offset]);
      if (r.rows[0]?.xmin === kept.last.xmin) return kept;
    }
    const state: RunningHash = { hasher: crypto.createHash('sha256'), bytes: 0, last: null };
    if (have > 0) for await (const b of this.chunks(hash, 0, have - 1)) this.feed(state, b);
    if (state.bytes !== have) throw new NestError('validation', { id: 'blob.bad-range', values: { offset: await this.received(hash) } });
    this.running.set(hash, state);
    return state;
  }

  /** Hashes `bytes` into `state`, counting them in {@link hashedBytes}. */
  private feed(state: RunningHash, bytes: Buffer): void {
    state.hasher.update(bytes);
    state.bytes += bytes.length;
    this.hashedBytes += bytes.length;
  }

  /** @inheritdoc */
  async read(hash: string, start = 0, end?: number): Promise<Readable> {
    const r = await this.row(hash);
    if (!r?.committed) throw new NestError('not-found', { id: 'blob.not-referenced' });
    const last = Math.min(end ?? r.size - 1, r.size - 1);
    return Readable.from(this.chunks(hash, start, last), { objectMode: false });
  }

  /** The bytes `start`…`end` (inclusive) of `hash`, one chunk row fetched per step. */
  private async *chunks(hash: string, start: number, end: number): AsyncGenerator<Buffer> {
    if (end < start) return;
    type ChunkRow = { offset_bytes: number; data: Buffer };
    let row: ChunkRow | undefined = (
      await this.pool.query<ChunkRow>('SELECT offset_bytes, data FROM relay_blob_chunks WHERE hash = $1 AND offset_bytes <= $2 ORDER BY offset_bytes DESC LIMIT 1', [hash, start])
    ).rows[0];
    while (row && row.offset_bytes <= end) {
      const from = Math.max(0, start - row.offset_bytes);
      const to = Math.min(row.data.length, end - row.offset_bytes + 1);
      if (to > from) yield row.data.subarray(from, to);
      const next: number = row.offset_bytes + row.data.length;
      row = (await this.pool.query<ChunkRow>('SELECT offset_bytes, data FROM relay_blob_chunks WHERE hash = $1 AND offset_bytes = $2', [hash, next])).rows[0];
    }
  }

  /**
   * Stores `data` at `offset` of the upload of `hash`, in one transaction holding the blob row's
   * lock; returns the inserting transaction's id (`xmin`), which names this row among any later
   * one at the same offset. @throws NestError('validation') `blob.bad-range` when another process moved the end meanwhile.
   */
  private async appendChunk(hash: string, offset: number, data: Buffer): Promise<string> {
    const c = await this.pool.connect();
    const ignore = () => undefined;
    c.on('error', ignore);
    let broken = false;
    try {
      await c.query('BEGIN');
      const held = (await c.query<{ received: number }>('SELECT received FROM relay_blobs WHERE hash = $1 AND NOT committed FOR UPDATE', [hash])).rows[0];
      if (held?.received !== offset) throw new NestError('validation', { id: 'blob.bad-range', values: { offset: held?.received ?? 0 } });
      const inserted = await c.query<{ xmin: string }>('INSERT INTO relay_blob_chunks (hash, offset_bytes, data) VALUES ($1, $2, $3) RETURNING xmin::text AS xmin', [hash, offset, data]);
      await c.query('UPDATE relay_blobs SET received = $2, updated_at = $3 WHERE hash = $1', [hash, offset + data.length, this.now()]);
      await c.query('COMMIT');
      return inserted.rows[0]!.xmin;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => (broken = true));
      throw err;
    } finally {
      c.off('error', ignore);
      c.release(broken);
    }
  }

  private async row(hash: string): Promise<BlobRow | undefined> {
    if (!isSha256(hash)) throw new NestError('validation', { id: 'blob.bad-hash', values: { hash: String(hash).slice(0, 80) } });
    return (await this.pool.query<BlobRow>('SELECT size, received, committed FROM relay_blobs WHERE hash = $1', [hash])).rows[0];
  }
}
